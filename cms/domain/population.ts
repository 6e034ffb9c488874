// The nationality groups of the diversity inventory (the plan's Bestandsaufnahme), as STATEC
// publishes them, and which groups are sums of others.
export const nationalityGroups = [
  'luxembourgers',
  'portuguese',
  'french',
  'belgian',
  'german',
  'italian',
  'other-eu',
  'non-eu',
] as const
export type NationalityGroup = (typeof nationalityGroups)[number]
export type PopulationGroup =
  NationalityGroup | 'total' | 'eu-foreigners' | 'stateless-or-not-stated'
export const populationGroups: readonly PopulationGroup[] = [
  'total',
  ...nationalityGroups,
  'eu-foreigners',
  'stateless-or-not-stated',
]

/** The groups that add up others, so charts never count a resident twice. */
export const GROUP_PARTS = {
  'eu-foreigners': ['portuguese', 'french', 'belgian', 'german', 'italian', 'other-eu'],
  total: ['luxembourgers', 'eu-foreigners', 'non-eu', 'stateless-or-not-stated'],
} as const satisfies Partial<Record<PopulationGroup, readonly PopulationGroup[]>>
