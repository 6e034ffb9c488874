// The plan's follow-up data: STATEC figures imported (idempotent, merged communes, row errors),
// actions and indicator values as CSV both ways (round trip, dry run, one bad row changes
// nothing), indicators counted from events' attendance, and the report endpoints' access.
import { readFileSync } from 'node:fs'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CsvEncodingError, readCsv } from '../../cms/domain/csv'
import {
  importObservations,
  parsePopulationFile,
  portalCommunes,
} from '../../cms/seed/populationImport'
import { exportActionsCsv, importActionsCsv } from '../../cms/reports/actionsCsv'
import {
  closeTestPayload,
  createDoc,
  createEventIn,
  createRemichWithHall,
  createUser,
  rest,
  testPayload,
  type TestUser,
} from './helpers'

let payload: Payload
let coordinator: TestUser
let dalheimEditor: TestUser
const ids: Record<string, string | number> = {}
const statec = (name: string) => readFileSync(`content/statec/${name}`)

async function commune(data: Record<string, unknown>) {
  const doc = await createDoc(payload, 'communes', { country: 'LU', status: 'partner', ...data })
  ids[String(data.slug)] = doc.id
  return doc.id
}

beforeAll(async () => {
  payload = await testPayload()
  const remich = await createRemichWithHall(payload)
  ids.remich = remich.commune
  ids.hall = remich.hall
  await commune({ name: 'Dalheim', slug: 'dalheim', code: '1202' })
  const merged = await commune({
    name: 'Bous-Waldbredimus',
    slug: 'bous-waldbredimus',
    code: '1209',
    validFrom: '2023-09-01',
  })
  for (const [name, code] of [
    ['Bous', '1201'],
    ['Waldbredimus', '1208'],
  ] as const)
    await commune({
      name,
      slug: name.toLowerCase(),
      code,
      status: name === 'Bous' ? 'leader-member' : 'partner',
      validTo: '2023-08-31',
      successor: merged,
    })
  coordinator = await createUser(payload, 'coordinator', ['coordinator'])
  dalheimEditor = await createUser(payload, 'dalheim-editor', ['commune-editor'], {
    communes: [ids.dalheim!],
  })
})

afterAll(closeTestPayload)

describe('STATEC import', () => {
  it('imports the shipped files, keeps merged communes apart, and changes nothing the second time', async () => {
    const communes = await portalCommunes(payload)
    const census = parsePopulationFile(statec('citizenship-census-2021.csv'), {
      communes,
      file: 'citizenship-census-2021.csv',
    })
    // Only the communes of this test exist: the others are skipped with their reason.
    expect(census.skipped.some((row) => /1101/.test(row.reason))).toBe(true)
    const first = await importObservations(payload, census.observations)
    expect(first.created).toBe(census.observations.length)
    const bous = await payload.find({
      collection: 'population-figures',
      where: { and: [{ communeCode: { equals: '1201' } }, { group: { equals: 'luxembourgers' } }] },
    })
    expect(bous.docs.map((doc) => [doc.count, doc.referenceDate.slice(0, 10)])).toEqual([
      [1218, '2021-11-08'],
    ])
    const again = await importObservations(payload, census.observations)
    expect(again).toEqual({ created: 0, updated: 0, unchanged: census.observations.length })

    const sdmx = parsePopulationFile(statec('population-1-january.DF_X021.sdmx.csv'), {
      communes,
      file: 'population-1-january.DF_X021.sdmx.csv',
    })
    const national = sdmx.observations.filter((o) => o.area === 'national')
    expect(national.map((o) => [o.period, o.count])).toEqual([
      ['2024', 672050],
      ['2025', 681973],
      ['2026', 690959],
    ])
    expect((await importObservations(payload, sdmx.observations)).created).toBe(
      sdmx.observations.length,
    )
  })

  it('reads the national register’s file by commune name, and refuses a file that is not UTF-8', async () => {
    const communes = await portalCommunes(payload)
    const register = parsePopulationFile(statec('register-nationalities-2025.csv'), {
      communes,
      file: 'register-nationalities-2025.csv',
    })
    const remich = register.observations.filter((o) => o.commune === 'remich')
    expect(Object.fromEntries(remich.map((o) => [o.group, o.count]))).toEqual({
      total: 4844,
      portuguese: 758,
      french: 308,
      belgian: 96,
      german: 192,
      italian: 124,
    })
    expect(remich[0]!.source.dataset).toBe('RNPP:nationalities')
    // "Réimech" saved as Latin-1 (Windows-1252) by a spreadsheet: é is the byte E9.
    const latin1 = Buffer.concat([
      Buffer.from('commune_code,year,group,count,reference_date,source\n1205,2024,total,4101,,R'),
      Buffer.from([0xe9]),
      Buffer.from('imech\n'),
    ])
    expect(() => parsePopulationFile(latin1, { communes, file: 'x.csv' })).toThrow(CsvEncodingError)
  })
})

/** An action with two indicators named in French and German, one measured by hand. */
async function planAction() {
  const action = await payload.create({
    collection: 'actions',
    locale: 'fr',
    data: {
      title: 'Cours de langue',
      slug: 'cours-de-langue',
      sourceLanguage: 'fr',
      status: 'ongoing',
      leadCommunes: [ids.remich],
      indicators: [
        {
          name: 'Inscriptions',
          source: 'manual',
          baseline: 0,
          target: 100,
          measurements: [
            { date: '2027-01-15T12:00:00.000Z', value: 20 },
            { date: '2027-03-15T12:00:00.000Z', value: 45 },
          ],
        },
        { name: 'Participants aux soirées', source: 'participants', baseline: 0, target: 200 },
      ],
      _status: 'published',
    } as never,
  })
  const names = (action.indicators ?? []).map((indicator, index) => ({
    id: indicator.id!,
    name: ['Anmeldungen', 'Teilnehmende der Abende'][index]!,
  }))
  await payload.update({
    collection: 'actions',
    id: action.id,
    locale: 'de',
    data: {
      title: 'Sprachkurs',
      indicators: names.map(({ id, name }) => ({ id, name })),
      _status: 'published',
    } as never,
  })
  ids.action = action.id
  return action
}

/** The first export, reused by the import tests. */
let exported = ''

describe('actions as CSV', () => {
  it('exports one row per measurement, with a BOM, and counts attendance for measured indicators', async () => {
    await planAction()
    await createEventIn(
      payload,
      { commune: ids.remich!, hall: ids.hall! },
      {
        title: 'Soirée 1',
        action: ids.action,
        start: '2027-02-01T18:00:00.000Z',
        end: '2027-02-01T20:00:00.000Z',
        attendance: { participants: 35, ages: { adults: 30 } },
      },
    )
    exported = await exportActionsCsv(payload, {
      lang: 'fr',
      delimiter: ';',
      user: coordinator.user as never,
    })
    expect(exported.startsWith('\uFEFFaction;action_title;status;')).toBe(true)
    const table = readCsv(exported, { unprotectFormulas: true })
    const value = (row: string[], name: string) => row[table.header.indexOf(name)]
    const rows = table.rows.map((row) => row.cells)
    expect(
      rows.map((row) => [value(row, 'indicator'), value(row, 'date'), value(row, 'value')]),
    ).toEqual([
      ['Inscriptions', '2027-01-15', '20'],
      ['Inscriptions', '2027-03-15', '45'],
      ['Participants aux soirées', '2027-02-01', '35'],
    ])
    expect(value(rows[1]!, 'progress_percent')).toBe('45')
  })

  it('imports its own export without any change', async () => {
    const report = await importActionsCsv(payload, exported, {
      dryRun: false,
      user: coordinator.user as never,
    })
    expect(report).toEqual({ applied: false, changes: [], errors: [] })
  })

  it('shows changes in a dry run, applies them, and keeps every language’s names', async () => {
    const edited = exported
      .replaceAll(';ongoing;', ';completed;')
      .replace(/;2027-03-15;45;/, ';2027-03-15;50;')
      .replace(
        /(\r\n)$/,
        `$1cours-de-langue;;completed;;;;${await firstIndicatorId()};;;manual;0;100;2027-06-30;80;\r\n`,
      )
    const dry = await importActionsCsv(payload, edited, {
      dryRun: true,
      user: coordinator.user as never,
    })
    expect(dry.errors).toEqual([])
    expect(dry.applied).toBe(false)
    expect(dry.changes.map((c) => [c.what, c.from, c.to])).toEqual([
      ['status', 'ongoing', 'completed'],
      ['Inscriptions: 2027-03-15', '45', '50'],
      ['Inscriptions: 2027-06-30', '', '80'],
    ])
    expect((await action()).status).toBe('ongoing')

    const applied = await importActionsCsv(payload, edited, {
      dryRun: false,
      user: coordinator.user as never,
    })
    expect(applied.applied).toBe(true)
    const after = await action('de')
    expect(after.status).toBe('completed')
    expect(after.indicators![0]!.measurements!.map((m) => m.value)).toEqual([20, 50, 80])
    expect(after.indicators!.map((i) => i.name)).toEqual(['Anmeldungen', 'Teilnehmende der Abende'])
    expect((await action('fr')).indicators!.map((i) => i.name)).toEqual([
      'Inscriptions',
      'Participants aux soirées',
    ])
    // The same file again: nothing left to change.
    expect(
      (await importActionsCsv(payload, edited, { dryRun: true, user: coordinator.user as never }))
        .changes,
    ).toEqual([])
  })

  it('changes nothing when one row is wrong, and names that row', async () => {
    const before = await action()
    const bad = exported
      .replace(/;2027-01-15;20;/, ';2027-01-15;25;')
      .replace(/;2027-03-15;45;/, ';15/03/2027;45;')
    const report = await importActionsCsv(payload, bad, {
      dryRun: false,
      user: coordinator.user as never,
    })
    expect(report.applied).toBe(false)
    expect(report.errors).toEqual([
      { line: 3, message: 'Date "15/03/2027" is not a day written YYYY-MM-DD.' },
    ])
    // Rows of one action must agree on its status.
    const torn = await importActionsCsv(payload, exported.replace(';ongoing;', ';paused;'), {
      dryRun: true,
      user: coordinator.user as never,
    })
    expect(torn.errors.map((error) => error.line)).toEqual([3, 4])
    expect(await action()).toEqual(before)
  })
})

async function action(locale: 'fr' | 'de' = 'fr') {
  return payload.findByID({ collection: 'actions', id: ids.action!, locale, depth: 0 })
}
async function firstIndicatorId() {
  return (await action()).indicators![0]!.id!
}

describe('report endpoints', () => {
  it('are for editors only, and import only into actions of the editor’s communes', async () => {
    expect((await rest('GET', '/reports/actions.csv')).status).toBe(403)
    const csv = await rest('GET', '/reports/events.csv?delimiter=semicolon&commune=remich', {
      token: coordinator.token,
    })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(csv.text).toContain('Soirée 1')
    expect(csv.text).toContain(';35;')
    expect(
      (await rest('GET', '/reports/events.csv?from=yesterday', { token: coordinator.token }))
        .status,
    ).toBe(400)

    const upload = await rest('POST', '/reports/actions.csv?dryRun=1', {
      token: dalheimEditor.token,
      raw: exported.replace(';ongoing;', ';paused;'),
      headers: { 'content-type': 'text/csv' },
    })
    expect(upload.status).toBe(422)
    expect(JSON.stringify(upload.body)).toContain('your communes do not lead it')
  })
})
