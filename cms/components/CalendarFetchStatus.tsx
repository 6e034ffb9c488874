// The calendar source's edit view: how the last fetch went (when, in words, the counts, the reason
// for each skipped event) and the "Fetch now" button. A server component reading the form's data.
import type { UIFieldServerComponent } from 'payload'
import { message, type MessageKey } from '../i18n/messages'
import type { CalendarSource } from '../payload-types'
import { FetchNowButton } from './FetchNowButton'

const countLabels: { key: keyof NonNullable<CalendarSource['counts']>; label: MessageKey }[] = [
  { key: 'new', label: 'fetchCountNew' },
  { key: 'updated', label: 'fetchCountUpdated' },
  { key: 'unchanged', label: 'fetchCountUnchanged' },
  { key: 'removed', label: 'fetchCountRemoved' },
  { key: 'skipped', label: 'fetchCountSkipped' },
  { key: 'newVenues', label: 'fetchCountNewVenues' },
  { key: 'linked', label: 'fetchCountLinked' },
]

export const CalendarFetchStatus: UIFieldServerComponent = ({ data, id, i18n }) => {
  const language = i18n.language
  const text = (key: MessageKey, vars?: Record<string, string | number>) =>
    message(key, language, vars)
  const source = (data ?? {}) as Partial<CalendarSource>
  const when = (value: string | null | undefined) =>
    value
      ? new Intl.DateTimeFormat(language, {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: 'Europe/Luxembourg',
        }).format(new Date(value))
      : '—'
  const reasons = (source.skippedReasons ?? []).map((row) => row.reason).filter(Boolean)
  return (
    <section aria-labelledby="zesummen-fetch" data-fetch-status style={{ marginBottom: '1.5rem' }}>
      <h3 id="zesummen-fetch">{text('fetchPanelTitle')}</h3>
      {source.lastFetchedAt ? (
        <>
          <p>
            <strong>{text('fetchPanelWhen')}:</strong> {when(source.lastFetchedAt)}
          </p>
          <p data-fetch-result>
            <strong>{text('fetchPanelResult')}:</strong> {source.lastResult}
          </p>
          {(source.failures ?? 0) > 0 && (
            <p role="status">
              {text('fetchPanelFailures', {
                count: source.failures ?? 0,
                next: when(source.nextFetchAt),
              })}
            </p>
          )}
          <dl style={{ display: 'grid', gridTemplateColumns: 'auto auto', gap: '0 1rem' }}>
            {countLabels.map(({ key, label }) => (
              <div key={key} style={{ display: 'contents' }} data-fetch-count={key}>
                <dt>{text(label)}</dt>
                <dd style={{ margin: 0 }}>{source.counts?.[key] ?? 0}</dd>
              </div>
            ))}
          </dl>
          {reasons.length > 0 && (
            <>
              <h4>{text('fetchPanelSkipped')}</h4>
              <ul data-fetch-skipped>
                {reasons.map((reason, index) => (
                  <li key={index}>{reason}</li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : (
        <p>{text('fetchPanelNever')}</p>
      )}
      {id ? (
        <FetchNowButton
          endpoint={`/api/calendar-sources/${id}/fetch`}
          texts={{
            button: text('fetchNowButton'),
            running: text('fetchNowRunning'),
            done: text('fetchNowDone'),
            failed: text('fetchNowFailed'),
          }}
        />
      ) : (
        <p>{text('fetchNowSaveFirst')}</p>
      )}
    </section>
  )
}
