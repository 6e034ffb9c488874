// The plan's annual report: what happened in a year, counted from the published content.
// Events held are dates that took place (a weekly event held 40 times counts 40; cancelled dates
// and cancelled events do not count); participants come from the attendance recorded after
// events starting that year; indicators are read at the end of the year.
import type { LocaleCode } from '../../locales/config'
import type { ActionView, EventView, SiteContent } from './content'

export interface CountRow {
  key: string
  label: string
  count: number
}

export interface YearReport {
  year: number
  datesHeld: number
  eventsHeld: number
  /** Held events that are example content: the page says the counts include them. */
  demoEvents: number
  byCommune: CountRow[]
  byGroup: CountRow[]
  byLanguage: CountRow[]
  participants: { total: number; events: number; ages: Record<string, number> }
  completedActions: ActionView[]
  indicators: {
    action: ActionView
    indicator: ActionView['indicators'][number]
    latest: number | null
    share: number | null
  }[]
}

/** Years with held events, up to the build's year. */
export function reportYears(content: SiteContent, lang: LocaleCode): number[] {
  const now = content.now
  const years = new Set<number>()
  for (const event of content.events(lang))
    for (const occurrence of event.occurrences)
      if (occurrence.start <= now && occurrence.status !== 'cancelled')
        years.add(occurrence.start.year)
  return [...years].sort((a, b) => b - a)
}

function tally(rows: Map<string, CountRow>, key: string, label: string, by = 1) {
  const row = rows.get(key) ?? { key, label, count: 0 }
  row.count += by
  rows.set(key, row)
}
const sorted = (rows: Map<string, CountRow>) =>
  [...rows.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))

export function yearReport(
  content: SiteContent,
  year: number,
  lang: LocaleCode,
  languageName: (code: string) => string,
): YearReport {
  const now = content.now
  const byCommune = new Map<string, CountRow>()
  const byGroup = new Map<string, CountRow>()
  const byLanguage = new Map<string, CountRow>()
  let datesHeld = 0
  const held = new Set<EventView>()
  const participants = { total: 0, events: 0, ages: {} as Record<string, number> }
  for (const event of content.events(lang)) {
    if (event.status === 'cancelled') continue
    const dates = event.occurrences.filter(
      (o) => o.start.year === year && o.start <= now && o.status !== 'cancelled',
    ).length
    if (dates === 0) continue
    datesHeld += dates
    held.add(event)
    for (const commune of event.communes) tally(byCommune, commune.slug, commune.name.value, dates)
    for (const group of event.targetGroups) tally(byGroup, group.slug, group.label.value, dates)
    const spoken = event.attendance.languagesUsed.length
      ? event.attendance.languagesUsed
      : event.languagesSpoken
    for (const code of spoken) tally(byLanguage, code, languageName(code), dates)
    if (event.attendance.participants !== null && event.occurrences[0]?.start.year === year) {
      participants.total += event.attendance.participants
      participants.events += 1
      for (const [age, value] of Object.entries(event.attendance.ages))
        participants.ages[age] = (participants.ages[age] ?? 0) + (value ?? 0)
    }
  }
  const endOfYear = now.set({ year, month: 12, day: 31, hour: 23, minute: 59 })
  const all = content.actions(lang)
  return {
    year,
    datesHeld,
    eventsHeld: held.size,
    demoEvents: [...held].filter((event) => event.demo).length,
    byCommune: sorted(byCommune),
    byGroup: sorted(byGroup),
    byLanguage: sorted(byLanguage),
    participants,
    completedActions: all.filter(
      (action) =>
        action.status === 'completed' && (!action.periodEnd || action.periodEnd.year === year),
    ),
    indicators: all.flatMap((action) =>
      action.indicators.map((indicator) => {
        const latest = [...indicator.measurements].filter((m) => m.date <= endOfYear).at(-1)
        const span = indicator.target - indicator.baseline
        return {
          action,
          indicator,
          latest: latest?.value ?? null,
          share: latest && span !== 0 ? (latest.value - indicator.baseline) / span : null,
        }
      }),
    ),
  }
}
