// Email digests of events: how often they go out and which period each run covers. A weekly
// digest goes out on Monday at 07:00 Luxembourg time with the events of that week (Monday to
// Sunday); a monthly one on the first Monday of a month with the events until the first Monday
// of the next month. A period has a key ("2027-W10", "2027-03") that a subscription records as
// sent, so that no run sends one period twice to an address.
import { DateTime } from 'luxon'
import { PORTAL_TIME_ZONE } from './dates'

export const digestFrequencies = ['weekly', 'monthly'] as const
export type DigestFrequency = (typeof digestFrequencies)[number]

/** The hour (Luxembourg time) of the Monday run. */
export const DIGEST_HOUR = 7
/** A confirmation link is valid this long; an unconfirmed subscription is deleted after a week. */
export const CONFIRM_VALID_HOURS = 48
export const UNCONFIRMED_KEEP_DAYS = 7
/** Permanent delivery failures after which an address gets nothing until an admin resumes it. */
export const DIGEST_MAX_FAILURES = 3
/** The longest email address (RFC 5321's path limit). */
export const DIGEST_EMAIL_MAX = 254

/** The pages a reader reaches after each step (sent the form, followed a link…). */
export const digestSteps = ['sent', 'confirmed', 'invalid', 'saved', 'unsubscribed'] as const
export type DigestStep = (typeof digestSteps)[number]

/** What a reader chose; empty lists mean "any" (no commune: the whole region). */
export interface DigestChoices {
  communes: string[]
  categories: string[]
  audiences: string[]
  spoken: string[]
}

export interface DigestPeriod {
  frequency: DigestFrequency
  key: string
  /** Luxembourg time, inclusive. */
  start: DateTime
  /** Luxembourg time, exclusive. */
  end: DateTime
}

const inLuxembourg = (value: DateTime) => value.setZone(PORTAL_TIME_ZONE)

/** The first Monday of the month `value` falls in, at midnight. */
function firstMonday(value: DateTime): DateTime {
  const first = inLuxembourg(value).startOf('month')
  return first.plus({ days: (8 - first.weekday) % 7 })
}

/** The week (Monday to Monday) or month (first Monday to first Monday) that holds `at`. */
export function digestPeriod(frequency: DigestFrequency, at: DateTime): DigestPeriod {
  const local = inLuxembourg(at)
  if (frequency === 'weekly') {
    const start = local.startOf('week')
    return { frequency, key: start.toFormat("kkkk-'W'WW"), start, end: start.plus({ weeks: 1 }) }
  }
  let start = firstMonday(local)
  if (local < start) start = firstMonday(local.minus({ months: 1 }))
  const end = firstMonday(start.plus({ months: 1 }))
  return { frequency, key: start.toFormat('yyyy-MM'), start, end }
}

/** The period named by its key ("2027-W10" or "2027-03"); null for anything else. */
export function periodOfKey(key: string): DigestPeriod | null {
  const week = /^(\d{4})-W(\d{2})$/.exec(key)
  if (week) {
    const start = DateTime.fromObject(
      { weekYear: Number(week[1]), weekNumber: Number(week[2]), weekday: 1 },
      { zone: PORTAL_TIME_ZONE },
    )
    return start.isValid && start.toFormat("kkkk-'W'WW") === key
      ? digestPeriod('weekly', start)
      : null
  }
  const month = /^(\d{4})-(\d{2})$/.exec(key)
  if (month) {
    const day = DateTime.fromObject(
      { year: Number(month[1]), month: Number(month[2]), day: 1 },
      { zone: PORTAL_TIME_ZONE },
    )
    return day.isValid ? digestPeriod('monthly', firstMonday(day)) : null
  }
  return null
}

/** The periods whose digests are due at `at`: the week's on Mondays, the month's on its first. */
export function duePeriods(at: DateTime): DigestPeriod[] {
  const local = inLuxembourg(at)
  if (local.weekday !== 1 || local.hour < DIGEST_HOUR) return []
  const due = [digestPeriod('weekly', local)]
  if (local.day <= 7) due.push(digestPeriod('monthly', local))
  return due
}
