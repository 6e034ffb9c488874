// Translation status on every collection with a source language: per language "source",
// "complete", "missing" or "outdated", computed on each save and stored, so admin lists can
// show and filter it ("Translations › Português is missing"). The fingerprints it is computed
// from are for editors only (the public site never reads them).
import { randomBytes } from 'node:crypto'
import type {
  CollectionBeforeChangeHook,
  CollectionConfig,
  Field,
  PayloadRequest,
  SanitizedCollectionConfig,
} from 'payload'
import { isLocaleCode, locales } from '../../locales/config'
import { signedInField } from '../access/signedInField'
import { groupFromStates, stateKey } from './translationKeys'
import {
  translationStates,
  translationStatus,
  unitsAfterSave,
  unitsOfAllLocales,
  type TranslationRecord,
} from '../translations/units'

const stateLabels = {
  source: {
    en: 'Source language',
    fr: 'Langue source',
    de: 'Ausgangssprache',
    pt: 'Língua de origem',
  },
  complete: { en: 'Complete', fr: 'Complète', de: 'Vollständig', pt: 'Completa' },
  missing: { en: 'Missing', fr: 'Manquante', de: 'Fehlt', pt: 'Em falta' },
  outdated: { en: 'Outdated', fr: 'Périmée', de: 'Veraltet', pt: 'Desatualizada' },
} as const

/** What the import tells the status hook (through the request context). */
export interface TranslationContext {
  /** Units imported from a file made from an older source text: the fingerprint it was made from. */
  translationMadeFrom?: Record<string, string>
}

const statusGroup: Field = {
  name: 'translation',
  type: 'group',
  label: { en: 'Translations', fr: 'Traductions', de: 'Übersetzungen', pt: 'Traduções' },
  admin: {
    readOnly: true,
    position: 'sidebar',
    components: { Field: '/components/TranslationStatus#TranslationStatusField' },
  },
  fields: locales.map((locale) => ({
    name: stateKey(locale.code),
    label: locale.name,
    type: 'select' as const,
    options: translationStates.map((state) => ({ value: state, label: { ...stateLabels[state] } })),
  })),
}

const recordField: Field = {
  name: 'translationRecord',
  type: 'json',
  admin: { hidden: true },
  access: { read: signedInField },
}

const confirmField: Field = {
  name: 'translationConfirmed',
  type: 'checkbox',
  virtual: true,
  label: {
    en: 'The translation in this language is still right (mark as up to date)',
    fr: 'La traduction dans cette langue est toujours juste (marquer à jour)',
    de: 'Die Übersetzung in dieser Sprache stimmt noch (als aktuell markieren)',
    pt: 'A tradução nesta língua continua certa (marcar como atualizada)',
  },
  admin: {
    position: 'sidebar',
    description: {
      en: 'Only when the source text changed in a way that does not change this translation.',
      fr: 'Seulement si le texte source a changé sans que cette traduction doive changer.',
      de: 'Nur wenn sich der Ausgangstext geändert hat, ohne dass diese Übersetzung sich ändern muss.',
      pt: 'Só quando o texto de origem mudou sem que esta tradução tenha de mudar.',
    },
  },
}

const listColumn: Field = {
  name: 'translationColumn',
  type: 'ui',
  label: { en: 'Languages', fr: 'Langues', de: 'Sprachen', pt: 'Línguas' },
  admin: {
    components: {
      Field: false,
      Cell: '/components/TranslationStatusCell#TranslationStatusCell',
    },
  },
}

type Data = Record<string, unknown>

/** Rows new in this save get their id now, so their texts have the same path in every language. */
function giveRowsIds(fields: readonly Field[], data: Data) {
  const visitRows = (list: readonly Field[], value: Data) => {
    for (const field of list) {
      if ('fields' in field && !('name' in field && field.name)) visitRows(field.fields, value)
      if (!('name' in field) || !field.name) continue
      const child = value[field.name]
      if (field.type === 'group' && child && typeof child === 'object') {
        visitRows(field.fields, child as Data)
      }
      if ((field.type === 'array' || field.type === 'blocks') && Array.isArray(child)) {
        for (const row of child as Data[]) {
          if (!row || typeof row !== 'object') continue
          row.id ??= randomBytes(12).toString('hex')
          const rowFields =
            field.type === 'array'
              ? field.fields
              : field.blocks.find((block) => block.slug === row.blockType)?.fields
          if (rowFields) visitRows(rowFields, row)
        }
      }
    }
  }
  visitRows(fields, data)
}

/**
 * The stored document (its latest draft where drafts exist) in every language, read in the
 * save's transaction. The Local API sets the locale on the request it is given, so the save's
 * own locale is put back afterwards.
 */
async function storedInAllLocales(
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  id: string | number,
): Promise<Data> {
  const { locale, fallbackLocale } = req
  try {
    const doc = await req.payload.findByID({
      collection: collection.slug,
      id,
      locale: 'all',
      draft: Boolean(collection.versions),
      depth: 0,
      overrideAccess: true,
      showHiddenFields: true,
      disableErrors: true,
      req,
    })
    return (doc as Data | null) ?? {}
  } finally {
    req.locale = locale
    req.fallbackLocale = fallbackLocale
  }
}

const recordTranslationStatus: CollectionBeforeChangeHook = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  const confirmed = Boolean(data.translationConfirmed)
  delete data.translationConfirmed
  const locale = isLocaleCode(req.locale) ? req.locale : null
  if (!locale) return data
  const id = (originalDoc as { id?: string | number } | undefined)?.id
  const stored =
    operation === 'update' && id !== undefined ? await storedInAllLocales(req, collection, id) : {}
  giveRowsIds(collection.fields, data)
  const before = unitsOfAllLocales(collection.fields, stored)
  const after = unitsAfterSave(collection.fields, before, data, locale)
  const sourceBefore = isLocaleCode(stored.sourceLanguage) ? stored.sourceLanguage : null
  const sourceAfter = isLocaleCode(data.sourceLanguage)
    ? data.sourceLanguage
    : (sourceBefore ?? locale)
  const storedRecord = stored.translationRecord as Partial<TranslationRecord> | null | undefined
  const madeFrom = (req.context as TranslationContext).translationMadeFrom
  const { states, record } = translationStatus({
    before,
    after,
    sourceBefore,
    sourceAfter,
    base: storedRecord?.base ?? {},
    confirmed: confirmed && locale !== sourceAfter ? [locale] : [],
    madeFrom: madeFrom ? { [locale]: madeFrom } : {},
  })
  return { ...data, translation: groupFromStates(states), translationRecord: record }
}

export const isTranslatable = (collection: CollectionConfig) =>
  collection.fields.some((field) => 'name' in field && field.name === 'sourceLanguage')

/** Adds translation status to a collection that has a source language (others stay as they are). */
export function withTranslationStatus(collection: CollectionConfig): CollectionConfig {
  if (!isTranslatable(collection)) return collection
  return {
    ...collection,
    custom: { ...collection.custom, translatable: true },
    admin: {
      ...collection.admin,
      ...(collection.admin?.defaultColumns
        ? { defaultColumns: [...collection.admin.defaultColumns, 'translationColumn'] }
        : {}),
    },
    fields: [...collection.fields, statusGroup, confirmField, recordField, listColumn],
    hooks: {
      ...collection.hooks,
      beforeChange: [...(collection.hooks?.beforeChange ?? []), recordTranslationStatus],
    },
  }
}
