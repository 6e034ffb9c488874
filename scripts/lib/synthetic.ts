// A synthetic region for measurements: venues, associations, actions of the plan, resources and
// events in the shape the CMS stores them (localized fields as { locale: value } objects), built
// from a seed so the same options always give the same documents. Nothing here describes a real
// event: every title carries the SYNTHETIC_MARK and every document is flagged `demo`, which the
// site shows as "Example". Pure: `scripts/generate.ts` writes the result into a database.
import { localeCodes, type LocaleCode } from '../../locales/config'
import { zonedFromWallTime } from '../../cms/domain/dates'
import { markdownToLexical } from '../../cms/seed/richText'

/** In every synthetic title, in all languages: residents and editors see what it is. */
export const SYNTHETIC_MARK = '[synthetic]'
/** Calendar identities of synthetic events end with this (never a real domain). */
export const SYNTHETIC_UID_DOMAIN = 'synthetic.zesummen.invalid'

/** Command-line options sizing the region, shared by `npm run generate` and `npm run bench`. */
export const REGION_OPTIONS = {
  events: { type: 'string', default: '10000' },
  resources: { type: 'string', default: '1000' },
  actions: { type: 'string', default: '200' },
  seed: { type: 'string', default: '1' },
} as const

export type RegionCounts = Record<keyof typeof REGION_OPTIONS, number>

/** The region options as whole numbers; exits with a message on anything else. */
export function regionCounts(values: Record<string, unknown>, tool: string): RegionCounts {
  const counts = {} as RegionCounts
  for (const name of Object.keys(REGION_OPTIONS) as (keyof RegionCounts)[]) {
    const value = Number(values[name])
    if (!Number.isInteger(value) || value < 0) {
      console.error(`[${tool}] --${name} needs a whole number ≥ 0, not "${String(values[name])}".`)
      process.exit(2)
    }
    counts[name] = value
  }
  return counts
}

/** Small deterministic generator (mulberry32): the same seed gives the same numbers. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

export type Localized = Partial<Record<LocaleCode, string>>
export type Id = string | number
/** A document as the database adapter writes it (all locales at once). */
export type SyntheticDoc = Record<string, unknown> & { slug: string }

export interface ReferenceIds {
  /** Communes that exist today, with their names (the 14 of the region and their successors). */
  communes: { id: Id; slug: string; name: string }[]
  categories: { id: Id; slug: string }[]
  targetGroups: { id: Id; slug: string }[]
  goals: Id[]
  /** A few images, referenced by many documents. */
  images: Id[]
}

export interface SyntheticOptions {
  events: number
  resources: number
  actions: number
  seed: number
  /** Events spread from 18 months before to 18 months after this day. */
  now: Date
  venues?: number
  organisations?: number
}

export interface SyntheticRegion {
  venues: SyntheticDoc[]
  organisations: SyntheticDoc[]
  actions: SyntheticDoc[]
  resources: SyntheticDoc[]
  /** Events refer to venues, organisations and actions by index (`venue: 3`): see `link`. */
  events: SyntheticDoc[]
}

// Source languages as often as they occur among the region's editors (French first).
const sourceWeights: [LocaleCode, number][] = [
  ['fr', 0.4],
  ['de', 0.2],
  ['lb', 0.15],
  ['en', 0.15],
  ['pt', 0.1],
]

const activity: Record<string, Localized> = {
  'language-cafe': {
    lb: 'Sproochecafé',
    fr: 'Café des langues',
    de: 'Sprachcafé',
    pt: 'Café de línguas',
    en: 'Language café',
  },
  'language-course': {
    lb: 'Lëtzebuergesch fir Ufänker',
    fr: 'Cours de luxembourgeois pour débutants',
    de: 'Luxemburgisch für Anfänger',
    pt: 'Luxemburguês para principiantes',
    en: 'Luxembourgish for beginners',
  },
  'welcome-newcomers': {
    lb: 'Empfang fir nei Awunner',
    fr: 'Accueil des nouveaux habitants',
    de: 'Empfang für Neuzugezogene',
    pt: 'Receção aos novos residentes',
    en: 'Welcome for new residents',
  },
  'intercultural-festival': {
    lb: 'Interkulturellt Fest',
    fr: 'Fête interculturelle',
    de: 'Interkulturelles Fest',
    pt: 'Festa intercultural',
    en: 'Intercultural festival',
  },
  'sport-leisure': {
    lb: 'Spadséiergank fir jiddereen',
    fr: 'Promenade pour tous',
    de: 'Spaziergang für alle',
    pt: 'Passeio para todos',
    en: 'Walk for everyone',
  },
  'children-families': {
    lb: 'Spillnomëtteg fir Familljen',
    fr: 'Après-midi jeux en famille',
    de: 'Spielnachmittag für Familien',
    pt: 'Tarde de jogos em família',
    en: 'Family games afternoon',
  },
  'information-session': {
    lb: 'Informatiounsversammlung',
    fr: 'Séance d’information',
    de: 'Informationsabend',
    pt: 'Sessão de informação',
    en: 'Information session',
  },
  'repair-cafe': {
    lb: 'Repair Café',
    fr: 'Repair Café',
    de: 'Repair Café',
    pt: 'Repair Café',
    en: 'Repair café',
  },
}

const inCommune: Record<LocaleCode, string> = { lb: 'zu', fr: 'à', de: 'in', pt: 'em', en: 'in' }

const summaryText: Record<LocaleCode, string> = {
  lb: 'Synthetesch Beispill fir Miessungen; dës Aktivitéit gëtt et net.',
  fr: 'Exemple synthétique pour les mesures ; cette activité n’existe pas.',
  de: 'Synthetisches Beispiel für Messungen; diese Veranstaltung gibt es nicht.',
  pt: 'Exemplo sintético para medições; esta atividade não existe.',
  en: 'Synthetic example for measurements; this activity does not exist.',
}

const descriptionText: Record<LocaleCode, string> = {
  lb: 'Dësen Text ass generéiert. Et gëtt keng Umeldung an keng Plaz.\n\nE weist, wéi eng laang Beschreiwung op der Säit ausgesäit.',
  fr: 'Ce texte est généré. Il n’y a ni inscription ni lieu réel.\n\nIl montre l’aspect d’une longue description sur le site.',
  de: 'Dieser Text ist generiert. Es gibt weder Anmeldung noch echten Ort.\n\nEr zeigt, wie eine lange Beschreibung auf der Seite aussieht.',
  pt: 'Este texto é gerado. Não há inscrição nem local real.\n\nMostra o aspeto de uma descrição longa no site.',
  en: 'This text is generated. There is no registration and no real place.\n\nIt shows what a long description looks like on the site.',
}

const cancelReason: Localized = {
  fr: 'Annulé (exemple synthétique).',
  de: 'Abgesagt (synthetisches Beispiel).',
  en: 'Cancelled (synthetic example).',
}

const resourceTypes = [
  'language-courses',
  'registration-administration',
  'schools-childcare',
  'health',
  'social-help',
  'work',
  'housing',
  'leisure',
  'helplines',
] as const
const spoken = ['lb', 'fr', 'de', 'pt', 'en', 'it', 'es', 'uk', 'ar', 'kea'] as const
const accessibility = ['step-free', 'accessible-toilet', 'hearing-loop', 'easy-read'] as const

interface Random {
  next: () => number
  pick: <T>(list: readonly T[]) => T
  some: <T>(list: readonly T[], max: number) => T[]
  int: (min: number, max: number) => number
  chance: (p: number) => boolean
  /** An array row id as Payload makes them (24 hex digits), unique within the region. */
  rowId: () => string
}

function randomTools(seed: number): Random {
  const next = random(seed)
  let rows = 0
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  return {
    next,
    pick,
    int,
    chance: (p) => next() < p,
    some: (list, max) => [...new Set(Array.from({ length: int(1, max) }, () => pick(list)))],
    rowId: () =>
      (0x5e000000 + seed).toString(16).padStart(8, '0') + (rows++).toString(16).padStart(16, '0'),
  }
}

function sourceLanguage(r: Random): LocaleCode {
  let roll = r.next()
  for (const [code, weight] of sourceWeights) {
    roll -= weight
    if (roll < 0) return code
  }
  return 'fr'
}

/** The source language always, each other language with probability `share`. */
function languagesOf(r: Random, source: LocaleCode, share: number): LocaleCode[] {
  return localeCodes.filter((code) => code === source || r.chance(share))
}

const only = (languages: readonly LocaleCode[], make: (code: LocaleCode) => string): Localized =>
  Object.fromEntries(languages.map((code) => [code, make(code)]))

/** A calendar day at noon in Luxembourg, as the CMS stores day-only dates. */
const dayAt = (day: Date) =>
  zonedFromWallTime(day.toISOString().slice(0, 10)).set({ hour: 12 }).toUTC().toISO()!

/** A wall time in Luxembourg as a UTC instant. */
function wallTime(day: Date, hour: number, minute = 0): Date {
  return zonedFromWallTime(day.toISOString().slice(0, 10)).set({ hour, minute }).toUTC().toJSDate()
}

const DAY_MS = 86_400_000

export function syntheticRegion(options: SyntheticOptions, refs: ReferenceIds): SyntheticRegion {
  if (!refs.communes.length || !refs.categories.length || !refs.targetGroups.length) {
    throw new Error('The synthetic region needs communes, categories and target groups first.')
  }
  const r = randomTools(options.seed)
  const now = new Date(Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), 1))
  const venueCount = options.venues ?? Math.max(14, Math.round(options.events / 50))
  const organisationCount = options.organisations ?? Math.max(5, Math.round(options.events / 150))
  const communeIds = refs.communes.map((c) => c.id)

  const venues: SyntheticDoc[] = Array.from({ length: venueCount }, (_, index) => {
    const commune = refs.communes[index % refs.communes.length]!
    const source = sourceLanguage(r)
    return {
      slug: `synthetic-venue-${index + 1}`,
      name: only(
        languagesOf(r, source, 0.3),
        () => `Salle ${index + 1}, ${commune.name} ${SYNTHETIC_MARK}`,
      ),
      commune: commune.id,
      address: { street: null, postcode: null, locality: commune.name },
      coordinates: { latitude: 49.5 + r.next() * 0.2, longitude: 6.25 + r.next() * 0.2 },
      accessibility: r.chance(0.6) ? r.some(accessibility, 3) : [],
      sourceLanguage: source,
      demo: true,
    }
  })

  const organisations: SyntheticDoc[] = Array.from({ length: organisationCount }, (_, index) => {
    const source = sourceLanguage(r)
    return {
      slug: `synthetic-association-${index + 1}`,
      name: `Association ${index + 1} ${SYNTHETIC_MARK}`,
      type: index % 7 === 0 ? 'citizen-initiative' : 'association',
      communes: r.some(communeIds, 2),
      description: only(languagesOf(r, source, 0.4), (code) => summaryText[code]),
      contact: { email: null, phone: null, url: null },
      sourceLanguage: source,
      demo: true,
    }
  })

  const actions: SyntheticDoc[] = Array.from({ length: options.actions }, (_, index) => {
    const source = sourceLanguage(r)
    const languages = languagesOf(r, source, 0.5)
    const start = new Date(now.getTime() - r.int(30, 700) * DAY_MS)
    const end = new Date(start.getTime() + r.int(180, 1100) * DAY_MS)
    const indicatorSource = r.pick(['manual', 'manual', 'participants', 'events'] as const)
    return {
      slug: `synthetic-action-${index + 1}`,
      title: only(
        languages,
        (code) => `Action ${index + 1}: ${summaryText[code].split(';')[0]} ${SYNTHETIC_MARK}`,
      ),
      summary: only(languages, (code) => summaryText[code]),
      description: { [source]: markdownToLexical(descriptionText[source]) },
      goals: r.some(refs.goals, 2),
      targetGroups: r.some(
        refs.targetGroups.map((g) => g.id),
        2,
      ),
      leadCommunes: r.some(communeIds, 2),
      partnerCommunes: r.chance(0.5) ? r.some(communeIds, 3) : [],
      leadOrganisations: [],
      partnerOrganisations: [],
      periodStart: dayAt(start),
      periodEnd: dayAt(end),
      status: start > now ? 'planned' : r.pick(['ongoing', 'ongoing', 'completed', 'paused']),
      milestones: Array.from({ length: r.int(0, 3) }, (_, m) => {
        const due = new Date(start.getTime() + (m + 1) * 90 * DAY_MS)
        const done = due < now && r.chance(0.7)
        return {
          id: r.rowId(),
          title: { [source]: `Milestone ${m + 1} ${SYNTHETIC_MARK}` },
          due: dayAt(due),
          done,
          doneOn: done ? dayAt(due) : null,
        }
      }),
      indicators: [
        {
          id: r.rowId(),
          name: { [source]: `Indicator ${SYNTHETIC_MARK}` },
          unit: {},
          source: indicatorSource,
          baseline: 0,
          target: r.int(5, 200),
          measurements:
            indicatorSource === 'manual'
              ? Array.from({ length: r.int(0, 4) }, (_, m) => ({
                  id: r.rowId(),
                  date: dayAt(new Date(start.getTime() + (m + 1) * 60 * DAY_MS)),
                  value: (m + 1) * r.int(1, 20),
                  note: {},
                }))
              : [],
        },
      ],
      evaluationNotes: {},
      sourceLanguage: source,
      demo: true,
    }
  })

  const resources: SyntheticDoc[] = Array.from({ length: options.resources }, (_, index) => {
    const source = sourceLanguage(r)
    const languages = languagesOf(r, source, 0.5)
    const type = r.pick(resourceTypes)
    const commune = r.chance(0.2) ? null : r.pick(refs.communes)
    return {
      slug: `synthetic-resource-${index + 1}`,
      title: only(
        languages,
        () => `${type} ${index + 1}${commune ? `, ${commune.name}` : ''} ${SYNTHETIC_MARK}`,
      ),
      summary: only(languages, (code) => summaryText[code]),
      description: { [source]: markdownToLexical(descriptionText[source]) },
      type,
      communes: commune ? [commune.id] : [],
      languagesOffered: r.some(spoken, 3),
      address: { street: null, postcode: null, locality: commune?.name ?? null },
      contact: { email: null, phone: null, url: null },
      openingHours: {},
      lastReviewed: dayAt(new Date(now.getTime() - r.int(0, 400) * DAY_MS)),
      sourceLanguage: source,
      demo: true,
    }
  })

  const activities = Object.keys(activity)
  const events: SyntheticDoc[] = []
  for (let index = 0; index < options.events; index++) {
    const n = index + 1
    const source = sourceLanguage(r)
    const kind = r.pick(activities)
    const venueIndex = r.int(0, venueCount - 1)
    const commune = refs.communes[venueIndex % refs.communes.length]!
    const day = new Date(now.getTime() + r.int(-540, 540) * DAY_MS)
    const allDay = kind === 'intercultural-festival' && r.chance(0.5)
    const start = allDay
      ? wallTime(day, 0)
      : wallTime(day, r.pick([10, 14, 15, 18, 19]), r.pick([0, 30]))
    const end = allDay
      ? wallTime(new Date(day.getTime() + r.int(0, 1) * DAY_MS), 0)
      : new Date(start.getTime() + r.pick([1, 1.5, 2, 3]) * 3_600_000)
    const titled = languagesOf(r, source, 0.45)
    const summarised = languagesOf(r, source, 0.35)
    const status = r.chance(0.03) ? 'cancelled' : r.chance(0.01) ? 'postponed' : 'scheduled'
    const recurring = !allDay && r.chance(0.3)
    const weekly = r.chance(0.7)
    const category = refs.categories.find((c) => c.slug === kind) ?? r.pick(refs.categories)
    const exdate = new Date(start.getTime() + (weekly ? 14 : 61) * DAY_MS)
    const past = end < options.now
    const participants = past && r.chance(0.5) ? r.int(3, 60) : null
    const free = r.chance(0.75)
    events.push({
      slug: `${kind}-${commune.slug}-synthetic-${n}`,
      uid: `event-${n}@${SYNTHETIC_UID_DOMAIN}`,
      sequence: 0,
      title: only(
        titled,
        (code) =>
          `${activity[kind]![code]} ${inCommune[code]} ${commune.name} ${SYNTHETIC_MARK} ${n}`,
      ),
      summary: only(summarised, (code) => summaryText[code]),
      description: r.chance(0.6) ? { [source]: markdownToLexical(descriptionText[source]) } : {},
      start: start.toISOString(),
      end: end.toISOString(),
      allDay,
      recurrence: recurring
        ? {
            frequency: weekly ? 'weekly' : 'monthly',
            interval: weekly && r.chance(0.2) ? 2 : 1,
            byWeekday: [],
            until: null,
            count: weekly ? r.int(6, 40) : r.int(3, 12),
            exdates: r.chance(0.4) ? [{ id: r.rowId(), date: dayAt(exdate) }] : [],
            rdates: [],
          }
        : {},
      overrides:
        recurring && r.chance(0.15)
          ? [
              {
                id: r.rowId(),
                occurrenceDate: dayAt(new Date(start.getTime() + (weekly ? 7 : 30) * DAY_MS)),
                status: 'cancelled',
                newStart: null,
                newEnd: null,
                reason: cancelReason,
              },
            ]
          : [],
      status,
      statusReason:
        status === 'scheduled' ? {} : { [source]: cancelReason[source] ?? cancelReason.en! },
      venue: venueIndex,
      onlineUrl: null,
      communes: [commune.id],
      organiser: r.chance(0.7) ? r.int(0, organisationCount - 1) : null,
      categories: [category.id],
      targetGroups: r.some(
        refs.targetGroups.map((g) => g.id),
        2,
      ),
      languagesSpoken: r.some(spoken, 3),
      interpretation: r.chance(0.1) ? ['fsl'] : [],
      accessibility: r.chance(0.5) ? r.some(accessibility, 2) : [],
      price: {
        free,
        amountEuro: free ? null : r.pick([2, 5, 10, 15]),
        note: {},
      },
      registration: { required: r.chance(0.2), capacity: r.chance(0.2) ? r.int(10, 80) : null },
      attendance: { participants, ages: {}, languagesUsed: [] },
      image: refs.images.length && r.chance(0.35) ? r.pick(refs.images) : null,
      action: options.actions > 0 && r.chance(0.3) ? r.int(0, options.actions - 1) : null,
      sourceLanguage: source,
      demo: true,
    })
  }
  return { venues, organisations, actions, resources, events }
}

/** Replaces an event's venue, organiser and action indexes by the ids they were written with. */
export function link(
  event: SyntheticDoc,
  ids: { venues: Id[]; organisations: Id[]; actions: Id[] },
): SyntheticDoc {
  const at = (list: Id[], value: unknown) =>
    typeof value === 'number' ? (list[value] ?? null) : null
  return {
    ...event,
    venue: at(ids.venues, event.venue),
    organiser: at(ids.organisations, event.organiser),
    action: at(ids.actions, event.action),
  }
}
