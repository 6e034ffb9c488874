// A recurrence in words for residents: "every Tuesday until 30 June", "every 2 weeks on Saturday,
// 6 times". Phrases live in the locale files because grammar differs (French "tous les mardis").
import type { DateTime } from 'luxon'
import type { LocaleCode } from '../../locales/config'
import { zonedFromISO } from '../../cms/domain/dates'
import { weekdays, type RecurrenceRule, type Weekday } from '../../cms/domain/recurrence'
import { dayAndMonth, weekdayName } from './dates'
import { joinList, t } from '../../locales/i18n'

/** A Monday-based reference week to name weekdays with Intl. */
function weekdayDate(first: DateTime, day: Weekday): DateTime {
  return first.startOf('week').plus({ days: weekdays.indexOf(day) })
}

export function recurrenceText(locale: LocaleCode, rule: RecurrenceRule, start: DateTime): string {
  const interval = rule.interval ?? 1
  const days = (
    rule.byWeekday?.length ? rule.byWeekday : [weekdays[start.weekday - 1]!]
  ) as Weekday[]
  let phrase: string
  switch (rule.frequency) {
    case 'daily':
      phrase =
        interval === 1
          ? t(locale, 'recurrence.daily')
          : t(locale, 'recurrence.everyNDays', { count: interval })
      break
    case 'weekly':
      phrase =
        interval === 1
          ? joinList(
              locale,
              days.map((day) => t(locale, `recurrence.every.${day}`)),
            )
          : t(locale, 'recurrence.everyNWeeks', {
              count: interval,
              days: joinList(
                locale,
                days.map((day) => weekdayName(locale, weekdayDate(start, day))),
              ),
            })
      break
    case 'monthly':
      phrase =
        interval === 1
          ? t(locale, 'recurrence.monthly', { day: start.day })
          : t(locale, 'recurrence.everyNMonths', { count: interval, day: start.day })
      break
    case 'yearly':
      phrase = t(locale, 'recurrence.yearly', { date: dayAndMonth(locale, start) })
      break
    default:
      return ''
  }
  if (rule.until) {
    const until = zonedFromISO(rule.until)
    return t(locale, 'recurrence.until', {
      rule: phrase,
      date: dayAndMonth(locale, until, start.year),
    })
  }
  if (rule.count) return t(locale, 'recurrence.times', { rule: phrase, count: rule.count })
  return phrase
}
