// The dashboard's "Translate next" panel: per language, the documents this editor may change
// that miss a translation or have an outdated one, in the order residents meet them.
import type { ServerComponentProps } from 'payload'
import { localeCodes, localeDefinition } from '../../locales/config'
import { translationWork } from '../dashboard/overview'
import { statePath } from '../fields/translationKeys'
import { message, type MessageKey } from '../i18n/messages'

const LIMIT = 10

export async function TranslateNext({ payload, user, i18n }: ServerComponentProps) {
  if (!user) return null
  const language = i18n.language
  const text = (key: MessageKey, vars?: Record<string, string | number>) =>
    message(key, language, vars)
  const work = await translationWork(payload, user, localeCodes, LIMIT, new Date(), language)
  const lists = localeCodes.map((code) => ({ code, ...work[code] }))
  return (
    <section aria-labelledby="zesummen-translate-next" style={{ marginBottom: '2rem' }}>
      <h2 id="zesummen-translate-next">{text('translateNextTitle')}</h2>
      <p>{text('translateNextIntro')}</p>
      {lists.map(({ code, total, items }) => {
        const name = localeDefinition(code).name
        return (
          <details key={code} data-translate-next={code}>
            <summary>{text('translateNextCount', { language: name, count: total })}</summary>
            {items.length === 0 ? (
              <p>{text('translateNextNone')}</p>
            ) : (
              <ol>
                {items.map((item) => (
                  <li key={`${item.collection}-${item.id}`} data-translate-item={item.id}>
                    <a href={item.href}>{item.title}</a> ({item.collection}
                    {item.when
                      ? `, ${new Intl.DateTimeFormat(language, {
                          dateStyle: 'medium',
                          timeZone: 'Europe/Luxembourg',
                        }).format(new Date(item.when))}`
                      : ''}
                    )
                  </li>
                ))}
              </ol>
            )}
            <p>
              <a
                href={`/admin/collections/events?where[${statePath(code)}][in][0]=missing&where[${statePath(code)}][in][1]=outdated`}
              >
                {text('translateNextAll', { language: name })}
              </a>
            </p>
          </details>
        )
      })}
    </section>
  )
}
