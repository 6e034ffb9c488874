// A synthetic region as a site snapshot (no database): communes, venues, terms and N events,
// a third of them recurring, with partial translations so fallbacks are exercised. Deterministic
// from the seed. Every title says "synthetic"; nothing here describes real events.
import type { RawDoc, SiteSnapshot } from '../../cms/domain/snapshot'
import { emptySnapshot } from '../../cms/domain/snapshot'
import { random } from '../lib/synthetic'

const communeNames = [
  'Betzdorf',
  'Dalheim',
  'Grevenmacher',
  'Manternach',
  'Mertert',
  'Mondorf-les-Bains',
  'Remich',
  'Stadtbredimus',
  'Waldbredimus',
  'Wormeldange',
  'Biwer',
  'Flaxweiler',
  'Lenningen',
  'Schengen',
]
const categorySlugs = ['language-cafe', 'sport', 'culture', 'family', 'information', 'volunteering']
const groupSlugs = ['newcomers', 'families', 'seniors', 'young-people', 'everyone']
const locales = ['lb', 'fr', 'de', 'pt', 'en'] as const

export interface SyntheticOptions {
  events: number
  seed?: number
  /** "Now" of the snapshot; events spread from a year before to a year after. */
  now?: Date
}

export function syntheticSnapshot({
  events,
  seed = 42,
  now = new Date('2027-01-15T12:00:00Z'),
}: SyntheticOptions): SiteSnapshot {
  const next = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const snapshot = emptySnapshot(now)
  const communes: RawDoc[] = communeNames.map((name, index) => ({
    id: index + 1,
    slug: name.toLowerCase(),
    name: { fr: name },
    status: 'partner',
  }))
  const categories: RawDoc[] = categorySlugs.map((slug, index) => ({
    id: 100 + index,
    slug,
    label: { fr: `Thème ${slug}`, en: `Topic ${slug}` },
  }))
  const groups: RawDoc[] = groupSlugs.map((slug, index) => ({
    id: 200 + index,
    slug,
    label: { fr: `Public ${slug}` },
  }))
  const venues: RawDoc[] = Array.from({ length: 200 }, (_, index) => ({
    id: 1000 + index,
    slug: `synthetic-venue-${index}`,
    name: { fr: `Salle synthétique ${index}` },
    commune: communes[index % communes.length]!.id,
    accessibility: index % 3 === 0 ? ['step-free'] : [],
    address: { street: null, postcode: null, locality: communeNames[index % communeNames.length] },
  }))
  const list: RawDoc[] = []
  for (let index = 0; index < events; index++) {
    const start = new Date(now.getTime() + (next() * 730 - 365) * 86_400_000)
    start.setUTCMinutes(0, 0, 0)
    const end = new Date(start.getTime() + (1 + Math.floor(next() * 3)) * 3_600_000)
    const translated = locales.filter((locale) => locale === 'fr' || next() < 0.4)
    const title = Object.fromEntries(
      translated.map((locale) => [locale, `Synthetic event ${index} (${locale}), Miselerland`]),
    )
    const recurring = next() < 0.33
    list.push({
      id: 10_000 + index,
      slug: `synthetic-${index}`,
      uid: `synthetic-${index}@zesummen.test`,
      sequence: Math.floor(next() * 3),
      demo: true,
      updatedAt: now.toISOString(),
      title,
      summary: { fr: `Événement synthétique ${index}; généré pour les mesures, il n'existe pas.` },
      start: start.toISOString(),
      end: end.toISOString(),
      status: next() < 0.03 ? 'cancelled' : 'scheduled',
      venue: pick(venues).id,
      communes: [pick(communes).id],
      categories: [pick(categories).id],
      targetGroups: [pick(groups).id],
      languagesSpoken: [pick(['fr', 'de', 'lb', 'pt', 'en'])],
      price: { free: next() < 0.7 },
      ...(recurring
        ? {
            recurrence: {
              frequency: 'weekly',
              interval: 1,
              count: 10 + Math.floor(next() * 30),
              exdates: [{ date: new Date(start.getTime() + 14 * 86_400_000).toISOString() }],
            },
          }
        : {}),
    })
  }
  return {
    ...snapshot,
    collections: {
      ...snapshot.collections,
      communes,
      categories,
      'target-groups': groups,
      venues,
      events: list,
    },
  }
}
