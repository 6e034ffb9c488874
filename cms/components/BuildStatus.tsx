// The dashboard's build panel: the latest site builds, so an editor sees whether a published
// change is live, waiting or failed (and why). A server component reading with the editor's rights.
import type { ServerComponentProps } from 'payload'
import { message, type MessageKey } from '../i18n/messages'

const statusKey: Record<string, MessageKey> = {
  queued: 'buildStatusQueued',
  running: 'buildStatusRunning',
  succeeded: 'buildStatusSucceeded',
  failed: 'buildStatusFailed',
}

export async function BuildStatus({ payload, user, i18n }: ServerComponentProps) {
  if (!user) return null
  const language = i18n.language
  const text = (key: MessageKey, vars?: Record<string, string | number>) =>
    message(key, language, vars)
  let builds
  try {
    builds = await payload.find({
      collection: 'site-builds',
      sort: '-requestedAt',
      limit: 5,
      overrideAccess: false,
      user,
      depth: 0,
    })
  } catch {
    return null // Not allowed (associations): no panel.
  }
  const when = (value: string | null | undefined) =>
    value
      ? new Intl.DateTimeFormat(language, {
          dateStyle: 'short',
          timeStyle: 'medium',
          timeZone: 'Europe/Luxembourg',
        }).format(new Date(value))
      : '—'
  const lastFailure = builds.docs.find((build) => build.status === 'failed')
  return (
    <section aria-labelledby="zesummen-builds" style={{ marginBottom: '2rem' }}>
      <h2 id="zesummen-builds">{text('buildPanelTitle')}</h2>
      <p>{text('buildPanelIntro')}</p>
      {builds.docs.length === 0 ? (
        <p>{text('buildPanelNone')}</p>
      ) : (
        <table className="table" style={{ width: '100%' }}>
          <thead>
            <tr>
              <th scope="col">{text('buildRequested')}</th>
              <th scope="col">{text('buildStatus')}</th>
              <th scope="col">{text('buildReason')}</th>
              <th scope="col">{text('buildDuration')}</th>
              <th scope="col">{text('buildPages')}</th>
            </tr>
          </thead>
          <tbody>
            {builds.docs.map((build) => (
              <tr key={build.id} data-build-status={build.status}>
                <td>{when(build.requestedAt)}</td>
                <td>{text(statusKey[build.status] ?? 'buildStatusQueued')}</td>
                <td>{build.reason ?? ''}</td>
                <td>{build.durationMs ? `${(build.durationMs / 1000).toFixed(1)} s` : '—'}</td>
                <td>{build.pages ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {lastFailure && (
        <p role="status">
          {text('buildLastError', {
            when: when(lastFailure.finishedAt ?? lastFailure.requestedAt),
            error: lastFailure.error ?? '',
          })}
        </p>
      )}
      <p>
        <a href="/admin/collections/site-builds">{text('buildAll')}</a>
      </p>
    </section>
  )
}
