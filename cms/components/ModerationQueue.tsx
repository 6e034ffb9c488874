// The dashboard's moderation panel. Editors see the pending submissions they may decide on (the
// coordinator all, a commune editor those of their communes); an association sees its own
// submissions and their status. A server component reading with the user's rights.
import type { ServerComponentProps } from 'payload'
import { hasRole, organisationId } from '../access/roles'
import { message, type MessageKey } from '../i18n/messages'

const PENDING_LIST = '/admin/collections/submissions?where[status][equals]=pending&sort=createdAt'

export async function ModerationQueue({ payload, user, i18n }: ServerComponentProps) {
  if (!user) return null
  const language = i18n.language
  const text = (key: MessageKey, vars?: Record<string, string | number>) =>
    message(key, language, vars)
  const moderates = hasRole(user, 'admin', 'coordinator', 'commune-editor')
  const organisation = organisationId(user)
  if (!moderates && organisation === null) return null
  const submissions = await payload.find({
    collection: 'submissions',
    // An association sees its own organisation's submissions (not others' public initiatives).
    where: moderates
      ? { status: { equals: 'pending' } }
      : { organisation: { equals: organisation } },
    sort: moderates ? 'createdAt' : '-createdAt',
    limit: 10,
    depth: 0,
    overrideAccess: false,
    user,
    select: { title: true, kind: true, status: true, createdAt: true },
  })
  const when = (value: string) =>
    new Intl.DateTimeFormat(language, {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: 'Europe/Luxembourg',
    }).format(new Date(value))
  return (
    <section aria-labelledby="zesummen-moderation" style={{ marginBottom: '2rem' }}>
      <h2 id="zesummen-moderation">{text('moderationPanelTitle')}</h2>
      <p>{text('moderationPanelIntro')}</p>
      {submissions.totalDocs === 0 ? (
        <p data-moderation-empty>{text('moderationPanelNone')}</p>
      ) : (
        <>
          {moderates && <p>{text('moderationPanelCount', { count: submissions.totalDocs })}</p>}
          <table className="table" style={{ width: '100%' }}>
            <thead>
              <tr>
                <th scope="col">{text('moderationPanelSubmission')}</th>
                <th scope="col">{text('moderationPanelKind')}</th>
                <th scope="col">{text('moderationPanelReceived')}</th>
                {!moderates && <th scope="col">Status</th>}
              </tr>
            </thead>
            <tbody>
              {submissions.docs.map((doc) => (
                <tr key={doc.id} data-moderation-item>
                  <td>
                    <a href={`/admin/collections/submissions/${doc.id}`}>{doc.title}</a>
                  </td>
                  <td>{text(doc.kind === 'event' ? 'kindEvent' : 'kindInitiative')}</td>
                  <td>{when(doc.createdAt)}</td>
                  {!moderates && <td>{doc.status}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {moderates && (
        <p>
          <a href={PENDING_LIST}>{text('moderationPanelAll')}</a>
        </p>
      )}
    </section>
  )
}
