// The dashboard's panel for the events digest: how many readers get it (counts only: the
// addresses are for admins), and a preview of the digest of a commune in a language, for editors.
import { DateTime } from 'luxon'
import type { ServerComponentProps } from 'payload'
import { localeCodes } from '../../locales/config'
import { hasRole, isStaff } from '../access/roles'
import { digestCounts } from '../digests/counts'
import { digestPeriod } from '../domain/digest'
import { message, type MessageKey } from '../i18n/messages'

export async function DigestPanel({ user, i18n, payload }: ServerComponentProps) {
  if (!hasRole(user, 'admin', 'coordinator', 'commune-editor')) return null
  const language = i18n.language
  const text = (key: MessageKey, vars?: Record<string, number>) => message(key, language, vars)
  // The figures are the coordinator's (commune editors preview only).
  const [counts, communes] = await Promise.all([
    isStaff(user) ? digestCounts(payload) : null,
    payload.find({
      collection: 'communes',
      depth: 0,
      limit: 0,
      pagination: false,
      sort: 'name',
      select: { slug: true, name: true },
    }),
  ])
  const now = DateTime.now()
  const periods = [
    { key: digestPeriod('weekly', now).key, label: text('digestThisWeek') },
    { key: digestPeriod('weekly', now.plus({ weeks: 1 })).key, label: text('digestNextWeek') },
    { key: digestPeriod('monthly', now).key, label: text('digestThisMonth') },
  ]
  return (
    <section aria-labelledby="zesummen-digest" style={{ marginBottom: '2rem' }}>
      <h2 id="zesummen-digest">{text('digestTitle')}</h2>
      <p>{text('digestIntro')}</p>
      {counts && (
        <p>
          {text('digestCounts', {
            confirmed: counts.confirmed,
            unconfirmed: counts.unconfirmed,
            paused: counts.paused,
          })}
        </p>
      )}
      <form method="get" action="/api/digest/preview" target="_blank">
        <label>
          {text('digestCommune')}{' '}
          <select name="commune">
            <option value="">{text('digestRegion')}</option>
            {communes.docs.map((commune) => (
              <option key={commune.id} value={String(commune.slug)}>
                {String(commune.name)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {text('digestLanguage')}{' '}
          <select name="lang">
            {localeCodes.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {text('digestPeriod')}{' '}
          <select name="period">
            {periods.map((period) => (
              <option key={period.key} value={period.key}>
                {period.label} ({period.key})
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit" className="btn btn--style-secondary btn--size-small">
          {text('digestPreview')}
        </button>
      </form>
    </section>
  )
}
