// npm run generate -- --events 10000 --resources 1000 --actions 200 [--seed 1] [--now 2027-01-15]
// [--force]: fills a fresh database with a synthetic region for measurements (scripts/lib/
// synthetic.ts), on top of the real reference content (communes, goals, taxonomies, figures),
// which it seeds when the database has none. Every synthetic document is flagged demo and says
// "[synthetic]" in its title. Refuses a database that already has events, actions or resources
// unless --force is given.
//
// Speed: documents go straight to the database adapter (payload.db.create and createVersion) in
// one transaction per batch, all five languages in one write. The Local API would run access,
// validation and hooks and write each language separately (~5 writes a document); the data is
// built valid instead (tests/unit/synthetic.test.ts checks it against the CMS's own rules).
import { parseArgs } from 'node:util'
import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type CollectionSlug,
  type Payload,
  type PayloadRequest,
} from 'payload'
import sharp from 'sharp'
import { localeCodes } from '../locales/config'
import { openPayload } from '../cms/openPayload'
import { seed } from '../cms/seed'
import { databaseSettings } from '../cms/settings'
import {
  link,
  REGION_OPTIONS,
  regionCounts,
  SYNTHETIC_MARK,
  syntheticRegion,
  type Id,
  type ReferenceIds,
  type SyntheticDoc,
} from './lib/synthetic'

const { values } = parseArgs({
  options: {
    ...REGION_OPTIONS,
    now: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
})

const options = {
  ...regionCounts(values, 'generate'),
  now: values.now ? new Date(`${values.now}T12:00:00Z`) : new Date(),
}
if (Number.isNaN(options.now.getTime())) {
  console.error(`[generate] --now needs a date like 2027-01-15, not "${values.now}".`)
  process.exit(2)
}

const log = (line: string) => console.log(`[generate] ${line}`)
const BATCH = 250

/** Existing editorial content: the generator adds to a fresh database only. */
async function existingContent(payload: Payload): Promise<string[]> {
  const found: string[] = []
  for (const collection of ['events', 'actions', 'resources'] as const) {
    const { totalDocs } = await payload.count({ collection, overrideAccess: true })
    if (totalDocs > 0) found.push(`${totalDocs} ${collection}`)
  }
  return found
}

async function referenceIds(payload: Payload, images: Id[]): Promise<ReferenceIds> {
  const all = async (collection: CollectionSlug) =>
    (
      await payload.find({
        collection,
        pagination: false,
        depth: 0,
        locale: 'fr',
        overrideAccess: true,
      })
    ).docs as unknown as Record<string, unknown>[]
  const communes = (await all('communes')).filter(
    (doc) => !doc.validTo && ['partner', 'leader-member'].includes(String(doc.status)),
  )
  return {
    communes: communes.map((doc) => ({
      id: doc.id as Id,
      slug: String(doc.slug),
      name: String(doc.name ?? doc.slug),
    })),
    categories: (await all('categories')).map((doc) => ({
      id: doc.id as Id,
      slug: String(doc.slug),
    })),
    targetGroups: (await all('target-groups')).map((doc) => ({
      id: doc.id as Id,
      slug: String(doc.slug),
    })),
    goals: (await all('goals')).map((doc) => doc.id as Id),
    images,
  }
}

const imageColours: [string, string][] = [
  ['#0b5e55', '#f2c14e'],
  ['#b3261e', '#2a6fdb'],
  ['#5b3a8c', '#e07a5f'],
  ['#1d3557', '#a8dadc'],
]

/** A few images drawn with sharp, each saying "synthetic" in the picture and its alt text. */
async function createImages(payload: Payload): Promise<Id[]> {
  const ids: Id[] = []
  for (const [index, [a, b]] of imageColours.entries()) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900">
  <rect width="1600" height="900" fill="#f4f1ea"/>
  <circle cx="${420 + index * 150}" cy="420" r="260" fill="${a}"/>
  <rect x="900" y="260" width="420" height="420" fill="${b}"/>
  <text x="80" y="820" font-family="sans-serif" font-size="72" font-weight="700" fill="#1b1f23">${SYNTHETIC_MARK} ${index + 1}</text>
</svg>`
    const data = await sharp(Buffer.from(svg)).png().toBuffer()
    const alt = {
      lb: `Synthetescht Beispillbild ${index + 1}: faarweg Formen`,
      fr: `Image d’exemple synthétique ${index + 1} : formes colorées`,
      de: `Synthetisches Beispielbild ${index + 1}: farbige Formen`,
      pt: `Imagem de exemplo sintética ${index + 1}: formas coloridas`,
      en: `Synthetic example image ${index + 1}: coloured shapes`,
    }
    const created = await payload.create({
      collection: 'media',
      locale: 'en',
      data: { alt: alt.en, sourceLanguage: 'en' } as never,
      file: {
        data,
        name: `synthetic-${index + 1}.png`,
        mimetype: 'image/png',
        size: data.length,
      },
    })
    for (const locale of localeCodes) {
      if (locale === 'en') continue
      await payload.update({
        collection: 'media',
        id: created.id,
        locale,
        data: { alt: alt[locale] } as never,
      })
    }
    ids.push(created.id)
  }
  return ids
}

async function lastId(payload: Payload, collection: CollectionSlug): Promise<number> {
  const { docs } = await payload.find({
    collection,
    sort: '-id',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: {},
  })
  return Number(docs[0]?.id ?? 0)
}

function progress(label: string, done: number, total: number, started: number) {
  const seconds = (performance.now() - started) / 1000
  const rate = seconds > 0 ? Math.round(done / seconds) : 0
  process.stdout.write(
    `\r[generate] ${label}: ${done}/${total} (${rate}/s)${done === total ? '\n' : ''}`,
  )
}

/**
 * Writes documents through the database adapter, a transaction per batch; collections with
 * drafts also get their published version (the admin lists and edits versions).
 */
async function writeAll(
  payload: Payload,
  collection: CollectionSlug,
  docs: SyntheticDoc[],
  prepare: (doc: SyntheticDoc) => SyntheticDoc = (doc) => doc,
): Promise<{ ids: Id[]; seconds: number }> {
  const config = payload.collections[collection].config
  const drafts = Boolean(
    config.versions && typeof config.versions === 'object' && config.versions.drafts,
  )
  const started = performance.now()
  const ids: Id[] = []
  // SQL adapters: ids given up front, so no write has to read its document back for the id.
  const sql = payload.db.name !== 'mongoose'
  let nextId = sql ? (await lastId(payload, collection)) + 1 : 0
  for (let from = 0; from < docs.length; from += BATCH) {
    const req = (await createLocalReq({}, payload)) as PayloadRequest
    await initTransaction(req)
    try {
      for (const doc of docs.slice(from, from + BATCH)) {
        const at = new Date().toISOString()
        const data = {
          ...prepare(doc),
          ...(drafts ? { _status: 'published' } : {}),
          createdAt: at,
          updatedAt: at,
        }
        let id: Id
        if (sql) {
          id = nextId++
          await payload.db.create({ collection, data, req, customID: id, returning: false })
        } else {
          id = ((await payload.db.create({ collection, data, req })) as { id: Id }).id
        }
        if (drafts) {
          await payload.db.createVersion({
            collectionSlug: collection,
            parent: id,
            versionData: { ...data, id } as never,
            autosave: false,
            createdAt: at,
            updatedAt: at,
            req,
            returning: false,
          })
        }
        ids.push(id)
      }
      await commitTransaction(req)
    } catch (error) {
      await killTransaction(req)
      throw error
    }
    progress(collection, ids.length, docs.length, started)
  }
  if (docs.length === 0) log(`${collection}: none asked for`)
  return { ids, seconds: (performance.now() - started) / 1000 }
}

async function main() {
  const started = performance.now()
  const settings = databaseSettings()
  log(`Database: ${settings.kind === 'sqlite' ? settings.url : 'MongoDB'}`)
  const payload = await openPayload()
  try {
    const existing = await existingContent(payload)
    if (existing.length && !values.force) {
      console.error(
        `[generate] This database already has ${existing.join(', ')}: the generator fills a fresh ` +
          'database only, so real content is never mixed with synthetic content. Point DATA_DIR ' +
          '(or DATABASE_URL) at an empty place, e.g. DATA_DIR=/tmp/zesummen-synthetic npm run ' +
          'generate, or add --force to write into this one anyway.',
      )
      process.exitCode = 3
      return
    }
    const taken = await payload.count({
      collection: 'venues',
      where: { slug: { equals: 'synthetic-venue-1' } },
      overrideAccess: true,
    })
    if (taken.totalDocs > 0) {
      console.error(
        '[generate] This database already holds a synthetic region (venue "synthetic-venue-1"). ' +
          'Generate into a fresh DATA_DIR instead.',
      )
      process.exitCode = 3
      return
    }
    const { totalDocs: communeCount } = await payload.count({ collection: 'communes' })
    if (communeCount === 0) {
      log('Empty database: seeding the reference content (communes, goals, taxonomies, figures)…')
      await seed(payload, { demo: false, log: (line) => log(`  ${line}`) })
    }
    log('Drawing images with sharp…')
    const images = await createImages(payload)
    const refs = await referenceIds(payload, images)
    log(
      `Generating ${options.events} events, ${options.resources} resources, ${options.actions} ` +
        `actions in ${refs.communes.length} communes (seed ${options.seed}, around ${options.now.toISOString().slice(0, 10)})…`,
    )
    const region = syntheticRegion(options, refs)
    const venues = await writeAll(payload, 'venues', region.venues)
    const organisations = await writeAll(payload, 'organisations', region.organisations)
    const actions = await writeAll(payload, 'actions', region.actions)
    await writeAll(payload, 'resources', region.resources)
    const events = await writeAll(payload, 'events', region.events, (event) =>
      link(event, { venues: venues.ids, organisations: organisations.ids, actions: actions.ids }),
    )
    const seconds = (performance.now() - started) / 1000
    const rate = events.seconds > 0 ? Math.round(options.events / events.seconds) : 0
    log(
      `Done in ${seconds.toFixed(1)} s: ${region.venues.length} venues, ${region.organisations.length} ` +
        `organisations, ${options.actions} actions, ${options.resources} resources, ` +
        `${options.events} events (${rate} events/s, all five languages and their published version).`,
    )
    console.log(JSON.stringify({ generate: { seconds, eventsPerSecond: rate, ...options } }))
  } finally {
    await payload.destroy()
  }
}

main().catch((error: unknown) => {
  console.error(
    `[generate] Failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  )
  process.exit(1)
})
