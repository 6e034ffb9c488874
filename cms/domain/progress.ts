// Progress of the action plan, computed from indicators, for action, goal and commune pages.
//
// The rule (shown to readers next to every figure, so keep it this simple):
// - An indicator's share is (latest − baseline) / (target − baseline), the latest measurement
//   being the one with the latest date (not the last one entered). The raw share is kept for
//   display, so an exceeded target shows as 130 % and a move away from the target as −20 %.
//   Decreasing targets (target < baseline, e.g. "fewer unanswered requests") need no special
//   case: both differences are negative and the share is positive when the value goes down.
// - An action's progress is the mean of its measured indicators' shares, each clamped to
//   [0, 1] first, so one exceeded target cannot hide another that did not move. Indicators have
//   equal weight: the plan gives no weights, and an unweighted mean is the one a reader can
//   check by hand. Indicators without a measurement are left out of the mean (never counted as
//   0) and the action says how many of its indicators were measured.
// - An action without indicators is `noIndicators`; one whose indicators have no measurement
//   at all is `noMeasurement`. Neither is ever counted as 0 % or 100 % in an aggregate.
// - A goal's or a commune's progress is the unweighted mean over its counted actions, with the
//   numbers of actions counted and not counted (and why), so a page can say "3 of 5 actions".
// Action status is not looked at: a completed action counts with its measured share and a
// cancelled one still counts with what it reached; callers leave out actions they do not show.

export interface Measurement {
  /** ISO date or instant, as Payload stores it. */
  date: string
  value: number
}

export interface IndicatorInput {
  id?: string | null
  baseline: number
  target: number
  measurements?: readonly { date?: string | null; value?: number | null }[] | null
}

/** A point of an indicator's history, for charts and their table equivalent. */
export interface IndicatorPoint extends Measurement {
  /** Raw share of the target reached at this date (1.3 = 130 %); null when target = baseline. */
  share: number | null
}

export type IndicatorProgress =
  | {
      status: 'measured'
      baseline: number
      target: number
      latest: Measurement
      /** Raw share: may be above 1 (target exceeded) or below 0 (moved away from the target). */
      share: number
      /** The share clamped to [0, 1], as used in means. */
      clampedShare: number
    }
  | { status: 'noMeasurement'; baseline: number; target: number }
  /** target = baseline (the CMS refuses it, an import might not): no share can be computed. */
  | { status: 'noTargetChange'; baseline: number; target: number; latest: Measurement | null }

export type ActionProgress =
  | {
      status: 'measured'
      /** Mean of the measured indicators' clamped shares, in [0, 1]. */
      share: number
      indicators: IndicatorProgress[]
      measuredIndicators: number
    }
  | { status: 'noIndicators'; indicators: [] }
  | { status: 'noMeasurement'; indicators: IndicatorProgress[] }

type RelationId = string | number
/** A relationship as Payload returns it: an id, or the document when populated. */
type Relation = RelationId | { id: RelationId }

export interface ActionInput {
  id: RelationId
  indicators?: readonly IndicatorInput[] | null
  goals?: readonly Relation[] | null
  leadCommunes?: readonly Relation[] | null
  partnerCommunes?: readonly Relation[] | null
}

export interface AggregateProgress {
  /** Mean of the counted actions' shares in [0, 1]; null when no action could be counted. */
  share: number | null
  counted: number
  notCounted: number
  /** The actions left out and why, so a page can list them "without indicators". */
  uncounted: { id: RelationId; reason: 'noIndicators' | 'noMeasurement' }[]
}

const clamp = (share: number) => Math.min(1, Math.max(0, share))

function time(date: string): number {
  return new Date(date).getTime()
}

/**
 * The indicator's measurements oldest first, with the share reached at each date. Entries
 * without a valid date or value are left out; measurements on the same date keep the order
 * they were entered in, so the last one entered is the latest.
 */
export function indicatorHistory(indicator: IndicatorInput): IndicatorPoint[] {
  const span = indicator.target - indicator.baseline
  return (indicator.measurements ?? [])
    .filter(
      (entry): entry is Measurement =>
        typeof entry.date === 'string' &&
        !Number.isNaN(time(entry.date)) &&
        typeof entry.value === 'number' &&
        Number.isFinite(entry.value),
    )
    .map((entry, order) => ({ entry, order, at: time(entry.date) }))
    .sort((a, b) => a.at - b.at || a.order - b.order)
    .map(({ entry }) => ({
      date: entry.date,
      value: entry.value,
      share: span === 0 ? null : (entry.value - indicator.baseline) / span,
    }))
}

export function indicatorProgress(indicator: IndicatorInput): IndicatorProgress {
  const { baseline, target } = indicator
  const history = indicatorHistory(indicator)
  const last = history.at(-1)
  const latest = last ? { date: last.date, value: last.value } : null
  if (target === baseline) return { status: 'noTargetChange', baseline, target, latest }
  if (!latest) return { status: 'noMeasurement', baseline, target }
  const share = (latest.value - baseline) / (target - baseline)
  return { status: 'measured', baseline, target, latest, share, clampedShare: clamp(share) }
}

export function actionProgress(action: Pick<ActionInput, 'indicators'>): ActionProgress {
  const indicators = (action.indicators ?? []).map(indicatorProgress)
  if (indicators.length === 0) return { status: 'noIndicators', indicators: [] }
  const shares = indicators.flatMap((indicator) =>
    indicator.status === 'measured' ? [indicator.clampedShare] : [],
  )
  if (shares.length === 0) return { status: 'noMeasurement', indicators }
  return {
    status: 'measured',
    share: mean(shares),
    indicators,
    measuredIndicators: shares.length,
  }
}

/** Progress over any set of actions (each action counted once, whatever its order). */
export function aggregateProgress(actions: readonly ActionInput[]): AggregateProgress {
  const seen = new Set<string>()
  const shares: number[] = []
  const uncounted: AggregateProgress['uncounted'] = []
  for (const action of actions) {
    if (seen.has(String(action.id))) continue
    seen.add(String(action.id))
    const progress = actionProgress(action)
    if (progress.status === 'measured') shares.push(progress.share)
    else uncounted.push({ id: action.id, reason: progress.status })
  }
  return {
    share: shares.length > 0 ? mean(shares) : null,
    counted: shares.length,
    notCounted: uncounted.length,
    uncounted,
  }
}

/** Progress of a plan goal: the actions that serve it. */
export function goalProgress(goal: RelationId, actions: readonly ActionInput[]): AggregateProgress {
  return aggregateProgress(actions.filter((action) => refersTo(action.goals, [goal])))
}

/**
 * Progress of a commune: the actions it leads or takes part in. Pass several ids to include
 * the communes it succeeded (Bous-Waldbredimus with Bous and Waldbredimus).
 */
export function communeProgress(
  communes: RelationId | readonly RelationId[],
  actions: readonly ActionInput[],
): AggregateProgress {
  const ids = Array.isArray(communes) ? communes : [communes as RelationId]
  return aggregateProgress(
    actions.filter(
      (action) => refersTo(action.leadCommunes, ids) || refersTo(action.partnerCommunes, ids),
    ),
  )
}

function refersTo(relations: readonly Relation[] | null | undefined, ids: readonly RelationId[]) {
  const wanted = new Set(ids.map(String))
  return (relations ?? []).some((relation) =>
    wanted.has(String(typeof relation === 'object' ? relation.id : relation)),
  )
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length
}
