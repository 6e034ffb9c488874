// Translation files: a document's texts exported for one target language (XLIFF 2.0 or CSV), and
// the plan for importing a translated file back. Every unit carries the fingerprint of the
// source text it was exported from, so an import notices when the source changed since.
import type { Field } from 'payload'
import { isLocaleCode, type LocaleCode } from '../../locales/config'
import { readCsv, toCsv } from '../domain/csv'
import { fingerprint, plainText, unitsOfAllLocales } from './units'
import { childrenNamed, escapeXml, parseXml, textOf, XmlError, type XmlElement } from './xml'

export interface ExchangeUnit {
  /** The unit's path; rich text is split into one unit per text run: `<path>:<n>`. */
  id: string
  /** A readable name of the field. */
  field: string
  /** Fingerprint of the whole source field when the file was made. */
  fingerprint: string
  source: string
  target: string | null
}

export interface TranslationFile {
  /** `<collection>/<id>` */
  document: string
  title: string
  sourceLanguage: LocaleCode
  targetLanguage: LocaleCode
  units: ExchangeUnit[]
}

type Data = Record<string, unknown>
const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0'
const CSV_COLUMNS = [
  'document',
  'source_language',
  'target_language',
  'id',
  'field',
  'fingerprint',
  'source',
  'target',
] as const

/** Row ids (generated, 24 hex digits, or seeded) do not help a translator: only field names. */
export const fieldLabel = (path: string) =>
  path
    .split('.')
    .filter((segment) => !/^[0-9a-f]{24}$/i.test(segment) && !/\d/.test(segment.slice(0, 1)))
    .join(' › ')

/** The text nodes of Lexical rich text, in document order. */
function textNodes(value: unknown): Data[] {
  const found: Data[] = []
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!node || typeof node !== 'object') return
    const record = node as Data
    if (typeof record.text === 'string') found.push(record)
    if ('root' in record) visit(record.root)
    if ('children' in record) visit(record.children)
  }
  visit(value)
  return found
}

export function exportFile(
  fields: readonly Field[],
  doc: Data,
  options: { document: string; title: string; source: LocaleCode; target: LocaleCode },
): TranslationFile {
  const units: ExchangeUnit[] = []
  for (const [path, values] of unitsOfAllLocales(fields, doc)) {
    const source = values[options.source]
    if (source === undefined) continue
    const common = { field: fieldLabel(path), fingerprint: fingerprint(source) }
    const target = values[options.target]
    if (typeof source === 'string') {
      units.push({
        id: path,
        ...common,
        source,
        target: typeof target === 'string' ? target : null,
      })
      continue
    }
    const sourceRuns = textNodes(source)
    const targetRuns = textNodes(target)
    sourceRuns.forEach((run, index) => {
      const translated = targetRuns.length === sourceRuns.length ? targetRuns[index]!.text : null
      units.push({
        id: `${path}:${index}`,
        ...common,
        source: String(run.text),
        target: typeof translated === 'string' ? translated : null,
      })
    })
  }
  return {
    document: options.document,
    title: options.title,
    sourceLanguage: options.source,
    targetLanguage: options.target,
    units,
  }
}

export function toXliff(file: TranslationFile): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="${file.sourceLanguage}" trgLang="${file.targetLanguage}">`,
    `  <file id="f1" original="${escapeXml(file.document)}">`,
    `    <notes><note category="title">${escapeXml(file.title)}</note></notes>`,
  ]
  for (const unit of file.units) {
    lines.push(
      `    <unit id="${escapeXml(unit.id)}" name="${escapeXml(unit.field)}">`,
      `      <notes><note category="fingerprint">${unit.fingerprint}</note></notes>`,
      `      <segment state="${unit.target === null ? 'initial' : 'translated'}">`,
      `        <source>${escapeXml(unit.source)}</source>`,
      ...(unit.target === null ? [] : [`        <target>${escapeXml(unit.target)}</target>`]),
      '      </segment>',
      '    </unit>',
    )
  }
  lines.push('  </file>', '</xliff>', '')
  return lines.join('\n')
}

export function toTranslationCsv(file: TranslationFile): string {
  return toCsv(
    [
      CSV_COLUMNS,
      ...file.units.map((unit) => [
        file.document,
        file.sourceLanguage,
        file.targetLanguage,
        unit.id,
        unit.field,
        unit.fingerprint,
        unit.source,
        unit.target ?? '',
      ]),
    ],
    { bom: true },
  )
}

export class TranslationFileError extends Error {}

function readXliff(text: string): TranslationFile {
  let root: XmlElement
  try {
    root = parseXml(text)
  } catch (error) {
    if (error instanceof XmlError)
      throw new TranslationFileError(`Not readable XML: ${error.message}`)
    throw error
  }
  if (root.name.replace(/^.*:/, '') !== 'xliff' || root.attributes.version !== '2.0') {
    throw new TranslationFileError('The file is not XLIFF 2.0 (<xliff version="2.0">).')
  }
  const files = childrenNamed(root, 'file')
  if (files.length !== 1) {
    throw new TranslationFileError('The file must hold exactly one <file>: one document each.')
  }
  const file = files[0]!
  const units = childrenNamed(file, 'unit').map((unit): ExchangeUnit => {
    const id = unit.attributes.id ?? ''
    const note = childrenNamed(unit, 'notes')
      .flatMap((notes) => childrenNamed(notes, 'note'))
      .find((candidate) => candidate.attributes.category === 'fingerprint')
    const segments = childrenNamed(unit, 'segment')
    if (segments.length !== 1) {
      throw new TranslationFileError(
        `Unit ${id} (line ${unit.line}) must have exactly one <segment>; do not split or join segments.`,
      )
    }
    const segment = segments[0]!
    const source = childrenNamed(segment, 'source')[0]
    const target = childrenNamed(segment, 'target')[0]
    const targetText = target ? textOf(target) : null
    if (target && targetText === null) {
      throw new TranslationFileError(
        `The target of unit ${id} (line ${target.line}) contains markup; only plain text is accepted.`,
      )
    }
    return {
      id,
      field: unit.attributes.name ?? '',
      fingerprint: note ? (textOf(note) ?? '').trim() : '',
      source: source ? (textOf(source) ?? '') : '',
      target: targetText,
    }
  })
  return checked({
    document: file.attributes.original ?? '',
    title: '',
    sourceLanguage: root.attributes.srcLang as LocaleCode,
    targetLanguage: root.attributes.trgLang as LocaleCode,
    units,
  })
}

function readTranslationCsv(text: string): TranslationFile {
  const table = readCsv(text, { unprotectFormulas: true })
  const missingColumns = CSV_COLUMNS.filter((column) => !table.header.includes(column))
  if (missingColumns.length) {
    throw new TranslationFileError(
      `The CSV file lacks the column(s) ${missingColumns.join(', ')}: export the file again.`,
    )
  }
  if (table.problems.length) {
    throw new TranslationFileError(
      table.problems.map((problem) => `Line ${problem.line} ${problem.reason}.`).join(' '),
    )
  }
  const rows = table.rows.map((row) => ({
    line: row.line,
    value: (column: (typeof CSV_COLUMNS)[number]) => row.cells[table.header.indexOf(column)] ?? '',
  }))
  const first = rows[0]
  for (const row of rows) {
    for (const column of ['document', 'source_language', 'target_language'] as const) {
      if (first && row.value(column) !== first.value(column)) {
        throw new TranslationFileError(
          `Line ${row.line}: every row must have the same ${column} (one document and language per file).`,
        )
      }
    }
  }
  return checked({
    document: first?.value('document') ?? '',
    title: '',
    sourceLanguage: (first?.value('source_language') ?? '') as LocaleCode,
    targetLanguage: (first?.value('target_language') ?? '') as LocaleCode,
    units: rows.map((row) => ({
      id: row.value('id'),
      field: row.value('field'),
      fingerprint: row.value('fingerprint').trim(),
      source: row.value('source'),
      target: row.value('target') === '' ? null : row.value('target'),
    })),
  })
}

function checked(file: TranslationFile): TranslationFile {
  if (!isLocaleCode(file.sourceLanguage) || !isLocaleCode(file.targetLanguage)) {
    throw new TranslationFileError(
      `Unknown languages in the file (source "${file.sourceLanguage}", target "${file.targetLanguage}"); use lb, fr, de, pt or en.`,
    )
  }
  if (!file.units.length) throw new TranslationFileError('The file holds no texts.')
  const seen = new Set<string>()
  for (const unit of file.units) {
    if (seen.has(unit.id)) throw new TranslationFileError(`The text ${unit.id} appears twice.`)
    seen.add(unit.id)
  }
  return file
}

/** Reads an XLIFF 2.0 or CSV translation file (as exported by the portal). */
export function readTranslationFile(text: string): TranslationFile {
  const body = text.replace(/^\uFEFF/, '')
  return body.trimStart().startsWith('<') ? readXliff(body) : readTranslationCsv(body)
}

// ---------------------------------------------------------------------------------------------
// Import

export interface ImportChange {
  id: string
  field: string
  from: string
  to: string
}

export interface ImportWarning {
  id: string
  field: string
  message: string
}

export interface ImportPlan {
  changes: ImportChange[]
  warnings: ImportWarning[]
  /** Top-level fields to save in the target language. */
  data: Data
  /** Units written although their source changed since export: the fingerprint they came from. */
  madeFrom: Record<string, string>
}

const isObject = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The object holding the text at a unit path (array and block rows found by id). */
function locate(doc: Data, path: string): { parent: Data; key: string } | null {
  const segments = path.split('.')
  let current: unknown = doc
  for (const segment of segments.slice(0, -1)) {
    current = Array.isArray(current)
      ? current.find((row) => isObject(row) && String(row.id) === segment)
      : isObject(current)
        ? current[segment]
        : undefined
    if (current === undefined || current === null) return null
  }
  return isObject(current) ? { parent: current, key: segments[segments.length - 1]! } : null
}

/**
 * What importing `file` would change. `docAll` is the document read with locale "all";
 * `docTarget` the same document read in the target language without fallback, which receives
 * the translated texts. Units whose source text changed since export are reported and left out
 * unless `acceptChanged` (they then stay marked as outdated).
 */
export function planImport(
  fields: readonly Field[],
  docAll: Data,
  docTarget: Data,
  file: TranslationFile,
  source: LocaleCode,
  acceptChanged = false,
): ImportPlan {
  const plan: ImportPlan = { changes: [], warnings: [], data: {}, madeFrom: {} }
  const current = unitsOfAllLocales(fields, docAll)
  const byField = new Map<string, ExchangeUnit[]>()
  for (const unit of file.units) {
    const path = unit.id.replace(/:\d+$/, '')
    byField.set(path, [...(byField.get(path) ?? []), unit])
  }
  for (const [path, units] of byField) {
    const field = units[0]!.field || fieldLabel(path)
    const warn = (message: string) => plan.warnings.push({ id: path, field, message })
    const values = current.get(path)
    const location = locate(docTarget, path)
    if (!values || !location) {
      warn('No such text in this document (a row may have been removed): not imported.')
      continue
    }
    const sourceValue = values[source]
    if (units.every((unit) => unit.target === null || unit.target.trim() === '')) continue
    const exportedFrom = units[0]!.fingerprint
    if (sourceValue === undefined || exportedFrom !== fingerprint(sourceValue)) {
      if (!acceptChanged) {
        warn('The source text changed after the file was exported: not imported. Export again.')
        continue
      }
      warn('The source text changed after the file was exported: imported, marked as outdated.')
      plan.madeFrom[path] = exportedFrom
    }
    let next: unknown
    if (typeof sourceValue === 'string' || sourceValue === undefined) {
      if (units.length !== 1 || units[0]!.id !== path) {
        warn('This text is not split into parts: expected one unit.')
        continue
      }
      next = units[0]!.target!
    } else {
      const tree = structuredClone(sourceValue)
      const runs = textNodes(tree)
      const translated = new Map(units.map((unit) => [unit.id, unit.target]))
      const missing = runs.some((_, index) => !translated.get(`${path}:${index}`)?.trim())
      if (missing || translated.size !== runs.length) {
        warn(`All ${runs.length} parts of this text need a translation: not imported.`)
        delete plan.madeFrom[path]
        continue
      }
      runs.forEach((run, index) => (run.text = translated.get(`${path}:${index}`)!))
      next = tree
    }
    const before = location.parent[location.key]
    if (plainText(before) === plainText(next)) {
      delete plan.madeFrom[path]
      continue
    }
    location.parent[location.key] = next
    const top = path.split('.')[0]!
    plan.data[top] = docTarget[top]
    plan.changes.push({ id: path, field, from: plainText(before), to: plainText(next) })
  }
  return plan
}
