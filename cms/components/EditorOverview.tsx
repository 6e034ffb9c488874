// The dashboard's "Your work" panel: what needs attention among the documents this editor may
// change (their communes; everything for the coordinator). A server component reading with the
// editor's rights.
import type { ServerComponentProps } from 'payload'
import { localeDefinition } from '../../locales/config'
import { editorOverview, type OverviewItem } from '../dashboard/overview'
import { message, type MessageKey } from '../i18n/messages'

type Section = keyof Awaited<ReturnType<typeof editorOverview>>

const sections: { key: Section; title: MessageKey }[] = [
  { key: 'eventsWithoutImage', title: 'overviewNoImage' },
  { key: 'eventsMissingTranslations', title: 'overviewMissingTranslations' },
  { key: 'drafts', title: 'overviewDrafts' },
  { key: 'scheduled', title: 'overviewScheduled' },
  { key: 'resourcesToReview', title: 'overviewStaleResources' },
  { key: 'failingSources', title: 'overviewFailingSources' },
  { key: 'venuesToCheck', title: 'overviewVenuesToCheck' },
]

export async function EditorOverview({ payload, user, i18n }: ServerComponentProps) {
  if (!user) return null
  const language = i18n.language
  const text = (key: MessageKey, vars?: Record<string, string | number>) =>
    message(key, language, vars)
  const overview = await editorOverview(payload, user, language)
  const when = (item: OverviewItem) =>
    item.when
      ? new Intl.DateTimeFormat(language, {
          dateStyle: 'medium',
          ...(item.collection === 'resources' ? {} : { timeStyle: 'short' }),
          timeZone: 'Europe/Luxembourg',
        }).format(new Date(item.when))
      : item.collection === 'resources'
        ? text('overviewNever')
        : '—'
  return (
    <section aria-labelledby="zesummen-overview" style={{ marginBottom: '2rem' }}>
      <h2 id="zesummen-overview">{text('overviewTitle')}</h2>
      <p>{text('overviewIntro')}</p>
      {sections.map(({ key, title }) => {
        const items = overview[key]
        const headingId = `zesummen-overview-${key}`
        return (
          <section key={key} aria-labelledby={headingId} data-overview={key}>
            <h3 id={headingId}>
              {text(title)} ({items.length})
            </h3>
            {items.length === 0 ? (
              <p>{text('overviewNone')}</p>
            ) : (
              <table className="table" style={{ width: '100%' }}>
                <thead>
                  <tr>
                    <th scope="col">{text('overviewItem')}</th>
                    <th scope="col">{text('overviewWhen')}</th>
                    {key === 'eventsMissingTranslations' && (
                      <th scope="col">{text('overviewLanguages')}</th>
                    )}
                    {key === 'failingSources' && <th scope="col">{text('overviewResult')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={`${item.collection}-${item.id}`} data-overview-item={item.id}>
                      <td>
                        <a href={item.href}>{item.title}</a>
                      </td>
                      <td>
                        {item.action
                          ? `${text(item.action === 'publish' ? 'overviewPublish' : 'overviewUnpublish')}: `
                          : ''}
                        {when(item)}
                      </td>
                      {key === 'eventsMissingTranslations' && (
                        <td>
                          {item.languages.map((code) => localeDefinition(code).name).join(', ')}
                        </td>
                      )}
                      {key === 'failingSources' && <td>{item.detail}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        )
      })}
    </section>
  )
}
