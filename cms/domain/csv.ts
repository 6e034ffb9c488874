// CSV as people exchange it with spreadsheet apps (RFC 4180), read with csv-parse and written
// with csv-stringify; this module adds what those leave to the caller.
//
// Reader: input must be UTF-8 (a byte input is checked; a leading BOM is dropped). The
// delimiter is `,` or `;`, whichever the header line has more of outside quotes (Excel in
// French or German locales writes `;`). Records end at CRLF, LF or a lone CR; quoted fields may
// hold delimiters, doubled quotes and line breaks. Empty lines are skipped. A row with the wrong
// number of cells, text after a closing quote or a quote that is never closed is reported with
// the line it starts on and left out, and reading goes on (after an unclosed quote, from the line
// after the one where the record began). A quote inside a cell that does not start with one is
// kept as text, as spreadsheet apps read it.
//
// Writer: CRLF line ends, a field is quoted only when it holds the delimiter, a quote or a line
// break. Cells that a spreadsheet would run as a formula (starting with = + - @ tab or CR) get
// a leading apostrophe, as OWASP advises for CSV injection. Numbers passed as numbers are never
// prefixed, nor are strings that are plain decimal numbers ("-12.5"), since a spreadsheet reads
// them as the same number and runs nothing. Strings that already start with apostrophes before
// such a character get one more, so `readCsv(..., { unprotectFormulas: true })` gives back
// exactly the strings that were written. (csv-stringify's own `escape_formulas` does neither.)
import { CsvError, parse, type Options as ParseOptions } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'

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
const CR = 0x0d
const LF = 0x0a

/** Decodes UTF-8 bytes (dropping a BOM) or returns a string without its BOM. */
export function decodeUtf8(input: string | Uint8Array, source = 'The file'): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input)
  } catch {
    const offset = firstInvalidByte(input)
    const line = input.subarray(0, offset).filter((byte) => byte === LF).length + 1
    throw new CsvEncodingError(source, line, input[offset] ?? 0)
  }
}

export function readCsv(input: string | Uint8Array, options: ReadCsvOptions = {}): CsvTable {
  const text = decodeUtf8(input, options.source)
  const delimiter = options.delimiter ?? detectDelimiter(text)
  const { records, problems } = readRecords(Buffer.from(text, 'utf8'), delimiter)
  const [headerRecord, ...body] = records
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
  const texts = rows.map((row) => row.map(csvText))
  return stringify(texts, {
    delimiter: options.delimiter ?? ',',
    bom: options.bom ?? false,
    record_delimiter: '\r\n',
    // csv-stringify stops quoting lone LF and CR once the record delimiter is set explicitly.
    quote_record_delimiter: true,
    cast: {
      // A lone empty cell would be an empty line, which readers skip.
      string: (value, { records }) =>
        value === '' && texts[records]?.length === 1 ? { value, quoted_empty: true } : value,
    },
  })
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
}

/**
 * The records of `bytes`, each with the line it starts on. csv-parse stops at the first quote
 * error: the record is then read again with quotes taken literally where they cannot be CSV
 * quotes, as spreadsheet apps do, and reading goes on after it; a quote in a cell that does not
 * start with one stays in the text, text after a closing quote makes the record a problem. After
 * a quote that is never closed, reading starts again on the line after the record's first line.
 * Lines are counted here, not taken from csv-parse, whose `info.lines` counts a CRLF inside a
 * quoted cell as two lines.
 */
function readRecords(
  bytes: Buffer,
  delimiter: CsvDelimiter,
): { records: RawRecord[]; problems: CsvProblem[] } {
  const options: ParseOptions = {
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    skip_empty_lines: true,
  }
  const records: RawRecord[] = []
  const problems: CsvProblem[] = []
  const lineStarts = lineStartOffsets(bytes)
  const lineAt = (offset: number) => upperBound(lineStarts, offset)
  let from = 0
  while (from < bytes.length) {
    // Where the last record read ends: the next one starts after the empty lines past it.
    let end = from
    const nextStart = () => {
      while (end < bytes.length && (bytes[end] === CR || bytes[end] === LF)) end++
      return end
    }
    try {
      parse(bytes.subarray(from), {
        ...options,
        on_record: (cells: string[], info) => {
          records.push({ line: lineAt(nextStart()), cells })
          end = from + info.bytes
          return null
        },
      })
      break
    } catch (error) {
      if (!(error instanceof CsvError)) throw error
      const start = nextStart()
      const line = lineAt(start)
      const relaxed =
        error.code === 'CSV_QUOTE_NOT_CLOSED' ? null : firstRecord(bytes.subarray(start), options)
      // Read relaxed, a cell with text after its closing quote keeps its opening quote.
      const broken = relaxed?.cells.findIndex((cell) => cell.startsWith('"')) ?? -1
      const quoteInText = error.code === 'INVALID_OPENING_QUOTE'
      if (relaxed && quoteInText && broken < 0) records.push({ line, cells: relaxed.cells })
      else {
        const reason =
          quoteInText && broken >= 0
            ? closingQuoteProblem(broken)
            : quoteProblem(error.code, error.column)
        problems.push({ line, reason })
      }
      from = relaxed ? start + relaxed.length : (lineStarts[line] ?? bytes.length)
    }
  }
  return { records, problems }
}

/** The first record of `bytes`, quotes that cannot be CSV quotes kept as text; null if none. */
function firstRecord(bytes: Buffer, options: ParseOptions) {
  let first = null as { cells: string[]; length: number } | null
  try {
    parse(bytes, {
      ...options,
      relax_quotes: true,
      to: 1,
      on_record: (cells: string[], info) => {
        first ??= { cells, length: info.bytes }
        return null
      },
    })
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
  }
  return first
}

const closingQuoteProblem = (index: number) =>
  `has text after the closing quote of cell ${index + 1}`

function quoteProblem(code: string, column: unknown): string {
  return code === 'CSV_INVALID_CLOSING_QUOTE'
    ? closingQuoteProblem(typeof column === 'number' ? column : 0)
    : 'has a quote that is never closed (a cell starts with " but has no closing ")'
}

/** Offsets at which each line starts; a line ends at CRLF, LF or a lone CR. */
function lineStartOffsets(bytes: Uint8Array): number[] {
  const starts = [0]
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]
    if (byte === LF || (byte === CR && bytes[index + 1] !== LF)) starts.push(index + 1)
  }
  return starts
}

/** How many of the sorted `values` are at most `target`: the 1-based line of an offset. */
function upperBound(values: readonly number[], target: number): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (values[middle]! <= target) low = middle + 1
    else high = middle
  }
  return low
}

/** Offset of the first byte that breaks UTF-8 (TextDecoder says only that one does). */
function firstInvalidByte(bytes: Uint8Array): number {
  // The decoder replaces each broken sequence with U+FFFD; the first replacement that the input
  // does not spell as EF BF BD is where the input breaks.
  const text = new TextDecoder('utf-8').decode(bytes)
  const encoder = new TextEncoder()
  let offset = 0
  let previous = 0
  for (let index = text.indexOf('\uFFFD'); index >= 0; index = text.indexOf('\uFFFD', index + 1)) {
    offset += encoder.encode(text.slice(previous, index)).length
    previous = index + 1
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd)
      return offset
    offset += 3
  }
  return bytes.length
}
