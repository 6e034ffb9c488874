// Seeds the reference content of the plan (communes, goals, taxonomies, organisations, pages)
// and, unless told otherwise, the labelled demo content, from the JSON files in content/.
// Idempotent: records are found again by slug (events by uid) and only rewritten when their
// seed file changed. Returns what it created, updated and left unchanged per collection.
import { readFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'
import { isLocaleCode, localeCodes, type LocaleCode } from '../../locales/config'
import { seedDemoImages } from './demoImages'
import { day, eventSchedule, type SeedSchedule } from './eventSchedule'
import { markdownToLexical } from './richText'
import { upsert, type Outcome, type SeedDocument } from './upsert'
import { importObservations, parsePopulationFile, portalCommunes } from './populationImport'

/** Shipped with the portal: real figures with their sources (content/statec/README.md). */
const POPULATION_FILES = [
  'population-1-january.DF_X021.sdmx.csv',
  'citizenship-census-2021.csv',
  'national-census-2021.csv',
  'register-nationalities-2025.csv',
]

type Localized = Partial<Record<LocaleCode, string | null>>
// Seed records come from JSON files; their shapes are documented in content/README.md.
type SeedRecord = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed JSON

export interface SeedOptions {
  contentDir?: string
  demo?: boolean
  log?: (line: string) => void
}

export type SeedReport = Record<string, Record<Outcome, number>>

function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T
  } catch (error) {
    throw new Error(`Cannot read seed file ${file}: ${(error as Error).message}`)
  }
}

/** The languages a record has text in: the keys of its title-like field. */
function languagesOf(value: Localized | undefined): LocaleCode[] {
  if (!value) return [...localeCodes]
  return localeCodes.filter((code) => typeof value[code] === 'string' && value[code]!.trim() !== '')
}

const text = (value: Localized | null | undefined, locale: LocaleCode) =>
  value?.[locale] ?? undefined

const richText = (value: Localized | null | undefined, locale: LocaleCode) => {
  const markdown = value?.[locale]
  return markdown ? markdownToLexical(markdown) : undefined
}

function sourceOf(record: SeedRecord, fallback: LocaleCode = 'fr'): LocaleCode {
  return isLocaleCode(record.sourceLanguage) ? record.sourceLanguage : fallback
}

export class SeedReferenceError extends Error {}

/** Payload validation errors list the fields; show them with their messages. */
function describeError(error: unknown): string {
  const fields = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data
    ?.errors
  if (fields?.length) return fields.map((field) => `${field.path}: ${field.message}`).join('; ')
  return error instanceof Error ? error.message : String(error)
}

export async function seed(payload: Payload, options: SeedOptions = {}): Promise<SeedReport> {
  const contentDir = path.resolve(options.contentDir ?? 'content')
  const includeDemo = options.demo ?? true
  const log = options.log ?? (() => {})
  const report: SeedReport = {}
  const ids = new Map<string, Map<string, string | number>>()

  const file = (...parts: string[]) => path.join(contentDir, ...parts)
  const demoFile = (name: string) => file('demo', name)

  function ref(collection: string, slug: string | null | undefined) {
    if (!slug) return null
    const id = ids.get(collection)?.get(slug)
    if (id === undefined) {
      throw new SeedReferenceError(
        `Seed content refers to unknown ${collection} "${slug}". Add it to content/ or fix the reference.`,
      )
    }
    return id
  }
  const refs = (collection: string, slugs: string[] | null | undefined) =>
    (slugs ?? []).map((slug) => ref(collection, slug))

  async function write(collection: CollectionSlug, documents: SeedDocument[]) {
    const counts: Record<Outcome, number> = { created: 0, updated: 0, unchanged: 0 }
    const known = ids.get(collection) ?? new Map()
    ids.set(collection, known)
    for (const document of documents) {
      const { outcome, id } = await upsert(payload, collection, document).catch(
        (error: unknown) => {
          throw new Error(
            `${collection} "${document.key.value}" in content/ was refused: ${describeError(error)}`,
          )
        },
      )
      counts[outcome] += 1
      const slug = (document.source as SeedRecord).slug
      known.set(typeof slug === 'string' ? slug : document.key.value, id)
    }
    const previous = report[collection] ?? { created: 0, updated: 0, unchanged: 0 }
    report[collection] = {
      created: previous.created + counts.created,
      updated: previous.updated + counts.updated,
      unchanged: previous.unchanged + counts.unchanged,
    }
    log(
      `${collection}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`,
    )
  }

  const bySlug = (
    record: SeedRecord,
    languagesFrom: Localized | undefined,
    dataFor: (locale: LocaleCode) => Record<string, unknown>,
    drafts = false,
    source: LocaleCode = sourceOf(record),
  ): SeedDocument => ({
    key: { field: 'slug', value: record.slug },
    sourceLanguage: source,
    languages: languagesOf(languagesFrom),
    dataFor,
    source: record,
    drafts,
  })

  // Communes that succeed others are written first, so a successor can be referenced.
  const communeFile = readJson<{ communes: SeedRecord[] }>(file('communes', 'communes.json'))
  const communes = [...communeFile.communes].sort(
    (a, b) => Number(Boolean(a.successor)) - Number(Boolean(b.successor)),
  )
  await write(
    'communes',
    communes.map((record) =>
      bySlug(
        record,
        record.name,
        (locale) => ({
          name: text(record.name, locale),
          slug: record.slug,
          code: record.code ?? null,
          country: record.country,
          status: record.status,
          validFrom: day(record.validFrom),
          validTo: day(record.validTo),
          successor: ref('communes', record.successor),
          coordinates: record.coordinates ?? { latitude: null, longitude: null },
          sourceLanguage: 'fr',
        }),
        false,
        'fr',
      ),
    ),
  )

  const taxonomy = (record: SeedRecord) => (locale: LocaleCode) => ({
    label: text(record.label, locale),
    description: text(record.description, locale),
    slug: record.slug,
    sourceLanguage: 'en',
  })
  for (const [collection, name] of [
    ['categories', 'categories'],
    ['target-groups', 'target-groups'],
  ] as const) {
    const records = readJson<SeedRecord[]>(file(name, `${name}.json`))
    await write(
      collection,
      records.map((record) => bySlug(record, record.label, taxonomy(record), false, 'en')),
    )
  }

  const goals = readJson<SeedRecord[]>(file('goals', 'goals.json'))
  await write(
    'goals',
    goals.map((record) =>
      bySlug(
        record,
        record.title,
        (locale) => ({
          title: text(record.title, locale),
          description: text(record.description, locale),
          kind: record.kind,
          number: record.number,
          slug: record.slug,
          sourceLanguage: 'de',
        }),
        false,
        'de',
      ),
    ),
  )

  const organisationData = (record: SeedRecord) => (locale: LocaleCode) => ({
    name: record.name,
    type: record.type,
    communes: refs('communes', record.communes),
    description: text(record.description, locale),
    slug: record.slug,
    demo: Boolean(record.demo),
    sourceLanguage: sourceOf(record, 'en'),
  })
  const organisations = readJson<SeedRecord[]>(file('organisations', 'organisations.json'))
  const demoOrganisations = includeDemo
    ? readJson<SeedRecord[]>(demoFile('organisations.json'))
    : []
  await write(
    'organisations',
    [...organisations, ...demoOrganisations].map((record) =>
      bySlug(record, record.description, organisationData(record), false, sourceOf(record, 'en')),
    ),
  )

  const pageFiles = ['about-plan', 'privacy', 'accessibility', 'imprint'].filter((name) =>
    existsSync(file('pages', `${name}.json`)),
  )
  await write(
    'pages',
    pageFiles.map((name) => {
      const record = readJson<SeedRecord>(file('pages', `${name}.json`))
      return bySlug(
        record,
        record.title,
        (locale) => ({
          title: text(record.title, locale),
          summary: text(record.summary, locale),
          layout: (record.blocks as SeedRecord[]).map((block) => ({
            blockType: 'text',
            heading: text(block.heading, locale),
            body: richText(block.body, locale),
          })),
          slug: record.slug,
          sourceLanguage: sourceOf(record),
        }),
        true,
      )
    }),
  )

  await seedPopulation()
  if (includeDemo) await seedDemo()
  return report

  /** The real population figures shipped in content/statec (see its README for sources). */
  async function seedPopulation() {
    const communes = await portalCommunes(payload)
    const counts = { created: 0, updated: 0, unchanged: 0 }
    for (const name of POPULATION_FILES) {
      const result = parsePopulationFile(readFileSync(file('statec', name)), {
        communes,
        file: name,
      })
      const imported = await importObservations(payload, result.observations)
      counts.created += imported.created
      counts.updated += imported.updated
      counts.unchanged += imported.unchanged
    }
    report['population-figures'] = counts
    log(
      `population-figures: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`,
    )
  }

  async function seedDemo() {
    const images = await seedDemoImages(payload)
    ids.set('media', images.ids)
    report.media = images.counts
    log(`media: ${images.counts.created} created, 0 updated, ${images.counts.unchanged} unchanged`)

    const venues = readJson<SeedRecord[]>(demoFile('venues.json'))
    await write(
      'venues',
      venues.map((record) =>
        bySlug(
          record,
          record.name,
          (locale) => ({
            name: text(record.name, locale),
            commune: ref('communes', record.commune),
            address: record.address ?? {},
            coordinates: record.coordinates ?? { latitude: null, longitude: null },
            accessibility: record.accessibility ?? [],
            slug: record.slug,
            demo: true,
            sourceLanguage: sourceOf(record, languagesOf(record.name)[0]),
          }),
          false,
          sourceOf(record, languagesOf(record.name)[0]),
        ),
      ),
    )

    const actions = readJson<SeedRecord[]>(demoFile('actions.json'))
    await write(
      'actions',
      actions.map((record) =>
        bySlug(
          record,
          record.title,
          (locale) => ({
            title: text(record.title, locale),
            summary: text(record.summary, locale),
            description: richText(record.description, locale),
            goals: refs('goals', record.goals),
            targetGroups: refs('target-groups', record.targetGroups),
            leadCommunes: refs('communes', record.leadCommunes),
            partnerCommunes: refs('communes', record.partnerCommunes),
            leadOrganisations: refs('organisations', record.leadOrganisations),
            partnerOrganisations: refs('organisations', record.partnerOrganisations),
            periodStart: day(record.periodStart),
            periodEnd: day(record.periodEnd),
            status: record.status,
            milestones: (record.milestones ?? []).map((milestone: SeedRecord) => ({
              title: text(milestone.title, locale),
              due: day(milestone.due),
              done: milestone.done === true,
              doneOn: day(milestone.doneOn),
            })),
            indicators: (record.indicators ?? []).map((indicator: SeedRecord) => ({
              name: text(indicator.name, locale),
              unit: text(indicator.unit, locale),
              source: indicator.source ?? 'manual',
              baseline: indicator.baseline,
              target: indicator.target,
              measurements: (indicator.measurements ?? []).map((measurement: SeedRecord) => ({
                date: day(measurement.date),
                value: measurement.value,
                note: text(measurement.note, locale),
              })),
            })),
            evaluationNotes: text(record.evaluationNotes, locale),
            slug: record.slug,
            demo: true,
            sourceLanguage: sourceOf(record),
          }),
          true,
        ),
      ),
    )

    const events = readJson<SeedRecord[]>(demoFile('events.json'))
    await write(
      'events',
      events.map((record) => eventDocument(record)),
    )

    const resources = readJson<SeedRecord[]>(demoFile('resources.json'))
    await write(
      'resources',
      resources.map((record) =>
        bySlug(
          record,
          record.title,
          (locale) => ({
            title: text(record.title, locale),
            summary: text(record.summary, locale),
            description: richText(record.description, locale),
            type: record.type,
            communes: refs('communes', record.communes),
            languagesOffered: record.languagesOffered ?? [],
            address: record.address ?? {},
            contact: record.contact ?? {},
            openingHours: text(record.openingHours, locale),
            lastReviewed: day(record.lastReviewed),
            slug: record.slug,
            demo: true,
            sourceLanguage: sourceOf(record),
          }),
          true,
        ),
      ),
    )
  }

  function eventDocument(record: SeedRecord): SeedDocument {
    return {
      // Stable across machines and rebuilds: derived from the seed slug, never random.
      key: { field: 'uid', value: `seed-${record.slug}@zesummen.lu` },
      sourceLanguage: sourceOf(record),
      languages: languagesOf(record.title),
      source: record,
      drafts: true,
      dataFor: (locale) => ({
        title: text(record.title, locale),
        summary: text(record.summary, locale),
        description: richText(record.description, locale),
        ...eventSchedule(record as SeedSchedule, (override: SeedRecord) =>
          text(override.reason, locale),
        ),
        status: record.status ?? 'scheduled',
        statusReason: text(record.statusReason, locale),
        venue: ref('venues', record.venue),
        onlineUrl: record.onlineUrl ?? null,
        communes: refs('communes', record.communes),
        organiser: ref('organisations', record.organiser),
        categories: refs('categories', record.categories),
        targetGroups: refs('target-groups', record.targetGroups),
        languagesSpoken: record.languagesSpoken ?? [],
        interpretation: record.interpretation ?? [],
        accessibility: record.accessibility ?? [],
        price: {
          free: record.price?.free ?? true,
          amountEuro: record.price?.amountEuro ?? null,
        },
        registration: record.registration
          ? { ...record.registration, deadline: day(record.registration.deadline) }
          : {},
        action: ref('actions', record.action),
        attendance: record.attendance ?? {},
        image: ref('media', record.image),
        slug: record.slug,
        uid: `seed-${record.slug}@zesummen.lu`,
        demo: true,
        sourceLanguage: sourceOf(record),
      }),
    }
  }
}
