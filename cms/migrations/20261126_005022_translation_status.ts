import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'
import type { CollectionSlug } from 'payload'
import { statusOfStoredDocument } from '../translations/units'
import { groupFromStates } from '../fields/translationKeys'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`events\` ADD \`translation_lang_lb\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`translation_lang_fr\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`translation_lang_de\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`translation_lang_pt\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`translation_lang_en\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`translation_record\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_translation_lang_lb\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_translation_lang_fr\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_translation_lang_de\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_translation_lang_pt\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_translation_lang_en\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_translation_record\` text;`)
  await db.run(sql`ALTER TABLE \`venues\` ADD \`translation_lang_lb\` text;`)
  await db.run(sql`ALTER TABLE \`venues\` ADD \`translation_lang_fr\` text;`)
  await db.run(sql`ALTER TABLE \`venues\` ADD \`translation_lang_de\` text;`)
  await db.run(sql`ALTER TABLE \`venues\` ADD \`translation_lang_pt\` text;`)
  await db.run(sql`ALTER TABLE \`venues\` ADD \`translation_lang_en\` text;`)
  await db.run(sql`ALTER TABLE \`venues\` ADD \`translation_record\` text;`)
  await db.run(sql`ALTER TABLE \`actions\` ADD \`translation_lang_lb\` text;`)
  await db.run(sql`ALTER TABLE \`actions\` ADD \`translation_lang_fr\` text;`)
  await db.run(sql`ALTER TABLE \`actions\` ADD \`translation_lang_de\` text;`)
  await db.run(sql`ALTER TABLE \`actions\` ADD \`translation_lang_pt\` text;`)
  await db.run(sql`ALTER TABLE \`actions\` ADD \`translation_lang_en\` text;`)
  await db.run(sql`ALTER TABLE \`actions\` ADD \`translation_record\` text;`)
  await db.run(sql`ALTER TABLE \`_actions_v\` ADD \`version_translation_lang_lb\` text;`)
  await db.run(sql`ALTER TABLE \`_actions_v\` ADD \`version_translation_lang_fr\` text;`)
  await db.run(sql`ALTER TABLE \`_actions_v\` ADD \`version_translation_lang_de\` text;`)
  await db.run(sql`ALTER TABLE \`_actions_v\` ADD \`version_translation_lang_pt\` text;`)
  await db.run(sql`ALTER TABLE \`_actions_v\` ADD \`version_translation_lang_en\` text;`)
  await db.run(sql`ALTER TABLE \`_actions_v\` ADD \`version_translation_record\` text;`)
  await db.run(sql`ALTER TABLE \`goals\` ADD \`translation_lang_lb\` text;`)
  await db.run(sql`ALTER TABLE \`goals\` ADD \`translation_lang_fr\` text;`)
  await db.run(sql`ALTER TABLE \`goals\` ADD \`translation_lang_de\` text;`)
  await db.run(sql`ALTER TABLE \`goals\` ADD \`translation_lang_pt\` text;`)
  await db.run(sql`ALTER TABLE \`goals\` ADD \`translation_lang_en\` text;`)
  await db.run(sql`ALTER TABLE \`goals\` ADD \`translation_record\` text;`)
  await db.run(sql`ALTER TABLE \`resources\` ADD \`translation_lang_lb\` text;`)
  await db.run(sql`ALTER TABLE \`resources\` ADD \`translation_lang_fr\` text;`)
  await db.run(sql`ALTER TABLE \`resources\` ADD \`translation_lang_de\` text;`)
  await db.run(sql`ALTER TABLE \`resources\` ADD \`translation_lang_pt\` text;`)
  await db.run(sql`ALTER TABLE \`resources\` ADD \`translation_lang_en\` text;`)
  await db.run(sql`ALTER TABLE \`resources\` ADD \`translation_record\` text;`)
  await db.run(sql`ALTER TABLE \`_resources_v\` ADD \`version_translation_lang_lb\` text;`)
  await db.run(sql`ALTER TABLE \`_resources_v\` ADD \`version_translation_lang_fr\` text;`)
  await db.run(sql`ALTER TABLE \`_resources_v\` ADD \`version_translation_lang_de\` text;`)
  await db.run(sql`ALTER TABLE \`_resources_v\` ADD \`version_translation_lang_pt\` text;`)
  await db.run(sql`ALTER TABLE \`_resources_v\` ADD \`version_translation_lang_en\` text;`)
  await db.run(sql`ALTER TABLE \`_resources_v\` ADD \`version_translation_record\` text;`)
  await db.run(sql`ALTER TABLE \`organisations\` ADD \`translation_lang_lb\` text;`)
  await db.run(sql`ALTER TABLE \`organisations\` ADD \`translation_lang_fr\` text;`)
  await db.run(sql`ALTER TABLE \`organisations\` ADD \`translation_lang_de\` text;`)
  await db.run(sql`ALTER TABLE \`organisations\` ADD \`translation_lang_pt\` text;`)
  await db.run(sql`ALTER TABLE \`organisations\` ADD \`translation_lang_en\` text;`)
  await db.run(sql`ALTER TABLE \`organisations\` ADD \`translation_record\` text;`)
  await db.run(sql`ALTER TABLE \`communes\` ADD \`translation_lang_lb\` text;`)
  await db.run(sql`ALTER TABLE \`communes\` ADD \`translation_lang_fr\` text;`)
  await db.run(sql`ALTER TABLE \`communes\` ADD \`translation_lang_de\` text;`)
  await db.run(sql`ALTER TABLE \`communes\` ADD \`translation_lang_pt\` text;`)
  await db.run(sql`ALTER TABLE \`communes\` ADD \`translation_lang_en\` text;`)
  await db.run(sql`ALTER TABLE \`communes\` ADD \`translation_record\` text;`)
  await db.run(sql`ALTER TABLE \`categories\` ADD \`translation_lang_lb\` text;`)
  await db.run(sql`ALTER TABLE \`categories\` ADD \`translation_lang_fr\` text;`)
  await db.run(sql`ALTER TABLE \`categories\` ADD \`translation_lang_de\` text;`)
  await db.run(sql`ALTER TABLE \`categories\` ADD \`translation_lang_pt\` text;`)
  await db.run(sql`ALTER TABLE \`categories\` ADD \`translation_lang_en\` text;`)
  await db.run(sql`ALTER TABLE \`categories\` ADD \`translation_record\` text;`)
  await db.run(sql`ALTER TABLE \`target_groups\` ADD \`translation_lang_lb\` text;`)
  await db.run(sql`ALTER TABLE \`target_groups\` ADD \`translation_lang_fr\` text;`)
  await db.run(sql`ALTER TABLE \`target_groups\` ADD \`translation_lang_de\` text;`)
  await db.run(sql`ALTER TABLE \`target_groups\` ADD \`translation_lang_pt\` text;`)
  await db.run(sql`ALTER TABLE \`target_groups\` ADD \`translation_lang_en\` text;`)
  await db.run(sql`ALTER TABLE \`target_groups\` ADD \`translation_record\` text;`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`translation_lang_lb\` text;`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`translation_lang_fr\` text;`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`translation_lang_de\` text;`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`translation_lang_pt\` text;`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`translation_lang_en\` text;`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`translation_record\` text;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_translation_lang_lb\` text;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_translation_lang_fr\` text;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_translation_lang_de\` text;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_translation_lang_pt\` text;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_translation_lang_en\` text;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_translation_record\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`translation_lang_lb\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`translation_lang_fr\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`translation_lang_de\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`translation_lang_pt\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`translation_lang_en\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`translation_record\` text;`)
  await backfillTranslationStatus({ db, payload, req })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`translation_lang_lb\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`translation_lang_fr\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`translation_lang_de\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`translation_lang_pt\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`translation_lang_en\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`translation_record\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_translation_lang_lb\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_translation_lang_fr\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_translation_lang_de\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_translation_lang_pt\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_translation_lang_en\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_translation_record\`;`)
  await db.run(sql`ALTER TABLE \`venues\` DROP COLUMN \`translation_lang_lb\`;`)
  await db.run(sql`ALTER TABLE \`venues\` DROP COLUMN \`translation_lang_fr\`;`)
  await db.run(sql`ALTER TABLE \`venues\` DROP COLUMN \`translation_lang_de\`;`)
  await db.run(sql`ALTER TABLE \`venues\` DROP COLUMN \`translation_lang_pt\`;`)
  await db.run(sql`ALTER TABLE \`venues\` DROP COLUMN \`translation_lang_en\`;`)
  await db.run(sql`ALTER TABLE \`venues\` DROP COLUMN \`translation_record\`;`)
  await db.run(sql`ALTER TABLE \`actions\` DROP COLUMN \`translation_lang_lb\`;`)
  await db.run(sql`ALTER TABLE \`actions\` DROP COLUMN \`translation_lang_fr\`;`)
  await db.run(sql`ALTER TABLE \`actions\` DROP COLUMN \`translation_lang_de\`;`)
  await db.run(sql`ALTER TABLE \`actions\` DROP COLUMN \`translation_lang_pt\`;`)
  await db.run(sql`ALTER TABLE \`actions\` DROP COLUMN \`translation_lang_en\`;`)
  await db.run(sql`ALTER TABLE \`actions\` DROP COLUMN \`translation_record\`;`)
  await db.run(sql`ALTER TABLE \`_actions_v\` DROP COLUMN \`version_translation_lang_lb\`;`)
  await db.run(sql`ALTER TABLE \`_actions_v\` DROP COLUMN \`version_translation_lang_fr\`;`)
  await db.run(sql`ALTER TABLE \`_actions_v\` DROP COLUMN \`version_translation_lang_de\`;`)
  await db.run(sql`ALTER TABLE \`_actions_v\` DROP COLUMN \`version_translation_lang_pt\`;`)
  await db.run(sql`ALTER TABLE \`_actions_v\` DROP COLUMN \`version_translation_lang_en\`;`)
  await db.run(sql`ALTER TABLE \`_actions_v\` DROP COLUMN \`version_translation_record\`;`)
  await db.run(sql`ALTER TABLE \`goals\` DROP COLUMN \`translation_lang_lb\`;`)
  await db.run(sql`ALTER TABLE \`goals\` DROP COLUMN \`translation_lang_fr\`;`)
  await db.run(sql`ALTER TABLE \`goals\` DROP COLUMN \`translation_lang_de\`;`)
  await db.run(sql`ALTER TABLE \`goals\` DROP COLUMN \`translation_lang_pt\`;`)
  await db.run(sql`ALTER TABLE \`goals\` DROP COLUMN \`translation_lang_en\`;`)
  await db.run(sql`ALTER TABLE \`goals\` DROP COLUMN \`translation_record\`;`)
  await db.run(sql`ALTER TABLE \`resources\` DROP COLUMN \`translation_lang_lb\`;`)
  await db.run(sql`ALTER TABLE \`resources\` DROP COLUMN \`translation_lang_fr\`;`)
  await db.run(sql`ALTER TABLE \`resources\` DROP COLUMN \`translation_lang_de\`;`)
  await db.run(sql`ALTER TABLE \`resources\` DROP COLUMN \`translation_lang_pt\`;`)
  await db.run(sql`ALTER TABLE \`resources\` DROP COLUMN \`translation_lang_en\`;`)
  await db.run(sql`ALTER TABLE \`resources\` DROP COLUMN \`translation_record\`;`)
  await db.run(sql`ALTER TABLE \`_resources_v\` DROP COLUMN \`version_translation_lang_lb\`;`)
  await db.run(sql`ALTER TABLE \`_resources_v\` DROP COLUMN \`version_translation_lang_fr\`;`)
  await db.run(sql`ALTER TABLE \`_resources_v\` DROP COLUMN \`version_translation_lang_de\`;`)
  await db.run(sql`ALTER TABLE \`_resources_v\` DROP COLUMN \`version_translation_lang_pt\`;`)
  await db.run(sql`ALTER TABLE \`_resources_v\` DROP COLUMN \`version_translation_lang_en\`;`)
  await db.run(sql`ALTER TABLE \`_resources_v\` DROP COLUMN \`version_translation_record\`;`)
  await db.run(sql`ALTER TABLE \`organisations\` DROP COLUMN \`translation_lang_lb\`;`)
  await db.run(sql`ALTER TABLE \`organisations\` DROP COLUMN \`translation_lang_fr\`;`)
  await db.run(sql`ALTER TABLE \`organisations\` DROP COLUMN \`translation_lang_de\`;`)
  await db.run(sql`ALTER TABLE \`organisations\` DROP COLUMN \`translation_lang_pt\`;`)
  await db.run(sql`ALTER TABLE \`organisations\` DROP COLUMN \`translation_lang_en\`;`)
  await db.run(sql`ALTER TABLE \`organisations\` DROP COLUMN \`translation_record\`;`)
  await db.run(sql`ALTER TABLE \`communes\` DROP COLUMN \`translation_lang_lb\`;`)
  await db.run(sql`ALTER TABLE \`communes\` DROP COLUMN \`translation_lang_fr\`;`)
  await db.run(sql`ALTER TABLE \`communes\` DROP COLUMN \`translation_lang_de\`;`)
  await db.run(sql`ALTER TABLE \`communes\` DROP COLUMN \`translation_lang_pt\`;`)
  await db.run(sql`ALTER TABLE \`communes\` DROP COLUMN \`translation_lang_en\`;`)
  await db.run(sql`ALTER TABLE \`communes\` DROP COLUMN \`translation_record\`;`)
  await db.run(sql`ALTER TABLE \`categories\` DROP COLUMN \`translation_lang_lb\`;`)
  await db.run(sql`ALTER TABLE \`categories\` DROP COLUMN \`translation_lang_fr\`;`)
  await db.run(sql`ALTER TABLE \`categories\` DROP COLUMN \`translation_lang_de\`;`)
  await db.run(sql`ALTER TABLE \`categories\` DROP COLUMN \`translation_lang_pt\`;`)
  await db.run(sql`ALTER TABLE \`categories\` DROP COLUMN \`translation_lang_en\`;`)
  await db.run(sql`ALTER TABLE \`categories\` DROP COLUMN \`translation_record\`;`)
  await db.run(sql`ALTER TABLE \`target_groups\` DROP COLUMN \`translation_lang_lb\`;`)
  await db.run(sql`ALTER TABLE \`target_groups\` DROP COLUMN \`translation_lang_fr\`;`)
  await db.run(sql`ALTER TABLE \`target_groups\` DROP COLUMN \`translation_lang_de\`;`)
  await db.run(sql`ALTER TABLE \`target_groups\` DROP COLUMN \`translation_lang_pt\`;`)
  await db.run(sql`ALTER TABLE \`target_groups\` DROP COLUMN \`translation_lang_en\`;`)
  await db.run(sql`ALTER TABLE \`target_groups\` DROP COLUMN \`translation_record\`;`)
  await db.run(sql`ALTER TABLE \`pages\` DROP COLUMN \`translation_lang_lb\`;`)
  await db.run(sql`ALTER TABLE \`pages\` DROP COLUMN \`translation_lang_fr\`;`)
  await db.run(sql`ALTER TABLE \`pages\` DROP COLUMN \`translation_lang_de\`;`)
  await db.run(sql`ALTER TABLE \`pages\` DROP COLUMN \`translation_lang_pt\`;`)
  await db.run(sql`ALTER TABLE \`pages\` DROP COLUMN \`translation_lang_en\`;`)
  await db.run(sql`ALTER TABLE \`pages\` DROP COLUMN \`translation_record\`;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` DROP COLUMN \`version_translation_lang_lb\`;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` DROP COLUMN \`version_translation_lang_fr\`;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` DROP COLUMN \`version_translation_lang_de\`;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` DROP COLUMN \`version_translation_lang_pt\`;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` DROP COLUMN \`version_translation_lang_en\`;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` DROP COLUMN \`version_translation_record\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`translation_lang_lb\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`translation_lang_fr\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`translation_lang_de\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`translation_lang_pt\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`translation_lang_en\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`translation_record\`;`)
}

const column = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)

/**
 * Documents saved before translation status existed get theirs now: missing texts are missing,
 * existing translations count as up to date (nothing recorded says otherwise).
 */
async function backfillTranslationStatus({ db, payload, req }: MigrateUpArgs) {
  for (const collection of payload.config.collections) {
    if (!collection.custom?.translatable) continue
    const table = collection.slug.replace(/-/g, '_')
    // payload.find reads with today's schema, which later migrations extend (the calendar
    // import's event fields): a fresh database has nothing to fill and must not ask.
    const stored = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`)
    if (!stored || Number(stored.n) === 0) continue
    const { docs } = await payload.find({
      collection: collection.slug as CollectionSlug,
      locale: 'all',
      draft: Boolean(collection.versions),
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (const doc of docs as unknown as (Record<string, unknown> & { id: number })[]) {
      const { states, record } = statusOfStoredDocument(collection.fields, doc)
      const assignments = (prefix: string) =>
        sql.join(
          [
            ...Object.entries(groupFromStates(states)).map(
              ([key, state]) => sql`${sql.identifier(`${prefix}translation_${column(key)}`)} = ${state}`,
            ),
            sql`${sql.identifier(`${prefix}translation_record`)} = ${JSON.stringify(record)}`,
          ],
          sql`, `,
        )
      await db.run(sql`UPDATE ${sql.identifier(table)} SET ${assignments('')} WHERE id = ${doc.id}`)
      if (collection.versions) {
        await db.run(
          sql`UPDATE ${sql.identifier(`_${table}_v`)} SET ${assignments('version_')} WHERE parent_id = ${doc.id} AND latest = 1`,
        )
      }
    }
  }
}
