// All reads of CMS data for the site: one SiteContent per published snapshot, which finds
// documents and makes the views of views.ts from them, each once per language. Pages get theirs as
// `Astro.locals.content` (web/middleware.ts); feeds, widgets and the search index are handed one.
import type { DateTime } from 'luxon'
import { defaultLocale, isLocaleCode, type LocaleCode } from '../../locales/config'
import { zonedFromISO } from '../../cms/domain/dates'
import type { RecurrenceRule } from '../../cms/domain/recurrence'
import { type EventAttendance, measurementsFromAttendance } from '../../cms/domain/attendance'
import {
  actionProgress,
  type IndicatorProgress,
  indicatorProgress,
} from '../../cms/domain/progress'
import type { IndicatorSource } from '../../cms/domain/attendance'
import { spokenLanguages } from '../../cms/domain/valueLists'
import { languageName } from '../../locales/i18n'
import type { FormChoice, FormChoices } from './submissionForm'
import { type RawDoc, type SiteSnapshot, type SnapshotCollection } from '../../cms/domain/snapshot'
import {
  type ActionView,
  attendanceOf,
  type CommuneRef,
  communeRef,
  type CommuneView,
  creditOf,
  datesOf,
  type EventView,
  type GoalView,
  type ImageView,
  type IndicatorView,
  type InitiativeView,
  type ListedEvent,
  mediaUrl,
  nextOccurrence,
  occurrencesOf,
  type OrganisationView,
  type PageView,
  type PopulationFigure,
  type PopulationSnapshot,
  type Ref,
  refId,
  type ResourceView,
  richText,
  snapshotsOf,
  str,
  strings,
  type TermView,
  termView,
  type Text,
  text,
  type VenueView,
} from './views'

export * from './views'

/** A collection's views in each language, made once, and found by slug. */
class ViewList<T extends { slug: string }> {
  private readonly made = new Map<LocaleCode, { all: T[]; bySlug: Map<string, T> }>()

  constructor(private readonly make: (lang: LocaleCode) => T[]) {}

  private of(lang: LocaleCode) {
    let entry = this.made.get(lang)
    if (!entry) {
      const all = this.make(lang)
      entry = { all, bySlug: new Map(all.map((view) => [view.slug, view])) }
      this.made.set(lang, entry)
    }
    return entry
  }

  all(lang: LocaleCode): T[] {
    return this.of(lang).all
  }

  find(slug: string, lang: LocaleCode): T | null {
    return this.of(lang).bySlug.get(slug) ?? null
  }
}

/** A value per language, computed when first asked for. */
function perLocale<T>(compute: (lang: LocaleCode) => T): (lang: LocaleCode) => T {
  const cache = new Map<LocaleCode, T>()
  return (lang) => {
    if (!cache.has(lang)) cache.set(lang, compute(lang))
    return cache.get(lang)!
  }
}

/** A language-independent value, computed when first asked for. */
function once<T>(compute: () => T): () => T {
  let value: { current: T } | null = null
  return () => (value ??= { current: compute() }).current
}

/** The month (YYYY-MM) of a date. */
const monthOf = (date: DateTime) => `${date.year}-${String(date.month).padStart(2, '0')}`

const statusOrder = ['partner', 'leader-member', 'cross-border-neighbour']

const isPublicInitiative = (doc: RawDoc) => doc.kind === 'initiative' && doc.status === 'approved'

/**
 * The published content of one snapshot, as the site shows it. Views are immutable and made once
 * per language: the listings, feeds and detail pages share them.
 */
export class SiteContent {
  /** "Now" for this content: upcoming and past are decided when the snapshot was made. */
  readonly now: DateTime

  constructor(readonly snapshot: SiteSnapshot) {
    this.now = zonedFromISO(snapshot.generatedAt)
  }

  private docs(collection: SnapshotCollection): RawDoc[] {
    return this.snapshot.collections[collection] ?? []
  }

  private readonly indexes = new Map<SnapshotCollection, Map<string, RawDoc>>()

  /** Documents of a collection by id, indexed when first asked for. */
  private byId(collection: SnapshotCollection): Map<string, RawDoc> {
    let index = this.indexes.get(collection)
    if (!index) {
      index = new Map(this.docs(collection).map((doc) => [String(doc.id), doc]))
      this.indexes.set(collection, index)
    }
    return index
  }

  private lookup(collection: SnapshotCollection, value: Ref): RawDoc | null {
    const id = refId(value)
    return id === null ? null : (this.byId(collection).get(id) ?? null)
  }

  private lookupMany(collection: SnapshotCollection, values: unknown): RawDoc[] {
    const list = Array.isArray(values) ? (values as Ref[]) : []
    return list
      .map((value) => this.lookup(collection, value))
      .filter((doc): doc is RawDoc => doc !== null)
  }

  private communeRefs(values: unknown, lang: LocaleCode): CommuneRef[] {
    return this.lookupMany('communes', values).map((doc) => communeRef(doc, lang))
  }

  private termViews(collection: SnapshotCollection, values: unknown, lang: LocaleCode) {
    return this.lookupMany(collection, values).map((doc) => termView(doc, lang))
  }

  // -------------------------------------------------------------------------------------------
  // Reference data

  communeView(doc: RawDoc, lang: LocaleCode): CommuneView {
    const contact = (doc.contact ?? {}) as Record<string, unknown>
    const commission = (doc.commission ?? {}) as Record<string, unknown>
    const coordinates = (doc.coordinates ?? {}) as {
      latitude?: number | null
      longitude?: number | null
    }
    const successor = this.lookup('communes', doc.successor as Ref)
    return {
      ...communeRef(doc, lang),
      code: str(doc.code),
      country: String(doc.country ?? 'LU'),
      status: String(doc.status ?? ''),
      validFrom: str(doc.validFrom),
      validTo: str(doc.validTo),
      successor: successor ? communeRef(successor, lang) : null,
      predecessors: this.docs('communes')
        .filter((other) => refId(other.successor as Ref) === String(doc.id))
        .map((other) => communeRef(other, lang)),
      contact: { email: str(contact.email), phone: str(contact.phone), url: str(contact.url) },
      commission: { name: text(commission.name, lang), email: str(commission.email) },
      coordinates:
        typeof coordinates.latitude === 'number' && typeof coordinates.longitude === 'number'
          ? { latitude: coordinates.latitude, longitude: coordinates.longitude }
          : null,
    }
  }

  /** All communes, partner communes first, then by name in the reader's language. */
  private readonly communeViews = new ViewList((lang) =>
    this.docs('communes')
      .map((doc) => this.communeView(doc, lang))
      .sort(
        (a, b) =>
          statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status) ||
          a.name.value.localeCompare(b.name.value, lang),
      ),
  )

  communes(lang: LocaleCode): CommuneView[] {
    return this.communeViews.all(lang)
  }

  /** Communes that exist today (not merged away), for pickers. */
  currentCommunes(lang: LocaleCode): CommuneView[] {
    const today = this.now.toISODate()!
    return this.communes(lang).filter(
      (commune) => !commune.validTo || commune.validTo.slice(0, 10) >= today,
    )
  }

  commune(slug: string, lang: LocaleCode): CommuneView | null {
    return this.communeViews.find(slug, lang)
  }

  categories(lang: LocaleCode): TermView[] {
    return this.docs('categories').map((doc) => termView(doc, lang))
  }

  targetGroups(lang: LocaleCode): TermView[] {
    return this.docs('target-groups').map((doc) => termView(doc, lang))
  }

  goals(lang: LocaleCode): GoalView[] {
    return this.docs('goals')
      .map((doc) => ({
        slug: String(doc.slug),
        kind: doc.kind === 'secondary' ? ('secondary' as const) : ('primary' as const),
        number: Number(doc.number ?? 0),
        title: text(doc.title, lang) ?? { value: String(doc.slug), lang, fallback: true },
        description: text(doc.description, lang),
      }))
      .sort((a, b) => (a.kind === b.kind ? a.number - b.number : a.kind === 'primary' ? -1 : 1))
  }

  organisationView(doc: RawDoc, lang: LocaleCode): OrganisationView {
    const contact = (doc.contact ?? {}) as Record<string, unknown>
    return {
      slug: String(doc.slug),
      name: String(doc.name ?? doc.slug),
      type: String(doc.type ?? ''),
      demo: doc.demo === true,
      description: text(doc.description, lang),
      communes: this.communeRefs(doc.communes, lang),
      contact: { email: str(contact.email), phone: str(contact.phone), url: str(contact.url) },
    }
  }

  organisations(lang: LocaleCode): OrganisationView[] {
    return this.docs('organisations')
      .map((doc) => this.organisationView(doc, lang))
      .sort((a, b) => a.name.localeCompare(b.name, lang))
  }

  private venueView(doc: RawDoc, lang: LocaleCode): VenueView {
    const address = (doc.address ?? {}) as Record<string, unknown>
    const coordinates = (doc.coordinates ?? {}) as {
      latitude?: number | null
      longitude?: number | null
    }
    const communeDoc = this.lookup('communes', doc.commune as Ref)
    const communeCoordinates = communeDoc ? this.communeView(communeDoc, lang).coordinates : null
    return {
      slug: String(doc.slug),
      name: text(doc.name, lang) ?? { value: String(doc.slug), lang, fallback: true },
      commune: communeDoc ? communeRef(communeDoc, lang) : null,
      address: {
        street: str(address.street),
        postcode: str(address.postcode),
        locality: str(address.locality),
      },
      coordinates:
        typeof coordinates.latitude === 'number' && typeof coordinates.longitude === 'number'
          ? { latitude: coordinates.latitude, longitude: coordinates.longitude }
          : communeCoordinates,
      accessibility: strings(doc.accessibility),
      accessibilityNotes: text(doc.accessibilityNotes, lang),
      demo: doc.demo === true,
    }
  }

  // -------------------------------------------------------------------------------------------
  // Images

  imageView(value: Ref, lang: LocaleCode): ImageView | null {
    const doc = this.lookup('media', value)
    if (
      !doc ||
      typeof doc.filename !== 'string' ||
      !String(doc.mimeType ?? '').startsWith('image/')
    )
      return null
    const width = Number(doc.width ?? 0)
    const height = Number(doc.height ?? 0)
    type Size = { filename: string; width: number; height: number }
    // Only sizes with the original's proportions may stand in for it (the thumbnail is cropped).
    const sizes = Object.values((doc.sizes ?? {}) as Record<string, Partial<Size>>)
      .filter((size): size is Size => Boolean(size.filename && size.width && size.height))
      .filter((size) => width > 0 && Math.abs(size.height / size.width - height / width) < 0.02)
      .sort((a, b) => a.width - b.width)
    return {
      src: mediaUrl(sizes.find((size) => size.width >= 800)?.filename ?? doc.filename),
      width,
      height,
      srcset: sizes.map((size) => `${mediaUrl(size.filename)} ${size.width}w`).join(', '),
      alt: text(doc.alt, lang),
    }
  }

  // -------------------------------------------------------------------------------------------
  // Events

  eventView(doc: RawDoc, lang: LocaleCode): EventView {
    const price = (doc.price ?? {}) as Record<string, unknown>
    const registration = (doc.registration ?? {}) as Record<string, unknown>
    const organiser = this.lookup('organisations', doc.organiser as Ref)
    const action = this.lookup('actions', doc.action as Ref)
    const venue = this.lookup('venues', doc.venue as Ref)
    const recurrence = (doc.recurrence ?? null) as RecurrenceRule | null
    return {
      id: String(doc.id),
      slug: String(doc.slug),
      uid: String(doc.uid),
      sequence: Number(doc.sequence ?? 0),
      demo: doc.demo === true,
      sourceLanguage: (doc.sourceLanguage as LocaleCode) ?? 'fr',
      title: text(doc.title, lang) ?? { value: String(doc.slug), lang, fallback: true },
      summary: text(doc.summary, lang),
      description: richText(doc.description, lang),
      ...datesOf(doc),
      allDay: doc.allDay === true,
      recurrence: recurrence?.frequency ? recurrence : null,
      occurrences: occurrencesOf(doc, lang),
      status: String(doc.status ?? 'scheduled'),
      statusReason: text(doc.statusReason, lang),
      venue: venue ? this.venueView(venue, lang) : null,
      onlineUrl: str(doc.onlineUrl),
      communes: this.communeRefs(doc.communes, lang),
      organiser: organiser ? this.organisationView(organiser, lang) : null,
      categories: this.termViews('categories', doc.categories, lang),
      targetGroups: this.termViews('target-groups', doc.targetGroups, lang),
      languagesSpoken: strings(doc.languagesSpoken),
      interpretation: strings(doc.interpretation),
      accessibility: strings(doc.accessibility),
      price: {
        free: price.free !== false,
        amountEuro: typeof price.amountEuro === 'number' ? price.amountEuro : null,
        note: text(price.note, lang),
      },
      registration: {
        required: registration.required === true,
        url: str(registration.url),
        email: str(registration.email),
        phone: str(registration.phone),
        deadline: registration.deadline ? zonedFromISO(String(registration.deadline)) : null,
        capacity: typeof registration.capacity === 'number' ? registration.capacity : null,
      },
      action: action
        ? {
            slug: String(action.slug),
            title: text(action.title, lang) ?? {
              value: String(action.slug),
              lang,
              fallback: true,
            },
          }
        : null,
      attendance: attendanceOf(doc),
      image: this.imageView(doc.image as Ref, lang),
      credit: creditOf(doc),
      updatedAt: String(doc.updatedAt ?? this.snapshot.generatedAt),
    }
  }

  private readonly eventViews = new ViewList((lang) =>
    this.docs('events').map((doc) => this.eventView(doc, lang)),
  )

  events(lang: LocaleCode): EventView[] {
    return this.eventViews.all(lang)
  }

  /** The event with this slug: the same view the listings and feeds use, not a new one per page. */
  event(slug: string, lang: LocaleCode): EventView | null {
    return this.eventViews.find(slug, lang)
  }

  /** All upcoming events of a language in order, sorted once: every listing page filters this. */
  private readonly upcomingInOrder = perLocale((lang): ListedEvent[] =>
    this.events(lang)
      .map((view) => ({ event: view, occurrence: nextOccurrence(view, this.now) }))
      .filter((item): item is ListedEvent => item.occurrence !== null)
      .sort((a, b) => a.occurrence.start.toMillis() - b.occurrence.start.toMillis()),
  )

  /** Upcoming events, each once at its next date, soonest first. */
  upcomingEvents(lang: LocaleCode, filter?: (view: EventView) => boolean): ListedEvent[] {
    const all = this.upcomingInOrder(lang)
    return filter ? all.filter((item) => filter(item.event)) : all
  }

  /** Upcoming events in a commune (or a commune merged into it), as its events page lists them. */
  upcomingInCommune(lang: LocaleCode, slug: string): ListedEvent[] {
    return this.upcomingEvents(lang, (event) => this.inCommune(event, slug))
  }

  /** Upcoming events of a category, as its events page lists them. */
  upcomingInCategory(lang: LocaleCode, slug: string): ListedEvent[] {
    return this.upcomingEvents(lang, (event) =>
      event.categories.some((category) => category.slug === slug),
    )
  }

  /** Events that are over, latest first, each at its last date. */
  readonly pastEvents = perLocale((lang): ListedEvent[] =>
    this.events(lang)
      .filter((view) => nextOccurrence(view, this.now) === null && view.occurrences.length > 0)
      .map((view) => ({ event: view, occurrence: view.occurrences[view.occurrences.length - 1]! }))
      .sort((a, b) => b.occurrence.start.toMillis() - a.occurrence.start.toMillis()),
  )

  /** Occurrences grouped by month (YYYY-MM), each month in order. */
  private readonly occurrencesByMonth = perLocale((lang): Map<string, ListedEvent[]> => {
    const months = new Map<string, ListedEvent[]>()
    for (const view of this.events(lang)) {
      for (const occurrence of view.occurrences) {
        const month = monthOf(occurrence.start)
        const list = months.get(month) ?? []
        list.push({ event: view, occurrence })
        months.set(month, list)
      }
    }
    for (const list of months.values()) {
      list.sort((a, b) => a.occurrence.start.toMillis() - b.occurrence.start.toMillis())
    }
    return months
  })

  /** Every occurrence in a month (YYYY-MM), in order. */
  occurrencesInMonth(lang: LocaleCode, month: string): ListedEvent[] {
    return this.occurrencesByMonth(lang).get(month) ?? []
  }

  /** Months (YYYY-MM) from the current month to the last month with an occurrence (at most 36). */
  readonly calendarMonths = once((): string[] => {
    const now = this.now.startOf('month')
    // From the documents' dates, not a language's views: no page waits for views it does not show.
    const withDates = new Set<string>()
    for (const doc of this.docs('events')) {
      for (const occurrence of occurrencesOf(doc, defaultLocale))
        withDates.add(monthOf(occurrence.start))
    }
    const withEvents = [...withDates].sort()
    const last = withEvents.length ? withEvents[withEvents.length - 1]! : now.toFormat('yyyy-MM')
    const months: string[] = []
    for (
      let cursor = now;
      cursor.toFormat('yyyy-MM') <= last && months.length < 36;
      cursor = cursor.plus({ months: 1 })
    ) {
      months.push(cursor.toFormat('yyyy-MM'))
    }
    return months.length ? months : [now.toFormat('yyyy-MM')]
  })

  private readonly mergedInto = new Map<string, Set<string>>()

  /** A commune's slug and those of the communes merged into it. */
  private communeAndPredecessors(communeSlug: string): Set<string> {
    let slugs = this.mergedInto.get(communeSlug)
    if (!slugs) {
      const target = this.commune(communeSlug, 'en')
      slugs = new Set([communeSlug, ...(target?.predecessors.map((p) => p.slug) ?? [])])
      this.mergedInto.set(communeSlug, slugs)
    }
    return slugs
  }

  /** Whether an event belongs to a commune, counting communes merged into it. */
  inCommune(view: { communes: CommuneRef[] }, communeSlug: string): boolean {
    const slugs = this.communeAndPredecessors(communeSlug)
    return view.communes.some((ref) => slugs.has(ref.slug))
  }

  // -------------------------------------------------------------------------------------------
  // Actions, resources, pages

  /** Attendance of the published events of each action, for indicators the portal measures. */
  private readonly attendanceByAction = once((): Map<string, EventAttendance[]> => {
    const byAction = new Map<string, EventAttendance[]>()
    for (const event of this.docs('events')) {
      const action = refId(event.action as Ref)
      if (action === null) continue
      const attendance = (event.attendance ?? {}) as { participants?: unknown }
      const list = byAction.get(action) ?? []
      list.push({
        start: String(event.start),
        participants: typeof attendance.participants === 'number' ? attendance.participants : null,
      })
      byAction.set(action, list)
    }
    return byAction
  })

  private indicatorView(
    indicator: Record<string, unknown>,
    actionId: string,
    lang: LocaleCode,
  ): IndicatorView {
    const source = (
      ['participants', 'events'].includes(String(indicator.source)) ? indicator.source : 'manual'
    ) as IndicatorSource
    const entered = ((indicator.measurements ?? []) as Record<string, unknown>[]).map(
      (measurement) => ({
        date: String(measurement.date),
        value: Number(measurement.value ?? 0),
        note: text(measurement.note, lang),
      }),
    )
    const measured =
      source === 'manual'
        ? entered
        : measurementsFromAttendance(source, this.attendanceByAction().get(actionId) ?? []).map(
            (measurement) => ({ ...measurement, note: null }),
          )
    const baseline = Number(indicator.baseline ?? 0)
    const target = Number(indicator.target ?? 0)
    const progress: IndicatorProgress = indicatorProgress({
      baseline,
      target,
      measurements: measured,
    })
    return {
      id: String(indicator.id ?? ''),
      name: text(indicator.name, lang) ?? { value: '—', lang, fallback: true },
      unit: text(indicator.unit, lang),
      source,
      baseline,
      target,
      measurements: measured
        .map((measurement) => ({ ...measurement, date: zonedFromISO(measurement.date) }))
        .sort((a, b) => a.date.toMillis() - b.date.toMillis()),
      progress,
    }
  }

  actionView(doc: RawDoc, lang: LocaleCode): ActionView {
    const goalSlugs = new Set(this.lookupMany('goals', doc.goals).map((goal) => String(goal.slug)))
    const indicators = ((doc.indicators ?? []) as Record<string, unknown>[]).map((indicator) =>
      this.indicatorView(indicator, String(doc.id), lang),
    )
    const organisations = (values: unknown) =>
      this.lookupMany('organisations', values).map((o) => this.organisationView(o, lang))
    return {
      slug: String(doc.slug),
      demo: doc.demo === true,
      title: text(doc.title, lang) ?? { value: String(doc.slug), lang, fallback: true },
      summary: text(doc.summary, lang),
      description: richText(doc.description, lang),
      goals: this.goals(lang).filter((goal) => goalSlugs.has(goal.slug)),
      targetGroups: this.termViews('target-groups', doc.targetGroups, lang),
      leadCommunes: this.communeRefs(doc.leadCommunes, lang),
      partnerCommunes: this.communeRefs(doc.partnerCommunes, lang),
      leadOrganisations: organisations(doc.leadOrganisations),
      partnerOrganisations: organisations(doc.partnerOrganisations),
      periodStart: doc.periodStart ? zonedFromISO(String(doc.periodStart)) : null,
      periodEnd: doc.periodEnd ? zonedFromISO(String(doc.periodEnd)) : null,
      status: String(doc.status ?? 'planned'),
      milestones: ((doc.milestones ?? []) as Record<string, unknown>[]).map((milestone) => ({
        title: text(milestone.title, lang) ?? { value: '—', lang, fallback: true },
        due: milestone.due ? zonedFromISO(String(milestone.due)) : null,
        done: milestone.done === true,
        doneOn: milestone.doneOn ? zonedFromISO(String(milestone.doneOn)) : null,
      })),
      indicators,
      progress: actionProgress({
        indicators: indicators.map((indicator) => ({
          baseline: indicator.baseline,
          target: indicator.target,
          measurements: indicator.measurements.map((m) => ({
            date: m.date.toISO()!,
            value: m.value,
          })),
        })),
      }),
      evaluationNotes: text(doc.evaluationNotes, lang),
    }
  }

  // Made once per language: each commune's page lists the actions and resources that name it.
  private readonly actionViews = new ViewList((lang) =>
    this.docs('actions').map((doc) => this.actionView(doc, lang)),
  )

  actions(lang: LocaleCode): ActionView[] {
    return this.actionViews.all(lang)
  }

  action(slug: string, lang: LocaleCode): ActionView | null {
    return this.actionViews.find(slug, lang)
  }

  resourceView(doc: RawDoc, lang: LocaleCode): ResourceView {
    const address = (doc.address ?? {}) as Record<string, unknown>
    const contact = (doc.contact ?? {}) as Record<string, unknown>
    return {
      slug: String(doc.slug),
      demo: doc.demo === true,
      title: text(doc.title, lang) ?? { value: String(doc.slug), lang, fallback: true },
      summary: text(doc.summary, lang),
      description: richText(doc.description, lang),
      type: String(doc.type ?? ''),
      communes: this.communeRefs(doc.communes, lang),
      languagesOffered: strings(doc.languagesOffered),
      address: {
        street: str(address.street),
        postcode: str(address.postcode),
        locality: str(address.locality),
      },
      contact: { email: str(contact.email), phone: str(contact.phone), url: str(contact.url) },
      openingHours: text(doc.openingHours, lang),
      lastReviewed: doc.lastReviewed ? zonedFromISO(String(doc.lastReviewed)) : null,
    }
  }

  private readonly resourceViews = new ViewList((lang) =>
    this.docs('resources').map((doc) => this.resourceView(doc, lang)),
  )

  resources(lang: LocaleCode): ResourceView[] {
    return this.resourceViews.all(lang)
  }

  resource(slug: string, lang: LocaleCode): ResourceView | null {
    return this.resourceViews.find(slug, lang)
  }

  private readonly pageViews = new ViewList((lang): PageView[] =>
    this.docs('pages').map((doc) => {
      const slug = String(doc.slug)
      return {
        slug,
        title: text(doc.title, lang) ?? { value: slug, lang, fallback: true },
        summary: text(doc.summary, lang),
        sections: ((doc.layout ?? []) as Record<string, unknown>[])
          .filter((block) => block.blockType === 'text')
          .map((block) => ({
            heading: text(block.heading, lang),
            body: richText(block.body, lang),
          })),
      }
    }),
  )

  page(slug: string, lang: LocaleCode): PageView | null {
    return this.pageViews.find(slug, lang)
  }

  pageSlugs(): string[] {
    return this.docs('pages').map((doc) => String(doc.slug))
  }

  /** Whether a CMS page with this slug is published (the frame of every page asks, for its links). */
  hasPage(slug: string): boolean {
    return this.page(slug, defaultLocale) !== null
  }

  /** An approved initiative: written in one language, its submitter's, shown as such. */
  initiativeView(doc: RawDoc, lang: LocaleCode): InitiativeView {
    const written = isLocaleCode(doc.language) ? doc.language : defaultLocale
    const asWritten = (value: string): Text => ({
      value,
      lang: written,
      fallback: written !== lang,
    })
    const decisions = (Array.isArray(doc.decisions) ? doc.decisions : []) as { at?: string }[]
    const approvedAt = decisions.at(-1)?.at ?? (doc.updatedAt as string | undefined)
    const organisation = this.lookup('organisations', doc.organisation as Ref)
    return {
      slug: String(doc.slug),
      title: asWritten(String(doc.title ?? doc.slug)),
      description: String(doc.description ?? '')
        .split(/\n{2,}/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map(asWritten),
      organisation: organisation ? this.organisationView(organisation, lang) : null,
      organisationName: str(doc.organisationName),
      communes: this.communeRefs(doc.communes, lang),
      targetGroups: this.termViews('target-groups', doc.targetGroups, lang),
      languages: strings(doc.languages),
      needs: strings(doc.needs),
      image: this.imageView(doc.publicImage as Ref, lang),
      approvedAt: approvedAt ? zonedFromISO(approvedAt) : null,
    }
  }

  /** Approved initiatives, newest first. */
  private readonly initiativeViews = new ViewList((lang) =>
    this.docs('submissions')
      .filter(isPublicInitiative)
      .map((doc) => this.initiativeView(doc, lang))
      .sort((a, b) => (b.approvedAt?.toMillis() ?? 0) - (a.approvedAt?.toMillis() ?? 0)),
  )

  initiatives(lang: LocaleCode): InitiativeView[] {
    return this.initiativeViews.all(lang)
  }

  initiative(slug: string, lang: LocaleCode): InitiativeView | null {
    return this.initiativeViews.find(slug, lang)
  }

  /** What the submission forms offer: current communes, target groups, organisations, languages. */
  formChoices(lang: LocaleCode): FormChoices {
    const label = (text: Text) => ({
      label: text.value,
      lang: text.fallback ? text.lang : undefined,
    })
    const byLabel = (a: FormChoice, b: FormChoice) => a.label.localeCompare(b.label, lang)
    return {
      communes: this.currentCommunes(lang)
        .map((item) => ({ value: item.slug, ...label(item.name) }))
        .sort(byLabel),
      targetGroups: this.targetGroups(lang).map((item) => ({
        value: item.slug,
        ...label(item.label),
      })),
      organisations: this.organisations(lang).map((item) => ({
        value: item.slug,
        label: item.name,
      })),
      languages: spokenLanguages
        .map((item) => ({ value: item.value, label: languageName(item.value, lang) }))
        .sort(byLabel),
    }
  }

  // -------------------------------------------------------------------------------------------
  // Diversity inventory

  private readonly figures = once((): PopulationFigure[] =>
    this.docs('population-figures').map((doc) => {
      const commune = this.lookup('communes', doc.commune as Ref)
      return {
        commune: commune ? String(commune.slug) : null,
        period: String(doc.period),
        referenceDate: String(doc.referenceDate).slice(0, 10),
        group: doc.group as PopulationFigure['group'],
        count: Number(doc.count),
        dataset: String(doc.sourceDataset),
        source: String(doc.sourceLabel),
      }
    }),
  )

  /**
   * A commune's figures by dataset and date. A commune formed by a merger also shows the figures
   * of the communes it replaced, added up and marked as such, for the dates before the merger.
   */
  populationOf(slug: string, lang: LocaleCode): PopulationSnapshot[] {
    const view = this.commune(slug, lang)
    const predecessors = new Set(view?.predecessors.map((p) => p.slug) ?? [])
    const own = this.figures().filter((figure) => figure.commune === slug)
    const ownKeys = new Set(own.map((figure) => `${figure.dataset}|${figure.referenceDate}`))
    const inherited = this.figures().filter(
      (figure) =>
        figure.commune !== null &&
        predecessors.has(figure.commune) &&
        !ownKeys.has(`${figure.dataset}|${figure.referenceDate}`),
    )
    return snapshotsOf([...own, ...inherited], (figure) =>
      figure.commune !== slug ? String(figure.commune) : '',
    )
  }

  /** Luxembourg as a whole, for comparison. */
  nationalPopulation(): PopulationSnapshot[] {
    return snapshotsOf(
      this.figures().filter((figure) => figure.commune === null),
      () => '',
    )
  }

  /** Communes with figures, for the region's inventory page. */
  communesWithFigures(lang: LocaleCode): CommuneView[] {
    return this.currentCommunes(lang).filter(
      (view) => this.populationOf(view.slug, lang).length > 0,
    )
  }
}

const contents = new WeakMap<SiteSnapshot, SiteContent>()

/** The content of a snapshot: one SiteContent per snapshot, whoever asks. */
export function contentOf(snapshot: SiteSnapshot): SiteContent {
  let content = contents.get(snapshot)
  if (!content) {
    content = new SiteContent(snapshot)
    contents.set(snapshot, content)
  }
  return content
}
