// The dashboard's "Translate next" panel: per language, the documents this editor may change
// that miss a translation or have an outdated one, in the order residents meet them.
import type { CollectionSlug, Payload, ServerComponentProps } from 'payload'
import { localeCodes, localeDefinition } from '../../locales/config'
import { translationWork } from '../dashboard/overview'
import { statePath } from '../fields/translationKeys'
import { message, type MessageKey } from '../i18n/messages'

const LIMIT = 10

/** A collection's plural name in the admin's language (English when it has none). */
function pluralLabel(payload: Payload, slug: string, language: string): string {
  const plural = payload.collections[slug as CollectionSlug]?.config.labels.plural
  if (typeof plural === 'string') return plural
  if (plural && typeof plural === 'object') {
    const labels = plural as Record<string, string>
    return labels[language] ?? labels.en ?? slug
  }
  return slug
}

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
      {lists.map(({ code, total, items, byCollection }) => {
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
            <ul>
              {Object.entries(byCollection).map(([collection, count]) => (
                <li key={collection}>
                  <a
                    href={`/admin/collections/${collection}?where[${statePath(code)}][in][0]=missing&where[${statePath(code)}][in][1]=outdated`}
                  >
                    {text('translateNextAllIn', {
                      collection: pluralLabel(payload, collection, language),
                      language: name,
                      count: count ?? 0,
                    })}
                  </a>
                </li>
              ))}
            </ul>
          </details>
        )
      })}
    </section>
  )
}
