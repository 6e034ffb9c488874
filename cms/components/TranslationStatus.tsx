// The edit view's translation panel: each language's state with the texts that are missing or
// outdated, links to export the texts for a translator, and the import of a translated file.
import type { GroupFieldServerComponent } from 'payload'
import { localeCodes, localeDefinition, type LocaleCode } from '../../locales/config'
import type { TranslationRecord } from '../translations/units'
import { statesFromGroup } from '../fields/translationKeys'
import { message, type MessageKey } from '../i18n/messages'
import { fieldLabel } from '../translations/exchange'
import { TranslationImportForm } from './TranslationImportForm'
import { stateLabel, stateSymbol } from './translationLabels'

export const TranslationStatusField: GroupFieldServerComponent = ({
  data,
  id,
  collectionSlug,
  i18n,
}) => {
  const language = i18n.language
  const text = (key: MessageKey, vars?: Record<string, string | number>) =>
    message(key, language, vars)
  const states = statesFromGroup(data?.translation)
  const record = (data?.translationRecord ?? {}) as Partial<TranslationRecord>
  const source = data?.sourceLanguage as LocaleCode | undefined
  const fields = (paths: string[] | undefined) =>
    [...new Set((paths ?? []).map(fieldLabel))].join(', ')
  const api = id ? `/api/translations/${collectionSlug}/${id}` : null
  return (
    <section aria-labelledby="zesummen-translations" data-translation-panel>
      <h3 id="zesummen-translations">{text('translationTitle')}</h3>
      <p>{text('translationIntro')}</p>
      <ul style={{ listStyle: 'none', padding: 0 }}>
        {localeCodes.map((code) => {
          const state = states[code]
          return (
            <li key={code} data-translation-language={code} data-translation-state={state ?? ''}>
              <strong>
                {state ? stateSymbol[state] : '?'} {localeDefinition(code).name}
              </strong>
              : {stateLabel(state, language)}
              {record.missing?.[code]?.length ? (
                <div>
                  {text('translationMissingTexts', { fields: fields(record.missing[code]) })}
                </div>
              ) : null}
              {record.outdated?.[code]?.length ? (
                <div>
                  {text('translationOutdatedTexts', { fields: fields(record.outdated[code]) })}
                </div>
              ) : null}
            </li>
          )
        })}
      </ul>
      {api ? (
        <>
          <h4>{text('translationExport')}</h4>
          <ul>
            {localeCodes
              .filter((code) => code !== source)
              .map((code) => (
                <li key={code}>
                  {(['xliff', 'csv'] as const).map((format) => (
                    <a
                      key={format}
                      href={`${api}?lang=${code}&format=${format}`}
                      download
                      style={{ marginInlineEnd: '0.75rem' }}
                    >
                      {text('translationExportLink', {
                        language: localeDefinition(code).name,
                        format: format === 'csv' ? 'CSV' : 'XLIFF',
                      })}
                    </a>
                  ))}
                </li>
              ))}
          </ul>
          <TranslationImportForm
            endpoint={api}
            texts={{
              title: text('translationImportTitle'),
              file: text('translationImportFile'),
              check: text('translationImportCheck'),
              apply: text('translationImportApply'),
              accept: text('translationImportAccept'),
              publish: text('translationImportPublish'),
              changes: text('translationImportChanges'),
              applied: text('translationImportApplied'),
              noChange: text('translationImportNoChange'),
              warnings: text('translationImportWarnings'),
              failed: text('translationImportFailed'),
              field: text('translationText'),
              before: text('translationBefore'),
              after: text('translationAfter'),
            }}
          />
        </>
      ) : (
        <p>{text('translationSaveFirst')}</p>
      )}
    </section>
  )
}
