import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`events\` ADD \`import_credit\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_import_credit\` text;`)
  // Events imported before: credited by their source's name, as the next fetch would.
  await db.run(
    sql`UPDATE \`events\` SET \`import_credit\` = (SELECT \`name\` FROM \`calendar_sources\` WHERE \`calendar_sources\`.\`id\` = \`events\`.\`import_source_id\`) WHERE \`import_source_id\` IS NOT NULL;`,
  )
  await db.run(
    sql`UPDATE \`_events_v\` SET \`version_import_credit\` = (SELECT \`name\` FROM \`calendar_sources\` WHERE \`calendar_sources\`.\`id\` = \`_events_v\`.\`version_import_source_id\`) WHERE \`version_import_source_id\` IS NOT NULL;`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`import_credit\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_import_credit\`;`)
}
