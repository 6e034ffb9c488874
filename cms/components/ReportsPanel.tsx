// The dashboard's reports panel for editors: CSV downloads (comma or semicolon) and the import of
// actions and indicator values, checked first (see cms/reports/actionsCsv.ts).
import type { ServerComponentProps } from 'payload'
import { hasRole } from '../access/roles'
import { message, type MessageKey } from '../i18n/messages'
import { CsvImportForm } from './CsvImportForm'

const exports = [
  { file: 'actions', label: 'reportsActions' },
  { file: 'events', label: 'reportsEvents' },
  { file: 'resources', label: 'reportsResources' },
] as const satisfies readonly { file: string; label: MessageKey }[]

export function ReportsPanel({ user, i18n }: ServerComponentProps) {
  if (!hasRole(user, 'admin', 'coordinator', 'commune-editor')) return null
  const language = i18n.language
  const text = (key: MessageKey) => message(key, language)
  const lang = ['fr', 'de', 'pt', 'en'].includes(language) ? language : 'fr'
  return (
    <section aria-labelledby="zesummen-reports" style={{ marginBottom: '2rem' }}>
      <h2 id="zesummen-reports">{text('reportsTitle')}</h2>
      <p>{text('reportsIntro')}</p>
      <ul>
        {exports.map((item) => (
          <li key={item.file}>
            {text(item.label)}:{' '}
            <a href={`/api/reports/${item.file}.csv?lang=${lang}`}>CSV ({text('reportsComma')})</a>
            {' · '}
            <a href={`/api/reports/${item.file}.csv?lang=${lang}&delimiter=semicolon`}>
              CSV ({text('reportsSemicolon')})
            </a>
          </li>
        ))}
      </ul>
      <CsvImportForm
        texts={{
          title: text('reportsImport'),
          file: text('reportsFile'),
          check: text('reportsCheck'),
          apply: text('reportsApply'),
          noChange: text('reportsNoChange'),
          changes: text('reportsChanges'),
          applied: text('reportsApplied'),
          errors: text('reportsErrors'),
          line: text('reportsLine'),
          what: text('reportsWhat'),
          from: text('reportsFrom'),
          to: text('reportsTo'),
        }}
      />
    </section>
  )
}
