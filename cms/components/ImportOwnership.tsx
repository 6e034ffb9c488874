// An imported event's edit view: which parts the source calendar keeps up to date, and which an
// editor changed here (the next fetch keeps those). A server component reading the form's data
// in the locale being edited.
import type { UIFieldServerComponent } from 'payload'
import { isLocaleCode } from '../../locales/config'
import {
  changedInPortal,
  fingerprintsOf,
  LOCALIZED_PARTS,
  SHARED_PARTS,
  type Fingerprints,
} from '../calendarImport/ownership'
import { message, type MessageKey } from '../i18n/messages'

const partLabels: Record<string, MessageKey> = {
  dates: 'importPartDates',
  changedDates: 'importPartChangedDates',
  status: 'importPartStatus',
  communes: 'importPartCommunes',
  organiser: 'importPartOrganiser',
  categories: 'importPartCategories',
  targetGroups: 'importPartTargetGroups',
  title: 'importPartTitle',
  description: 'importPartDescription',
  statusReason: 'importPartStatusReason',
}

export const ImportOwnership: UIFieldServerComponent = ({ data, i18n, req }) => {
  const event = (data ?? {}) as Record<string, unknown>
  const recorded = event.importFingerprints as Fingerprints | null | undefined
  const locale = req?.locale
  if (!event.importSource || !recorded || !isLocaleCode(locale)) return null
  const text = (key: MessageKey, vars?: Record<string, string | number>) =>
    message(key, i18n.language, vars)
  const current = fingerprintsOf(event, { [locale]: event })
  const changed = changedInPortal(recorded, current)
  const parts = [
    ...SHARED_PARTS.map((part) => ({ key: part, label: part })),
    ...LOCALIZED_PARTS.map((part) => ({ key: `${part}.${locale}`, label: part })),
  ].filter(({ key }) => key in recorded)
  const list = (chosen: typeof parts, name: string) => (
    <ul data-import-parts={name}>
      {chosen.map(({ key, label }) => (
        <li key={key} data-import-part={key}>
          {text(partLabels[label]!)}
        </li>
      ))}
    </ul>
  )
  const fromSource = parts.filter(({ key }) => !changed.has(key))
  const changedHere = parts.filter(({ key }) => changed.has(key))
  return (
    <section aria-labelledby="zesummen-import-ownership" style={{ marginBottom: '1.5rem' }}>
      <h3 id="zesummen-import-ownership">
        {text('importPanelTitle', { source: String(event.importCredit ?? '') })}
      </h3>
      <p>{text('importPanelIntro')}</p>
      {fromSource.length > 0 && (
        <>
          <h4>{text('importPanelFromSource')}</h4>
          {list(fromSource, 'source')}
        </>
      )}
      {changedHere.length > 0 && (
        <>
          <h4>{text('importPanelChangedHere')}</h4>
          {list(changedHere, 'changed')}
        </>
      )}
    </section>
  )
}
