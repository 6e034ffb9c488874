import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import communesContent from '../../content/communes/communes.json'
import { CsvEncodingError } from '../../cms/domain/csv'
import {
  communeForCode,
  observationKey,
  parseCensusCsv,
  parseSdmxCsv,
  parseSimpleCsv,
  parseStatecFile,
  StatecFormatError,
  type ParseResult,
  type PortalCommune,
} from '../../cms/domain/statec'

// The portal's real commune list, as the importer will pass it (field `code` → statecCode).
const communes: PortalCommune[] = communesContent.communes.map((commune) => ({
  slug: commune.slug,
  statecCode: commune.code,
  validFrom: commune.validFrom,
  validTo: commune.validTo,
  successor: commune.successor,
}))

const shipped = (name: string) =>
  readFileSync(new URL(`../../content/statec/${name}`, import.meta.url))

function figure(result: ParseResult, commune: string | null, date: string, group = 'total') {
  return result.observations.find(
    (o) => o.commune === commune && o.referenceDate === date && o.group === group,
  )?.count
}

const reasons = (result: ParseResult) => result.skipped.map((row) => `${row.line}: ${row.reason}`)

describe('the shipped STATEC files', () => {
  it('reads the LUSTAT SDMX-CSV export as it is (CRLF, CANTON dimension, national total)', () => {
    const result = parseStatecFile(shipped('population-1-january.DF_X021.sdmx.csv'), {
      communes,
      file: 'population-1-january.DF_X021.sdmx.csv',
    })
    expect(result.summary).toMatchObject({ format: 'sdmx', rows: 42, observations: 42, skipped: 0 })
    expect(figure(result, 'betzdorf', '2024-01-01')).toBe(4109)
    expect(figure(result, 'remich', '2026-01-01')).toBe(4156)
    expect(figure(result, 'bous-waldbredimus', '2025-01-01')).toBe(3270)
    const national = result.observations.find((o) => o.area === 'national' && o.period === '2025')
    expect(national).toMatchObject({ communeCode: null, commune: null, count: 681973 })
    expect(result.observations[0]?.source).toEqual({
      dataset: 'LU1:DF_X021',
      label: 'STATEC, LUSTAT LU1:DF_X021 (1.1)',
      file: 'population-1-january.DF_X021.sdmx.csv',
    })
  })

  it('reads the census file, keeping Bous and Waldbredimus as they were in 2021', () => {
    const result = parseCensusCsv(shipped('citizenship-census-2021.csv'), { communes })
    expect(result.summary).toMatchObject({ format: 'census', rows: 14, observations: 56 })
    expect(result.skipped).toEqual([])
    expect(figure(result, 'remich', '2021-11-08', 'luxembourgers')).toBe(2098)
    expect(figure(result, 'remich', '2021-11-08', 'eu-foreigners')).toBe(1358)
    expect(figure(result, 'remich', '2021-11-08', 'non-eu')).toBe(359)
    expect(figure(result, 'waldbredimus', '2021-11-08', 'stateless-or-not-stated')).toBe(8)
    expect(figure(result, 'bous', '2021-11-08', 'luxembourgers')).toBe(1218)
    expect(figure(result, 'bous-waldbredimus', '2021-11-08', 'luxembourgers')).toBeUndefined()
    expect(result.summary.notes).toEqual([
      'bous (1201) merged into bous-waldbredimus on 2023-09-01: its figures dated before then stay attached to bous (4 figures)',
      'waldbredimus (1208) merged into bous-waldbredimus on 2023-09-01: its figures dated before then stay attached to waldbredimus (4 figures)',
    ])
    expect(result.observations[0]?.source.label).toBe('STATEC, census 2021')
  })
})

describe('SDMX-CSV', () => {
  const header = 'DATAFLOW,FREQ,CANTON,TIME_PERIOD,OBS_VALUE,OBS_STATUS'

  it('skips cantons and the empty values of retired communes, with the reason', () => {
    const text = [
      header,
      'LU1:DF_X021(1.1),A,C12,2024,25000,',
      'LU1:DF_X021(1.1),A,1201,2024,,',
      'LU1:DF_X021(1.1),A,1208,2022,,',
      'LU1:DF_X021(1.1),A,1205,2024,4101,',
    ].join('\r\n')
    const result = parseSdmxCsv(text, { communes })
    expect(result.observations.map((o) => [o.commune, o.count])).toEqual([['remich', 4101]])
    expect(reasons(result)).toEqual([
      '2: canton aggregate C12, not a commune',
      "3: no value for 1201 (bous (1201) merged into bous-waldbredimus on 2023-09-01: a figure dated 2024-01-01 belongs to the successor's code)",
      '4: no value for waldbredimus (1208), 2022',
    ])
  })

  it('refuses a figure for a merged commune dated after the merger', () => {
    const result = parseSdmxCsv(`${header}\nLU1:DF_X021(1.1),A,1208,2024,1500,`, { communes })
    expect(result.observations).toEqual([])
    expect(reasons(result)[0]).toMatch(/^2: waldbredimus \(1208\) merged into bous-waldbredimus/)
  })

  it('maps census GEO codes and citizenship groups, summing stateless and not stated', () => {
    const flow = 'LU1:DSD_CENSUS_GROUP7_10@DF_B1625(1.0)'
    const text = [
      'STRUCTURE,STRUCTURE_ID,ACTION,FREQ,GEO,CITIZEN,SEX,TIME_PERIOD,OBS_VALUE',
      `dataflow,${flow},I,A,LU0001205,NAT,_T,2021,2098`,
      `dataflow,${flow},I,A,LU0001205,EU_FOR,_T,2021,1358`,
      `dataflow,${flow},I,A,LU0001205,STLS,_T,2021,1`,
      `dataflow,${flow},I,A,LU0001205,UNK,_T,2021,3`,
      `dataflow,${flow},I,A,LU0001205,NAT,F,2021,1050`,
      `dataflow,${flow},I,A,LU0001205,ES,_T,2021,40`,
      `dataflow,${flow},I,A,LU0001205,UNK,_T,2021,3`,
    ].join('\n')
    const result = parseSdmxCsv(text, { communes })
    expect(result.observations.map((o) => [o.group, o.count, o.referenceDate])).toEqual([
      ['luxembourgers', 2098, '2021-11-08'],
      ['eu-foreigners', 1358, '2021-11-08'],
      ['stateless-or-not-stated', 4, '2021-11-08'],
    ])
    expect(reasons(result)).toEqual([
      '6: breakdown SEX=F not used (the inventory uses totals)',
      '7: CITIZEN=ES has no group of its own in the inventory',
      '8: duplicate of line 5 (same commune, date and group stateless-or-not-stated)',
    ])
    // Same key as the shipped census file, so importing the raw export updates those figures.
    const census = parseCensusCsv(shipped('citizenship-census-2021.csv'), { communes })
    const fromCensus = census.observations.find((o) => o.commune === 'remich')!
    expect(observationKey(result.observations[0]!)).toBe(observationKey(fromCensus))
  })

  it('reads labels=both cells ("1101: Betzdorf")', () => {
    const text = [
      'DATAFLOW,FREQ: Frequency,CANTON: Canton/Commune,TIME_PERIOD: Time,OBS_VALUE',
      'LU1:DF_X021(1.1): Population,A: Annual,1101: Betzdorf,2024,4109',
    ].join('\n')
    expect(parseSdmxCsv(text, { communes }).observations[0]).toMatchObject({
      commune: 'betzdorf',
      count: 4109,
    })
  })

  it('explains a file without a commune dimension', () => {
    const text = 'DATAFLOW,FREQ,SEX,TIME_PERIOD,OBS_VALUE\nLU1:X(1.0),A,_T,2024,1\n'
    expect(() => parseSdmxCsv(text, { communes, file: 'x.csv' })).toThrow(
      'x.csv has no commune dimension (one of CANTON, COMMUNE, GEO, REF_AREA, LAU); its dimensions are FREQ, SEX.',
    )
  })
})

describe('simple CSV', () => {
  it('reads a semicolon file with a BOM, as Excel saves "CSV UTF-8"', () => {
    const text =
      '\uFEFFcommune_code;year;group;count\r\n1204;2025;portuguese;915\r\nLU;2025;total;681973\r\n'
    const result = parseSimpleCsv(new TextEncoder().encode(text), { communes, file: 'mondorf.csv' })
    expect(result.skipped).toEqual([])
    expect(result.observations).toEqual([
      expect.objectContaining({ commune: 'mondorf-les-bains', group: 'portuguese', count: 915 }),
      expect.objectContaining({ area: 'national', group: 'total', count: 681973 }),
    ])
    expect(result.observations[0]).toMatchObject({
      period: '2025',
      referenceDate: '2025-01-01',
      source: { dataset: 'simple:STATEC', label: 'STATEC', file: 'mondorf.csv' },
    })
  })

  it('reports every bad row with its line and reason and keeps the good ones', () => {
    const text = [
      'commune_code,year,group,count,reference_date',
      '1101,2024,total,4109,',
      '1103,2024,total',
      '1104,2024,total,lots,',
      '1106,2024,total,-12,',
      '9999,2024,total,100,',
      '1101,2024,total,4110,',
      '1107,2024,martians,5,',
      '1107,24,total,5,',
      '1108,2021,total,3055,2021-11-08',
      '1108,2024,total,"3 200",',
      '1202,2024,total,2389.5,',
      '1202,2024,other_eu,120,',
    ].join('\n')
    const result = parseSimpleCsv(text, { communes })
    expect(result.observations.map((o) => [o.line, o.commune, o.group, o.count])).toEqual([
      [2, 'betzdorf', 'total', 4109],
      [10, 'wormeldange', 'total', 3055],
      [13, 'dalheim', 'other-eu', 120],
    ])
    expect(reasons(result)).toEqual([
      '3: malformed CSV: has 3 cells where the header has 5',
      '4: count "lots" is not a number (write digits only, without spaces or separators) for grevenmacher (1104), 2024',
      '5: negative count -12 for manternach (1106), 2024',
      '6: unknown commune code 9999: no portal commune has this STATEC code; add it to the commune (field "code") or remove the row',
      '7: duplicate of line 2 (same commune, date and group total, but 4110 here and 4109 there)',
      '8: group "martians" is not one of total, luxembourgers, portuguese, french, belgian, german, italian, other-eu, non-eu, eu-foreigners, stateless-or-not-stated',
      '9: year "24" is not a four-digit year',
      '11: count "3 200" is not a number (write digits only, without spaces or separators) for wormeldange (1108), 2024',
      '12: count 2389.5 is not a whole number of people for dalheim (1202), 2024',
    ])
    expect(result.summary).toMatchObject({ rows: 12, observations: 3, skipped: 9 })
  })

  it('says which columns are missing', () => {
    expect(() => parseSimpleCsv('commune,year,count\n1101,2024,1\n', { communes })).toThrow(
      'The file lacks the column(s) commune_code, group: the simple CSV has the header commune_code,year,group,count (see content/statec/SIMPLE-CSV.md).',
    )
  })
})

describe('wrong encoding and unknown layouts', () => {
  it('refuses a Latin-1 export with a message saying how to save it', () => {
    const latin1 = Uint8Array.from([
      ...new TextEncoder().encode('commune_code;year;group;count;source\n1205;2024;total;4101;R'),
      0xe9, // é in Latin-1
      ...new TextEncoder().encode('imech\n'),
    ])
    const parse = () => parseStatecFile(latin1, { communes, file: 'remich.csv' })
    expect(parse).toThrow(CsvEncodingError)
    expect(parse).toThrow(/^remich\.csv is not valid UTF-8 \(byte 0xE9 on line 2\)/)
    expect(parse).toThrow(/Latin-1 or Windows-1252.*"CSV UTF-8"/)
  })

  it('names the formats it knows when the header matches none', () => {
    const parse = () => parseStatecFile('commune,registered_total\nBetzdorf,4920\n', { communes })
    expect(parse).toThrow(StatecFormatError)
    expect(parse).toThrow(/SDMX-CSV export from LUSTAT.*SIMPLE-CSV\.md/)
    expect(() => parseStatecFile('', { communes, file: 'empty.csv' })).toThrow(
      'empty.csv is empty.',
    )
  })
})

describe('commune codes', () => {
  it('keeps a merged commune for dates before the merger and refuses later ones', () => {
    const before = communeForCode('1201', '2021-11-08', communes)
    expect('commune' in before && before.commune.slug).toBe('bous')
    expect('commune' in before && before.note?.kind).toBe('retired')
    const after = communeForCode('1201', '2024-01-01', communes)
    expect('reason' in after && after.reason).toMatch(/bous \(1201\) merged into bous-waldbredimus/)
    const successor = communeForCode('1209', '2024-01-01', communes)
    expect(successor).toEqual({ commune: expect.objectContaining({ slug: 'bous-waldbredimus' }) })
  })

  it('keeps STATEC back-calculated figures of a new commune, with a note', () => {
    const match = communeForCode('1209', '2020-01-01', communes)
    expect('commune' in match && match.note?.text).toBe(
      "bous-waldbredimus (1209) exists since 2023-09-01: figures dated before then are STATEC's back-calculation for its area, kept",
    )
  })

  it('reads validity dates stored as instants, as Payload stores them', () => {
    const stored: PortalCommune[] = [
      { slug: 'bous', statecCode: '1201', validTo: '2023-08-30T22:00:00.000Z' }, // 31 Aug, Luxembourg
    ]
    expect('commune' in communeForCode('1201', '2023-08-31', stored)).toBe(true)
    expect('reason' in communeForCode('1201', '2023-09-01', stored)).toBe(true)
  })

  it('gives the same key to the same figure read twice, so an importer can upsert', () => {
    const text = 'DATAFLOW,FREQ,CANTON,TIME_PERIOD,OBS_VALUE\nLU1:DF_X021(1.2),A,1101,2024,4109\n'
    const again = parseSdmxCsv(text, { communes }).observations[0]!
    const shippedResult = parseSdmxCsv(shipped('population-1-january.DF_X021.sdmx.csv'), {
      communes,
    })
    expect(observationKey(again)).toBe('LU1:DF_X021|1101|2024-01-01|total')
    expect(shippedResult.observations.map(observationKey)).toContain(observationKey(again))
    expect(new Set(shippedResult.observations.map(observationKey)).size).toBe(42)
  })
})
