// The diversity inventory as the pages show it: for a commune and for the region, the residents
// over time, the census by citizenship group with the share of non-Luxembourgers next to the
// national one, and the main nationalities of the national register (with its caveat). Every
// block names its source and date. Numbers come from content.ts; charts from planCharts.ts.
import type { LocaleCode } from '../../locales/config'
import type { PopulationGroup } from '../../cms/domain/population'
import { foreignShare, type PopulationSnapshot, type SiteContent } from './content'
import { shortDate } from './dates'
import { numberFormat, t } from '../../locales/i18n'

export const CITIZENSHIP_GROUPS: PopulationGroup[] = [
  'luxembourgers',
  'eu-foreigners',
  'non-eu',
  'stateless-or-not-stated',
]
export const REGISTER_GROUPS: PopulationGroup[] = [
  'portuguese',
  'french',
  'belgian',
  'german',
  'italian',
]
const REGISTER = 'RNPP:nationalities'

const isResidents = (snapshot: PopulationSnapshot) =>
  snapshot.dataset.endsWith('DF_X021') && snapshot.counts.total !== undefined
const isCensus = (snapshot: PopulationSnapshot) =>
  snapshot.dataset !== REGISTER && snapshot.counts.luxembourgers !== undefined

export function sourceLine(lang: LocaleCode, snapshot: PopulationSnapshot): string {
  return snapshot.dataset === REGISTER
    ? t(lang, 'inventory.sourcePeriod', { source: snapshot.source, period: snapshot.period })
    : t(lang, 'inventory.source', {
        source: snapshot.source,
        date: shortDate(lang, `${snapshot.referenceDate}T12:00:00Z`),
      })
}

export const percent = (lang: LocaleCode, share: number) =>
  numberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(share)
export const count = (lang: LocaleCode, value: number) => numberFormat(lang).format(value)

/** The national census snapshot with the same date, to compare a commune's share with. */
function nationalAt(content: SiteContent, referenceDate: string) {
  return content
    .nationalPopulation()
    .find((snapshot) => snapshot.referenceDate === referenceDate && foreignShare(snapshot) !== null)
}

export interface CommuneInventory {
  residents: PopulationSnapshot[]
  /** Every census (or other count by citizenship) imported, oldest first. */
  censuses: PopulationSnapshot[]
  /** The latest of them. */
  census: PopulationSnapshot | null
  censusShare: number | null
  nationalShare: number | null
  register: PopulationSnapshot | null
}

export function communeInventory(
  content: SiteContent,
  slug: string,
  lang: LocaleCode,
): CommuneInventory {
  const snapshots = content.populationOf(slug, lang)
  const censuses = snapshots
    .filter(isCensus)
    .sort((a, b) => a.referenceDate.localeCompare(b.referenceDate))
  const census = censuses.at(-1) ?? null
  const national = census ? nationalAt(content, census.referenceDate) : undefined
  return {
    residents: snapshots.filter(isResidents),
    censuses,
    census,
    censusShare: census ? foreignShare(census) : null,
    nationalShare: national ? foreignShare(national) : null,
    register: snapshots.filter((s) => s.dataset === REGISTER).at(-1) ?? null,
  }
}

export interface RegionRow {
  slug: string
  name: string
  inventory: CommuneInventory
}

export function regionInventory(content: SiteContent, lang: LocaleCode) {
  const rows: RegionRow[] = content.communesWithFigures(lang).map((view) => ({
    slug: view.slug,
    name: view.name.value,
    inventory: communeInventory(content, view.slug, lang),
  }))
  const years = [
    ...new Set(rows.flatMap((row) => row.inventory.residents.map((s) => s.period))),
  ].sort()
  const nationalResidents = content.nationalPopulation().filter(isResidents)
  const censusDate = rows.find((row) => row.inventory.census)?.inventory.census?.referenceDate
  const national = censusDate ? nationalAt(content, censusDate) : undefined
  return {
    rows,
    years,
    nationalResidents,
    nationalCensus: national ?? null,
    nationalShare: national ? foreignShare(national) : null,
  }
}

export const communeName = (content: SiteContent, slug: string, lang: LocaleCode) =>
  content.commune(slug, lang)?.name.value ?? slug
