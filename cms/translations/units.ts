// Translation status: which languages of a document are complete, missing or outdated. A
// document's translatable texts are "units" (one per localized text, textarea or rich-text field,
// addressed by a path that uses array and block row ids, so it is the same in every language).
// A translation of a unit is outdated when the source-language text changed after that
// translation was last saved: each translated unit remembers a fingerprint of the source text
// it was made from.
import { createHash } from 'node:crypto'
import type { Field } from 'payload'
import { isLocaleCode, localeCodes, type LocaleCode } from '../../locales/config'

import { translationStates, type TranslationState } from '../domain/translationStates'

export { translationStates, type TranslationState }

/** The raw value of one unit in each language that has it (string or Lexical JSON). */
export type UnitValues = Partial<Record<LocaleCode, unknown>>
export type Units = Map<string, UnitValues>

/** Source fingerprints of translated units: language → unit path → fingerprint. */
export type TranslationBase = Partial<Record<LocaleCode, Record<string, string>>>

export interface TranslationRecord {
  base: TranslationBase
  /** Unit paths whose translation is missing, per language (source-language units only). */
  missing: Partial<Record<LocaleCode, string[]>>
  /** Unit paths whose translation was made from an older source text, per language. */
  outdated: Partial<Record<LocaleCode, string[]>>
}

export interface TranslationStatus {
  states: Record<LocaleCode, TranslationState>
  record: TranslationRecord
}

type Data = Record<string, unknown>

const isObject = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The readable text of a value: a string as is, the text nodes of Lexical rich text joined. */
export function plainText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim()
  const parts: string[] = []
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!isObject(node)) return
    if (typeof node.text === 'string') parts.push(node.text)
    if ('root' in node) visit(node.root)
    if ('children' in node) visit(node.children)
  }
  visit(value)
  return parts.join(' ').replace(/\s+/g, ' ').trim()
}

export const hasText = (value: unknown): boolean => plainText(value).length > 0

/** A short, stable fingerprint of a text (whitespace differences do not count). */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(plainText(value)).digest('base64url').slice(0, 16)
}

type Visit = (path: string, value: unknown, present: boolean) => void

const isTextField = (field: Field) =>
  field.type === 'text' || field.type === 'textarea' || field.type === 'richText'

/**
 * Walks the localized text fields of `data` as `fields` describe it. `visit` gets each unit's path
 * and value; `present` is false when the data does not carry the field (a partial update), so
 * the caller keeps what was stored. Rows of arrays and blocks are addressed by their id.
 */
export function walkUnits(fields: readonly Field[], data: Data, visit: Visit, prefix = ''): void {
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible') {
      walkUnits(field.fields, data, visit, prefix)
      continue
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) {
          const value = data[tab.name]
          if (isObject(value)) walkUnits(tab.fields, value, visit, `${prefix}${tab.name}.`)
        } else walkUnits(tab.fields, data, visit, prefix)
      }
      continue
    }
    if (!('name' in field) || !field.name) {
      if (field.type === 'group') walkUnits(field.fields, data, visit, prefix)
      continue
    }
    const path = `${prefix}${field.name}`
    const present = field.name in data
    const value = data[field.name]
    if ('localized' in field && field.localized) {
      // A localized container is translated as a whole; the site has none today.
      if (isTextField(field) || field.type === 'array' || field.type === 'blocks') {
        visit(path, value, present)
      }
      continue
    }
    if (field.type === 'group' && isObject(value)) {
      walkUnits(field.fields, value, visit, `${path}.`)
    } else if (field.type === 'array' && Array.isArray(value)) {
      for (const row of value) {
        if (isObject(row) && row.id) walkUnits(field.fields, row, visit, `${path}.${row.id}.`)
      }
    } else if (field.type === 'blocks' && Array.isArray(value)) {
      for (const row of value) {
        if (!isObject(row) || !row.id) continue
        const block = field.blocks.find((candidate) => candidate.slug === row.blockType)
        if (block) walkUnits(block.fields, row, visit, `${path}.${row.id}.`)
      }
    }
  }
}

/** The units of a document read with locale "all" (localized values keyed by language). */
export function unitsOfAllLocales(fields: readonly Field[], doc: Data): Units {
  const units: Units = new Map()
  walkUnits(fields, doc, (path, value) => {
    const values: UnitValues = {}
    if (isObject(value)) {
      for (const [locale, text] of Object.entries(value)) {
        if (isLocaleCode(locale) && hasText(text)) values[locale] = text
      }
    }
    units.set(path, values)
  })
  return units
}

/**
 * The units after saving `data` in one language over the stored document: the saved language's
 * values come from `data` (kept from the stored document where `data` leaves a field out), the
 * other languages' from the stored document, for the rows that still exist.
 */
export function unitsAfterSave(
  fields: readonly Field[],
  stored: Units,
  data: Data,
  locale: LocaleCode,
): Units {
  const units: Units = new Map()
  const touched = new Set(Object.keys(data))
  for (const [path, values] of stored) {
    // Top-level fields the save does not carry stay as stored (a partial update).
    if (!touched.has(path.split('.')[0]!)) units.set(path, values)
  }
  walkUnits(fields, data, (path, value, present) => {
    const values: UnitValues = { ...stored.get(path) }
    if (present) {
      if (hasText(value)) values[locale] = value
      else delete values[locale]
    }
    units.set(path, values)
  })
  return units
}

interface StatusInput {
  /** Units before the save (empty for a new document). */
  before: Units
  after: Units
  sourceBefore: LocaleCode | null
  sourceAfter: LocaleCode
  /** The stored fingerprints (empty for a new document or one saved before status existed). */
  base: TranslationBase
  /** Languages whose translator confirmed that every translated text matches the source now. */
  confirmed?: readonly LocaleCode[]
  /**
   * Translations saved now that were made from an older source text (an imported file exported
   * before the source changed): the fingerprint of the text they were made from.
   */
  madeFrom?: TranslationBase
}

const sameText = (a: unknown, b: unknown) => plainText(a) === plainText(b)

/**
 * The translation status after a save. A translated unit that changed in this save is now based
 * on the current source text. One that did not change keeps its recorded base; a translation
 * with no record yet (written before status existed, or the source language changed) counts as
 * made from the source text as it was before this save.
 */
export function translationStatus({
  before,
  after,
  sourceBefore,
  sourceAfter,
  base,
  confirmed = [],
  madeFrom: imported = {},
}: StatusInput): TranslationStatus {
  const states = {} as Record<LocaleCode, TranslationState>
  const record: TranslationRecord = { base: {}, missing: {}, outdated: {} }
  for (const locale of localeCodes) {
    if (locale === sourceAfter) {
      states[locale] = 'source'
      continue
    }
    const kept: Record<string, string> = {}
    const missing: string[] = []
    const outdated: string[] = []
    for (const [path, values] of after) {
      const source = values[sourceAfter]
      const translation = values[locale]
      if (translation === undefined) {
        if (source !== undefined) missing.push(path)
        continue
      }
      const previous = before.get(path)
      const changed = previous?.[locale] === undefined || !sameText(previous[locale], translation)
      const sourceUnchanged = sourceBefore === sourceAfter
      const recorded = sourceUnchanged ? base[locale]?.[path] : undefined
      const previousSource = sourceUnchanged ? previous?.[sourceAfter] : undefined
      const madeFrom =
        (changed ? imported[locale]?.[path] : undefined) ??
        (changed || confirmed.includes(locale)
          ? fingerprint(source)
          : (recorded ?? fingerprint(previousSource ?? source)))
      kept[path] = madeFrom
      if (source !== undefined && madeFrom !== fingerprint(source)) outdated.push(path)
    }
    record.base[locale] = kept
    if (missing.length) record.missing[locale] = missing
    if (outdated.length) record.outdated[locale] = outdated
    states[locale] = missing.length ? 'missing' : outdated.length ? 'outdated' : 'complete'
  }
  return { states, record }
}

/** The languages that need work: missing or outdated. */
export const needsTranslation = (states: Partial<Record<LocaleCode, TranslationState>>) =>
  localeCodes.filter((locale) => states[locale] === 'missing' || states[locale] === 'outdated')

/**
 * The status of a stored document that has none yet (saved before status existed): what is
 * missing is missing, and every existing translation counts as made from the current source.
 */
export function statusOfStoredDocument(fields: readonly Field[], doc: Data): TranslationStatus {
  const units = unitsOfAllLocales(fields, doc)
  const source = isLocaleCode(doc.sourceLanguage) ? doc.sourceLanguage : 'fr'
  return translationStatus({
    before: units,
    after: units,
    sourceBefore: source,
    sourceAfter: source,
    base: {},
  })
}
