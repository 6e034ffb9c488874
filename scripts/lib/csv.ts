// CSV as people exchange it with spreadsheet apps (RFC 4180): a forgiving reader that reports
// every malformed row with its line number, and a writer that spreadsheets open safely.
//
// Reader: input must be UTF-8 (a byte input is checked; a leading BOM is dropped). The
// delimiter is `,` or `;`, whichever the header line has more of outside quotes (Excel in
// French or German locales writes `;`). Records end at CRLF, LF or a lone CR; quoted fields may
// hold delimiters, doubled quotes and line breaks. Empty lines are skipped. A row with the wrong
// number of cells or an unterminated quote is reported and left out, and reading goes on
// (after an unterminated quote, from the line after the one where the record began).
//
// Writer: CRLF line ends, a field is quoted only when it holds the delimiter, a quote or a line
// break. Cells that a spreadsheet would run as a formula (starting with = + - @ tab or CR) get
// a leading apostrophe, as OWASP advises for CSV injection. Numbers passed as numbers are never
// prefixed, nor are strings that are plain decimal numbers ("-12.5"), since a spreadsheet reads
// them as the same number and runs nothing. Strings that already start with apostrophes before
// such a character get one more, so `readCsv(..., { unprotectFormulas: true })` gives back
// exactly the strings that were written.

export type CsvDelimiter = ',' | ';'
export type CsvCell = string | number | boolean | null | undefined

export interface CsvRow {
  /** 1-based line on which the record starts (a quoted line break makes records span lines). */
  line: number
  cells: string[]
}

export interface CsvProblem {
  line: number
  reason: string
}

export interface CsvTable {
  delimiter: CsvDelimiter
  header: string[]
  rows: CsvRow[]
  problems: CsvProblem[]
}

export interface ReadCsvOptions {
  /** Named in error messages, e.g. the file name. */
  source?: string
  /** Forces the delimiter instead of detecting it from the header line. */
  delimiter?: CsvDelimiter
  /** Removes the apostrophe that `toCsv` puts before formula-like cells. */
  unprotectFormulas?: boolean
}

/** The input is not UTF-8: names the first bad byte and its line. */
export class CsvEncodingError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    readonly byte: number,
  ) {
    const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`
    super(
      `${source} is not valid UTF-8 (byte ${hex} on line ${line}). It was probably saved as ` +
        `Latin-1 or Windows-1252, as Excel does for "CSV (comma/semicolon delimited)": save ` +
        `it again as "CSV UTF-8" (or convert it to UTF-8) and import it again.`,
    )
    this.name = 'CsvEncodingError'
  }
}

const FORMULA_START = /^'*[=+\-@\t\r]/
const PROTECTED_FORMULA = /^'+[=+\-@\t\r]/
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/

/** Decodes UTF-8 bytes (dropping a BOM) or returns a string without its BOM. */
export function decodeUtf8(input: string | Uint8Array, source = 'The file'): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input)
  } catch {
    const offset = firstInvalidByte(input)
    const line = input.subarray(0, offset).filter((byte) => byte === 0x0a).length + 1
    throw new CsvEncodingError(source, line, input[offset] ?? 0)
  }
}

export function readCsv(input: string | Uint8Array, options: ReadCsvOptions = {}): CsvTable {
  const text = decodeUtf8(input, options.source)
  const delimiter = options.delimiter ?? detectDelimiter(text)
  const records = readRecords(text, delimiter)
  const problems: CsvProblem[] = records.flatMap((record) =>
    record.problem ? [{ line: record.line, reason: record.problem }] : [],
  )
  const wellFormed = records.filter((record) => !record.problem)
  const [headerRecord, ...body] = wellFormed
  const header = (headerRecord?.cells ?? []).map((name) => name.trim())
  const rows: CsvRow[] = []
  for (const record of body) {
    if (record.cells.length !== header.length) {
      problems.push({
        line: record.line,
        reason: `has ${cellCount(record.cells.length)} where the header has ${header.length}`,
      })
      continue
    }
    const cells = options.unprotectFormulas ? record.cells.map(unprotectFormula) : record.cells
    rows.push({ line: record.line, cells })
  }
  problems.sort((a, b) => a.line - b.line)
  return { delimiter, header, rows, problems }
}

export function toCsv(
  rows: readonly (readonly CsvCell[])[],
  options: { delimiter?: CsvDelimiter; bom?: boolean } = {},
): string {
  const delimiter = options.delimiter ?? ','
  const lines = rows.map((row) => {
    // A lone empty cell would be an empty line, which readers skip.
    if (row.length === 1 && csvText(row[0]) === '') return '""'
    return row.map((cell) => quoteIfNeeded(csvText(cell), delimiter)).join(delimiter)
  })
  return (options.bom ? '\uFEFF' : '') + lines.map((line) => `${line}\r\n`).join('')
}

const cellCount = (count: number) => `${count} ${count === 1 ? 'cell' : 'cells'}`

function csvText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`Cannot write ${cell} to a CSV cell`)
    return String(cell)
  }
  if (typeof cell === 'boolean') return String(cell)
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell
}

function unprotectFormula(cell: string): string {
  return PROTECTED_FORMULA.test(cell) ? cell.slice(1) : cell
}

function quoteIfNeeded(text: string, delimiter: CsvDelimiter): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0
  let semicolons = 0
  let quoted = false
  for (const char of text) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && char === ',') commas++
    else if (!quoted && char === ';') semicolons++
  }
  return semicolons > commas ? ';' : ','
}

interface RawRecord {
  line: number
  cells: string[]
  problem?: string
}

function readRecords(text: string, delimiter: CsvDelimiter): RawRecord[] {
  const records: RawRecord[] = []
  let index = 0
  let line = 1
  while (index < text.length) {
    const startLine = line
    const startIndex = index
    const cells: string[] = []
    let cell = ''
    let quoted = false
    let wasQuoted = false
    let problem: string | undefined
    let ended = false
    while (index < text.length && !ended) {
      const char = text[index]!
      if (quoted) {
        if (char === '"' && text[index + 1] === '"') {
          cell += '"'
          index++
        } else if (char === '"') quoted = false
        else {
          if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) line++
          cell += char
        }
      } else if (char === '"' && cell === '' && !wasQuoted) {
        quoted = wasQuoted = true
      } else if (char === delimiter) {
        cells.push(cell)
        cell = ''
        wasQuoted = false
      } else if (char === '\r' || char === '\n') {
        if (char === '\r' && text[index + 1] === '\n') index++
        line++
        ended = true
      } else {
        if (wasQuoted) problem ??= `has text after the closing quote of cell ${cells.length + 1}`
        cell += char
      }
      index++
    }
    if (quoted) {
      records.push({
        line: startLine,
        cells: [],
        problem: 'has a quote that is never closed (a cell starts with " but has no closing ")',
      })
      // Go on from the line after the record's start, as if that quote were a typo.
      index = nextLineStart(text, startIndex)
      line = startLine + 1
      continue
    }
    cells.push(cell)
    const blank = cells.length === 1 && cells[0] === '' && !wasQuoted
    if (!blank)
      records.push(problem ? { line: startLine, cells, problem } : { line: startLine, cells })
  }
  return records
}

/** Index just after the line break that ends the line containing `from`. */
function nextLineStart(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    if (text[index] === '\n') return index + 1
    if (text[index] === '\r') return text[index + 1] === '\n' ? index + 2 : index + 1
  }
  return text.length
}

/** Offset of the first byte that breaks UTF-8 (TextDecoder says only that one does). */
function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index]!
    const length = sequenceLength(lead)
    if (length === 0) return index
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlong forms,
    // surrogates or code points above U+10FFFF).
    const [low, high] =
      lead === 0xe0
        ? [0xa0, 0xbf]
        : lead === 0xed
          ? [0x80, 0x9f]
          : lead === 0xf0
            ? [0x90, 0xbf]
            : lead === 0xf4
              ? [0x80, 0x8f]
              : [0x80, 0xbf]
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next]
      const [min, max] = next === 1 ? [low, high] : [0x80, 0xbf]
      if (byte === undefined || byte < min || byte > max) return index
    }
    index += length
  }
  return bytes.length
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1
  if (lead >= 0xc2 && lead <= 0xdf) return 2
  if (lead >= 0xe0 && lead <= 0xef) return 3
  if (lead >= 0xf0 && lead <= 0xf4) return 4
  return 0
}
