import { describe, expect, it } from 'vitest'
import { CsvEncodingError, decodeUtf8, readCsv, toCsv, type CsvCell } from '../../cms/domain/csv'

const utf8 = (text: string) => new TextEncoder().encode(text)

const tricky: CsvCell[][] = [
  ['name', 'note', 'count'],
  ['Café "Zesummen"', 'line one\nline two', 12],
  ['Mondorf; Bad', '', -3],
  ['Réimech 🇱🇺 👋', 'a,b;c', 0],
  ['', 'crlf\r\ninside', 1.5],
  ['Stadbriedemes', '  spaces kept  ', null],
]
const asRead = tricky.slice(1).map((row) => row.map((cell) => (cell === null ? '' : String(cell))))

describe('CSV round trip', () => {
  for (const delimiter of [',', ';'] as const) {
    it(`gives back quotes, line breaks, delimiters, unicode and empty cells (${delimiter})`, () => {
      const table = readCsv(toCsv(tricky, { delimiter }))
      expect(table.delimiter).toBe(delimiter)
      expect(table.problems).toEqual([])
      expect(table.header).toEqual(['name', 'note', 'count'])
      expect(table.rows.map((row) => row.cells)).toEqual(asRead)
    })
  }

  it('keeps a BOM for spreadsheet apps and drops it when reading, from text or bytes', () => {
    const text = toCsv(tricky, { delimiter: ';', bom: true })
    expect(text.startsWith('\uFEFFname;note;count\r\n')).toBe(true)
    expect(readCsv(text).header[0]).toBe('name')
    expect(readCsv(utf8(text)).header[0]).toBe('name')
    expect(readCsv(utf8(text)).rows.map((row) => row.cells)).toEqual(asRead)
  })

  it('keeps a row that is a single empty cell', () => {
    const table = readCsv(toCsv([['only'], [''], ['x']]))
    expect(table.rows.map((row) => row.cells)).toEqual([[''], ['x']])
  })
})

describe('CSV writer', () => {
  it('ends lines with CRLF and quotes only what needs it', () => {
    expect(
      toCsv([
        ['a', 'b c', 'd,e', 'f"g'],
        [1, true, null, undefined],
      ]),
    ).toBe('a,b c,"d,e","f""g"\r\n1,true,,\r\n')
    expect(toCsv([['d,e', 'x;y']], { delimiter: ';' })).toBe('d,e;"x;y"\r\n')
  })

  it('defuses cells a spreadsheet would run as a formula', () => {
    const line = toCsv([['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', 'a=b']])
    expect(line).toBe(`"'=HYPERLINK(""http://x"")",'+1+1,'-2+3,'@SUM(A1),'\tx,a=b\r\n`)
  })

  it('writes negative numbers as numbers, without an apostrophe', () => {
    expect(toCsv([[-5, -0.25, '-12.5', '-']])).toBe(`-5,-0.25,-12.5,'-\r\n`)
  })

  it('gives back formula-like text exactly when asked to remove the protection', () => {
    const values = ['=1+1', "'=1+1", "''@x", "'plain", '-', '-7']
    const table = readCsv(toCsv([['value'], ...values.map((value) => [value])]), {
      unprotectFormulas: true,
    })
    expect(table.rows.map((row) => row.cells[0])).toEqual(values)
  })

  it('refuses numbers a spreadsheet cannot hold', () => {
    expect(() => toCsv([[Number.NaN]])).toThrow(/NaN/)
  })
})

describe('CSV reader', () => {
  it('detects the delimiter from the header line, not from the data', () => {
    expect(readCsv('a;b\n"1,5";2\n').rows[0]?.cells).toEqual(['1,5', '2'])
    expect(readCsv('a,b\n1;5,2\n').rows[0]?.cells).toEqual(['1;5', '2'])
  })

  it('reads LF, CRLF and a missing final line break alike, skipping empty lines', () => {
    const expected = [
      ['1', '2'],
      ['3', '4'],
    ]
    for (const text of ['a,b\n1,2\n3,4\n', 'a,b\r\n1,2\r\n\r\n3,4', 'a,b\r1,2\r3,4\r']) {
      expect(readCsv(text).rows.map((row) => row.cells)).toEqual(expected)
    }
  })

  it('reports rows with the wrong number of cells by line and reads the others', () => {
    const table = readCsv('code,year,count\n1101,2024,4109\n1103,2024\n1104,2024,5193,extra\n')
    expect(table.rows.map((row) => [row.line, row.cells[0]])).toEqual([[2, '1101']])
    expect(table.problems).toEqual([
      { line: 3, reason: 'has 2 cells where the header has 3' },
      { line: 4, reason: 'has 4 cells where the header has 3' },
    ])
  })

  it('counts lines inside quoted line breaks when numbering later rows', () => {
    const table = readCsv('name,note\nA,"two\nlines"\nB\nC,ok\n')
    expect(table.rows.map((row) => [row.line, row.cells[0]])).toEqual([
      [2, 'A'],
      [5, 'C'],
    ])
    expect(table.problems).toEqual([{ line: 4, reason: 'has 1 cell where the header has 2' }])
  })

  it('reports an unterminated quote and goes on with the next line', () => {
    const table = readCsv('name,count\nok,1\n"Bous,2\nRemich,4101\n')
    expect(table.problems).toEqual([
      {
        line: 3,
        reason: 'has a quote that is never closed (a cell starts with " but has no closing ")',
      },
    ])
    expect(table.rows.map((row) => [row.line, ...row.cells])).toEqual([
      [2, 'ok', '1'],
      [4, 'Remich', '4101'],
    ])
  })

  it('reports an unterminated quote on the last line', () => {
    const table = readCsv('name,count\r\nok,1\r\n"Bous,2')
    expect(table.problems.map((problem) => problem.line)).toEqual([3])
    expect(table.rows.map((row) => row.cells)).toEqual([['ok', '1']])
  })

  it('reports text after a closing quote', () => {
    const table = readCsv('a,b\n"x"y,2\n')
    expect(table.rows).toEqual([])
    expect(table.problems).toEqual([
      { line: 2, reason: 'has text after the closing quote of cell 1' },
    ])
  })

  it('refuses Latin-1 bytes with a message that says how to fix the file', () => {
    // "Réimech" as Latin-1 / Windows-1252: é is the single byte 0xE9.
    const latin1 = Uint8Array.from([...utf8('code,name\n1205,R'), 0xe9, ...utf8('imech\n')])
    expect(() => readCsv(latin1, { source: 'communes.csv' })).toThrow(CsvEncodingError)
    try {
      readCsv(latin1, { source: 'communes.csv' })
    } catch (error) {
      expect(error).toBeInstanceOf(CsvEncodingError)
      const message = (error as Error).message
      expect(message).toContain('communes.csv is not valid UTF-8 (byte 0xE9 on line 2)')
      expect(message).toMatch(/Latin-1 or Windows-1252/)
      expect(message).toMatch(/CSV UTF-8/)
    }
  })

  it('names the first bad byte of a truncated or overlong sequence', () => {
    expect(() => decodeUtf8(Uint8Array.from([0x61, 0xc3]), 'x.csv')).toThrow(/byte 0xC3 on line 1/)
    expect(() => decodeUtf8(Uint8Array.from([0x0a, 0xe0, 0x80, 0x80]), 'x.csv')).toThrow(
      /byte 0xE0 on line 2/,
    )
    expect(decodeUtf8(utf8('\uFEFFRéimech 👋'))).toBe('Réimech 👋')
  })
})

describe('CSV reader on top of csv-parse', () => {
  it('numbers lines after a CRLF inside a quoted cell as one line break', () => {
    const table = readCsv('a,b\r\n1,"x\r\ny"\r\n\r\nlonely\r\n2,z\r\n')
    expect(table.rows.map((row) => [row.line, row.cells[0]])).toEqual([
      [2, '1'],
      [6, '2'],
    ])
    expect(table.problems).toEqual([{ line: 5, reason: 'has 1 cell where the header has 2' }])
  })

  it('reports every quote error in a file and reads the rows between and after them', () => {
    const table = readCsv('name,count\n"x"y,1\nok,2\n"open,3\nlast,4\n')
    expect(table.problems.map((problem) => [problem.line, problem.reason])).toEqual([
      [2, 'has text after the closing quote of cell 1'],
      [4, 'has a quote that is never closed (a cell starts with " but has no closing ")'],
    ])
    expect(table.rows.map((row) => [row.line, ...row.cells])).toEqual([
      [3, 'ok', '2'],
      [5, 'last', '4'],
    ])
  })

  it('goes on after the end of a record with text after a closing quote, not inside it', () => {
    const table = readCsv('name,count\n"two\nlines"x,1\nnext,2\n')
    expect(table.problems).toEqual([
      { line: 2, reason: 'has text after the closing quote of cell 1' },
    ])
    expect(table.rows.map((row) => [row.line, ...row.cells])).toEqual([[4, 'next', '2']])
  })

  it('keeps a quote inside a cell that does not start with one, as spreadsheet apps do', () => {
    const table = readCsv('name,note\nLe "Petit" café,a"b\r\nnext,"q"\n')
    expect(table.problems).toEqual([])
    expect(table.rows.map((row) => [row.line, ...row.cells])).toEqual([
      [2, 'Le "Petit" café', 'a"b'],
      [3, 'next', 'q'],
    ])
  })

  it('names the cell after whose closing quote text follows', () => {
    expect(readCsv('a;b;c\n1;"2"x;3\n').problems).toEqual([
      { line: 2, reason: 'has text after the closing quote of cell 2' },
    ])
  })
})

describe('CSV writer on top of csv-stringify', () => {
  it('quotes a lone LF or CR, which a reader would otherwise take for a record end', () => {
    expect(toCsv([['a\nb', 'c\rd', 'e']])).toBe('"a\nb","c\rd",e\r\n')
  })
})
