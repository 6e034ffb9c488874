// Translation status as the CMS stores it (through the real hooks, drafts included), the export
// and import of translation files (XLIFF and CSV round trips, a file whose source changed since
// export, malformed files, rights), and the editors' dashboard lists for their own communes.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { editorOverview, translateNext } from '../../cms/dashboard/overview'
import { plainTextToLexical } from '../../cms/seed/richText'
import { statesFromGroup } from '../../cms/fields/translationKeys'
import { readTranslationFile, toTranslationCsv, toXliff } from '../../cms/translations/exchange'
import {
  closeTestPayload,
  createDoc,
  createRemichWithHall,
  createUser,
  rest,
  testPayload,
  type TestUser,
} from './helpers'

let payload: Payload
let coordinator: TestUser
let remichEditor: TestUser
let dalheimEditor: TestUser
let remich: Record<string, string | number>
let dalheim: Record<string, string | number>

type Doc = Record<string, unknown> & { id: string | number }

beforeAll(async () => {
  payload = await testPayload()
  remich = await createRemichWithHall(payload)
  const dalheimCommune = await createDoc(payload, 'communes', {
    name: 'Dalheim',
    slug: 'dalheim',
    code: '1202',
    country: 'LU',
    status: 'partner',
  })
  const dalheimHall = await createDoc(payload, 'venues', {
    name: 'Centre culturel',
    slug: 'centre-culturel',
    commune: dalheimCommune.id,
  })
  dalheim = { commune: dalheimCommune.id, hall: dalheimHall.id }
  coordinator = await createUser(payload, 'coordinator', ['coordinator'])
  remichEditor = await createUser(payload, 'remich-editor', ['commune-editor'], {
    communes: [remich.commune!],
  })
  dalheimEditor = await createUser(payload, 'dalheim-editor', ['commune-editor'], {
    communes: [dalheim.commune!],
  })
})

afterAll(closeTestPayload)

async function frenchEvent(title: string, place = remich, extra: Record<string, unknown> = {}) {
  return (await payload.create({
    collection: 'events',
    locale: 'fr',
    data: {
      title,
      description: plainTextToLexical('Venez parler. On commence à 19 h.'),
      start: '2030-03-02T17:30:00.000Z',
      end: '2030-03-02T19:30:00.000Z',
      communes: [place.commune!],
      venue: place.hall!,
      _status: 'published',
      ...extra,
    } as never,
  })) as unknown as Doc
}

const update = (id: string | number, locale: 'fr' | 'de' | 'pt' | 'en', data: object) =>
  payload.update({
    collection: 'events',
    id,
    locale,
    data: data as never,
  }) as unknown as Promise<Doc>

const states = (doc: Doc) => statesFromGroup(doc.translation)

describe('translation status', () => {
  it('is stored on each save: missing, complete, outdated after a source edit, complete again', async () => {
    const event = await frenchEvent('Café des langues')
    expect(states(event)).toEqual({
      lb: 'missing',
      fr: 'source',
      de: 'missing',
      pt: 'missing',
      en: 'missing',
    })
    const translated = await update(event.id, 'pt', {
      title: 'Café de línguas',
      description: plainTextToLexical('Venha falar. Começamos às 19 h.'),
    })
    expect(states(translated).pt).toBe('complete')

    const sourceEdited = await update(event.id, 'fr', { title: 'Café des langues (20 h)' })
    expect(states(sourceEdited).pt).toBe('outdated')
    // The list filter editors use ("Translations › Português is outdated") finds it.
    const listed = await rest(
      'GET',
      `/events?draft=true&depth=0&locale=pt&where[translation.langPt][equals]=outdated`,
      { token: coordinator.token },
    )
    expect((listed.body.docs as Doc[]).map((doc) => doc.id)).toContain(event.id)

    const retranslated = await update(event.id, 'pt', { title: 'Café de línguas (20 h)' })
    expect(states(retranslated).pt).toBe('complete')
    expect(states(retranslated).de).toBe('missing')
  })

  it('tracks drafts: the latest draft carries its own status', async () => {
    const event = await frenchEvent('Atelier vélo')
    await update(event.id, 'en', {
      title: 'Bike workshop',
      description: plainTextToLexical('Come and repair.'),
    })
    await payload.update({
      collection: 'events',
      id: event.id,
      locale: 'fr',
      draft: true,
      data: { title: 'Atelier vélo (annulé ?)' } as never,
    })
    const latest = (await payload.findByID({
      collection: 'events',
      id: event.id,
      draft: true,
      depth: 0,
    })) as unknown as Doc
    expect(states(latest).en).toBe('outdated')
  })

  it('hides the fingerprints from the public and shows the states', async () => {
    const event = await frenchEvent('Soirée jeux')
    const anonymous = await rest('GET', `/events/${event.id}?depth=0`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.translationRecord).toBeUndefined()
    expect(statesFromGroup(anonymous.body.translation).fr).toBe('source')
  })

  it('marks a translation up to date when the translator confirms it', async () => {
    const event = await frenchEvent('Repair café')
    await update(event.id, 'de', {
      title: 'Repair-Café',
      description: plainTextToLexical('Kommt.'),
    })
    await update(event.id, 'fr', { title: 'Repair café !' })
    const confirmed = await update(event.id, 'de', { translationConfirmed: true })
    expect(states(confirmed).de).toBe('complete')
    expect(confirmed.translationConfirmed).toBeUndefined()
  })
})

describe('translation files', () => {
  const exportFile = async (
    id: string | number,
    lang: string,
    format: 'xliff' | 'csv',
    token = coordinator.token,
  ) => rest('GET', `/translations/events/${id}?lang=${lang}&format=${format}`, { token })

  const importFile = (id: string | number, body: string, query = '', token = coordinator.token) =>
    rest('POST', `/translations/events/${id}${query}`, {
      token,
      raw: body,
      headers: { 'content-type': 'application/octet-stream' },
    })

  it('exports XLIFF 2.0 and imports the translated file: dry run first, then applied', async () => {
    const event = await frenchEvent('Fête des voisins')
    const exported = await exportFile(event.id, 'de', 'xliff')
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-type')).toContain('application/xliff+xml')
    expect(exported.text).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0"')
    expect(exported.text).toContain('srcLang="fr" trgLang="de"')
    const file = readTranslationFile(exported.text)
    expect(file.units.map((unit) => unit.id)).toEqual(['title', 'description:0'])
    const translated = toXliff({
      ...file,
      units: file.units.map((unit) => ({
        ...unit,
        target: unit.id === 'title' ? 'Nachbarschaftsfest' : 'Kommt reden. Wir beginnen um 19 Uhr.',
      })),
    })

    const dryRun = await importFile(event.id, translated, '?dryRun=1')
    expect(dryRun.status).toBe(200)
    expect(dryRun.body.applied).toBe(false)
    expect((dryRun.body.changes as unknown[]).length).toBe(2)
    const untouched = (await payload.findByID({
      collection: 'events',
      id: event.id,
      locale: 'de',
      fallbackLocale: false,
    })) as unknown as Doc
    expect(untouched.title ?? null).toBeNull()

    const applied = await importFile(event.id, translated, '?publish=1')
    expect(applied.status).toBe(200)
    expect(applied.body.applied).toBe(true)
    const german = (await payload.findByID({
      collection: 'events',
      id: event.id,
      locale: 'de',
      fallbackLocale: false,
    })) as unknown as Doc
    expect(german.title).toBe('Nachbarschaftsfest')
    expect(JSON.stringify(german.description)).toContain('Kommt reden.')
    expect(states(german).de).toBe('complete')

    // The same file again changes nothing.
    const again = await importFile(event.id, translated)
    expect(again.body.changes).toEqual([])
    expect(again.body.applied).toBe(false)
  })

  it('round-trips CSV and keeps the other languages', async () => {
    const event = await frenchEvent('Marché de Noël')
    await update(event.id, 'en', { title: 'Christmas market' })
    const exported = await exportFile(event.id, 'pt', 'csv')
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-type')).toContain('text/csv')
    const file = readTranslationFile(exported.text)
    const filled = toTranslationCsv({
      ...file,
      units: file.units.map((unit) => ({
        ...unit,
        target: unit.id === 'title' ? '- Mercado de Natal' : 'Venha falar. Começamos às 19 h.',
      })),
    })
    const applied = await importFile(event.id, filled, '?publish=1')
    expect(applied.status).toBe(200)
    const all = (await payload.findByID({
      collection: 'events',
      id: event.id,
      locale: 'all',
    })) as unknown as { title: Record<string, string> }
    // A leading dash went through the CSV formula protection and back unchanged.
    expect(all.title).toMatchObject({
      fr: 'Marché de Noël',
      en: 'Christmas market',
      pt: '- Mercado de Natal',
    })
  })

  it('warns and does not overwrite a text whose source changed after the export', async () => {
    const event = await frenchEvent('Cours de cuisine')
    await update(event.id, 'pt', { title: 'Aula de cozinha' })
    const file = readTranslationFile((await exportFile(event.id, 'pt', 'xliff')).text)
    await update(event.id, 'fr', { title: 'Cours de cuisine portugaise' })
    const translated = toXliff({
      ...file,
      units: file.units.map((unit) => ({
        ...unit,
        target: unit.id === 'title' ? 'Aula de culinária' : 'Venha falar. Começamos às 19 h.',
      })),
    })

    const result = await importFile(event.id, translated, '?publish=1')
    expect(result.status).toBe(200)
    const warnings = result.body.warnings as { id: string; message: string }[]
    expect(warnings).toEqual([
      expect.objectContaining({
        id: 'title',
        message: expect.stringMatching(/source text changed/),
      }),
    ])
    expect((result.body.changes as { id: string }[]).map((change) => change.id)).toEqual([
      'description',
    ])
    const portuguese = (await payload.findByID({
      collection: 'events',
      id: event.id,
      locale: 'pt',
      fallbackLocale: false,
    })) as unknown as Doc
    expect(portuguese.title).toBe('Aula de cozinha')
    expect(states(portuguese).pt).toBe('outdated')

    // Accepted on purpose: written, and still marked outdated (made from the old source).
    const accepted = await importFile(event.id, translated, '?publish=1&acceptChanged=1')
    expect((accepted.body.changes as { id: string }[]).map((change) => change.id)).toEqual([
      'title',
    ])
    const after = (await payload.findByID({
      collection: 'events',
      id: event.id,
      locale: 'pt',
      fallbackLocale: false,
    })) as unknown as Doc
    expect(after.title).toBe('Aula de culinária')
    expect(states(after).pt).toBe('outdated')
  })

  it('refuses files that are not for this document or not readable, with the reason', async () => {
    const event = await frenchEvent('Pique-nique')
    const other = await frenchEvent('Balade')
    const xliff = (await exportFile(other.id, 'en', 'xliff')).text
    const wrongDocument = await importFile(event.id, xliff)
    expect(wrongDocument.status).toBe(400)
    expect(wrongDocument.body.error).toMatch(new RegExp(`events/${other.id}`))

    const doctype = await importFile(
      event.id,
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><xliff version="2.0"/>`,
    )
    expect(doctype.status).toBe(400)
    expect(doctype.body.error).toMatch(/Document type declarations/)

    const broken = await importFile(event.id, xliff.replace('</unit>', ''))
    expect(broken.status).toBe(400)
    expect(broken.body.error).toMatch(/line \d+/)

    const own = (await exportFile(event.id, 'en', 'xliff')).text
    const unknown = await importFile(
      event.id,
      own.replace('<unit id="title"', '<unit id="milestones.nope.title"'),
      '?dryRun=1',
    )
    expect(unknown.status).toBe(200)
    expect(unknown.body.warnings).toEqual([
      expect.objectContaining({
        id: 'milestones.nope.title',
        message: expect.stringMatching(/No such text/),
      }),
    ])

    expect((await exportFile(event.id, 'fr', 'xliff')).status).toBe(400)
    expect((await exportFile(event.id, 'xx', 'xliff')).status).toBe(400)
  })

  it('follows the editors rights: another commune may neither export nor import', async () => {
    const event = await frenchEvent('Concert', remich, { _status: 'draft' })
    expect((await exportFile(event.id, 'de', 'xliff', dalheimEditor.token)).status).toBe(404)
    const own = await exportFile(event.id, 'de', 'xliff', remichEditor.token)
    expect(own.status).toBe(200)
    const file = readTranslationFile(own.text)
    const translated = toXliff({
      ...file,
      units: file.units.map((unit) => ({ ...unit, target: `DE ${unit.source}` })),
    })
    expect((await importFile(event.id, translated, '', dalheimEditor.token)).status).toBe(404)
    const anonymous = await rest('GET', `/translations/events/${event.id}?lang=de`)
    expect(anonymous.status).toBe(401)
    // The Remich editor's import saves a draft: the published site does not change yet.
    const applied = await importFile(event.id, translated, '', remichEditor.token)
    expect(applied.body.applied).toBe(true)
  })
})

describe('editors dashboard', () => {
  it('lists for a commune editor their own events needing work, and none of other communes', async () => {
    const own = await frenchEvent('Tournoi de pétanque', remich, {
      start: '2099-06-01T15:00:00.000Z',
      end: '2099-06-01T18:00:00.000Z',
    })
    const foreign = await frenchEvent('Fête du vin', dalheim, {
      start: '2099-06-02T15:00:00.000Z',
      end: '2099-06-02T18:00:00.000Z',
    })
    const user = remichEditor.user as never
    const overview = await editorOverview(payload, user, 'en')
    const ids = (items: { id: string | number }[]) => items.map((item) => item.id)
    expect(ids(overview.eventsMissingTranslations)).toContain(own.id)
    expect(ids(overview.eventsMissingTranslations)).not.toContain(foreign.id)
    expect(ids(overview.eventsWithoutImage)).toContain(own.id)
    expect(ids(overview.eventsWithoutImage)).not.toContain(foreign.id)
    const item = overview.eventsMissingTranslations.find((entry) => entry.id === own.id)!
    expect(item.languages).toEqual(['lb', 'de', 'pt', 'en'])

    const next = await translateNext(payload, user, 'pt')
    expect(ids(next.items)).toContain(own.id)
    expect(ids(next.items)).not.toContain(foreign.id)
    // Upcoming events come first, soonest first.
    expect(next.items[0]!.collection).toBe('events')
    // The dashboard links to each collection's list with its count; together they are the total.
    expect(next.byCollection.events).toBeGreaterThan(0)
    const counted = Object.values(next.byCollection).reduce((sum, count) => sum + (count ?? 0), 0)
    expect(counted).toBe(next.total)

    const coordinatorView = await translateNext(payload, coordinator.user as never, 'pt', 100)
    expect(ids(coordinatorView.items)).toEqual(expect.arrayContaining([own.id, foreign.id]))
  })

  it('lists unpublished drafts and resources not reviewed for a year', async () => {
    const draft = await frenchEvent('Brouillon', remich, { _status: 'draft' })
    const resource = await createDoc(payload, 'resources', {
      title: 'Office social',
      type: 'social-help',
      communes: [remich.commune!],
      lastReviewed: '2020-01-01',
      _status: 'published',
    })
    const overview = await editorOverview(payload, remichEditor.user as never, 'en')
    expect(overview.drafts.map((item) => item.id)).toContain(draft.id)
    expect(overview.resourcesToReview.map((item) => item.id)).toContain(resource.id)
    const elsewhere = await editorOverview(payload, dalheimEditor.user as never, 'en')
    expect(elsewhere.drafts.map((item) => item.id)).not.toContain(draft.id)
    expect(elsewhere.resourcesToReview.map((item) => item.id)).not.toContain(resource.id)
  })

  it('answers the translate-next endpoint for signed-in editors only', async () => {
    expect((await rest('GET', '/translations/next?lang=pt')).status).toBe(401)
    const answer = await rest('GET', '/translations/next?lang=pt&limit=5', {
      token: remichEditor.token,
    })
    expect(answer.status).toBe(200)
    expect((answer.body.items as unknown[]).length).toBeLessThanOrEqual(5)
    expect(
      (await rest('GET', '/translations/next?lang=xx', { token: coordinator.token })).status,
    ).toBe(400)
  })
})
