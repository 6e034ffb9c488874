import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'
import {
  fingerprint,
  needsTranslation,
  plainText,
  translationStatus,
  unitsAfterSave,
  unitsOfAllLocales,
  type TranslationBase,
  type Units,
} from '../../cms/translations/units'
import type { LocaleCode } from '../../locales/config'

const fields: Field[] = [
  { name: 'title', type: 'text', localized: true },
  { name: 'description', type: 'richText', localized: true },
  { name: 'slug', type: 'text' },
  {
    name: 'milestones',
    type: 'array',
    fields: [
      { name: 'title', type: 'text', localized: true },
      { name: 'due', type: 'date' },
    ],
  },
  { name: 'price', type: 'group', fields: [{ name: 'note', type: 'text', localized: true }] },
  {
    name: 'layout',
    type: 'blocks',
    blocks: [{ slug: 'text', fields: [{ name: 'heading', type: 'text', localized: true }] }],
  },
]

const rich = (text: string) => ({
  root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] },
})

/** Saves `data` in `locale` over a stored document and returns the new units and status. */
function save(
  stored: { units: Units; base: TranslationBase; source: LocaleCode | null },
  data: Record<string, unknown>,
  locale: LocaleCode,
  source: LocaleCode = stored.source ?? locale,
  confirmed: LocaleCode[] = [],
) {
  const after = unitsAfterSave(fields, stored.units, data, locale)
  const status = translationStatus({
    before: stored.units,
    after,
    sourceBefore: stored.source,
    sourceAfter: source,
    base: stored.base,
    confirmed,
  })
  return { units: after, base: status.record.base, source, status }
}

const empty = { units: new Map() as Units, base: {}, source: null }

describe('plain text and fingerprints', () => {
  it('reads rich text and ignores whitespace differences', () => {
    expect(plainText(rich('Hello  world '))).toBe('Hello world')
    expect(fingerprint('Hello world')).toBe(fingerprint(rich('Hello\nworld')))
    expect(fingerprint('Hello world')).not.toBe(fingerprint('Hello World'))
  })
})

describe('units', () => {
  it('addresses array and block rows by id and skips fields that are not localized', () => {
    const units = unitsOfAllLocales(fields, {
      title: { fr: 'Café des langues', de: 'Sprachcafé' },
      slug: 'cafe',
      milestones: [{ id: 'm1', title: { fr: 'Lancement' }, due: '2027-01-01' }],
      price: { note: { fr: 'Gratuit' } },
      layout: [{ id: 'b1', blockType: 'text', heading: { en: 'About' } }],
    })
    expect([...units.keys()].sort()).toEqual([
      'description',
      'layout.b1.heading',
      'milestones.m1.title',
      'price.note',
      'title',
    ])
    expect(units.get('title')).toEqual({ fr: 'Café des langues', de: 'Sprachcafé' })
    expect(units.get('description')).toEqual({})
  })

  it('keeps the other languages of array rows that still exist, and drops removed rows', () => {
    const stored = unitsOfAllLocales(fields, {
      title: { fr: 'Titre', de: 'Titel' },
      milestones: [
        { id: 'm1', title: { fr: 'Un', de: 'Eins' } },
        { id: 'm2', title: { fr: 'Deux', de: 'Zwei' } },
      ],
    })
    const after = unitsAfterSave(fields, stored, { milestones: [{ id: 'm1', title: 'Uno' }] }, 'pt')
    expect(after.get('milestones.m1.title')).toEqual({ fr: 'Un', de: 'Eins', pt: 'Uno' })
    expect(after.has('milestones.m2.title')).toBe(false)
    // A partial update leaves the fields it does not carry as they were.
    expect(after.get('title')).toEqual({ fr: 'Titre', de: 'Titel' })
  })
})

describe('translation status', () => {
  const created = save(
    empty,
    { title: 'Café des langues', description: rich('Venez parler') },
    'fr',
  )

  it('marks the source language and every other language as missing on creation', () => {
    expect(created.status.states).toEqual({
      lb: 'missing',
      fr: 'source',
      de: 'missing',
      pt: 'missing',
      en: 'missing',
    })
    expect(created.status.record.missing.pt).toEqual(['title', 'description'])
    expect(needsTranslation(created.status.states)).toEqual(['lb', 'de', 'pt', 'en'])
  })

  it('is missing while only some texts are translated, complete when all are', () => {
    const partly = save(created, { title: 'Café de línguas' }, 'pt')
    expect(partly.status.states.pt).toBe('missing')
    expect(partly.status.record.missing.pt).toEqual(['description'])
    const done = save(partly, { description: rich('Venha falar') }, 'pt')
    expect(done.status.states.pt).toBe('complete')
    expect(done.status.record.missing.pt).toBeUndefined()
  })

  it('becomes outdated after a source edit and complete again when the translation is updated', () => {
    const translated = save(
      created,
      { title: 'Café de línguas', description: rich('Venha falar') },
      'pt',
    )
    expect(translated.status.states.pt).toBe('complete')

    const sourceEdited = save(translated, { title: 'Café des langues (nouvelle heure)' }, 'fr')
    expect(sourceEdited.status.states.pt).toBe('outdated')
    expect(sourceEdited.status.record.outdated.pt).toEqual(['title'])
    expect(sourceEdited.status.states.fr).toBe('source')

    // Saving the translation without changing the outdated text does not hide the change.
    const untouched = save(sourceEdited, { title: 'Café de línguas' }, 'pt')
    expect(untouched.status.states.pt).toBe('outdated')

    const updated = save(untouched, { title: 'Café de línguas (novo horário)' }, 'pt')
    expect(updated.status.states.pt).toBe('complete')
    expect(updated.status.record.outdated.pt).toBeUndefined()
  })

  it('is complete again when the translator confirms an unchanged translation', () => {
    const translated = save(created, { title: 'Sprachcafé', description: rich('Kommt') }, 'de')
    const sourceEdited = save(translated, { title: 'Café des langues !' }, 'fr')
    expect(sourceEdited.status.states.de).toBe('outdated')
    const confirmed = save(sourceEdited, {}, 'de', 'fr', ['de'])
    expect(confirmed.status.states.de).toBe('complete')
  })

  it('counts translations stored before status existed as made from the previous source', () => {
    const legacy = {
      units: unitsOfAllLocales(fields, { title: { fr: 'Titre', en: 'Title' } }),
      base: {},
      source: 'fr' as const,
    }
    expect(save(legacy, { slug: 'x' }, 'fr').status.states.en).toBe('complete')
    // The same legacy document whose source changes in the first tracked save: outdated.
    expect(save(legacy, { title: 'Nouveau titre' }, 'fr').status.states.en).toBe('outdated')
  })

  it('does not mark a removed source text as missing in the translations', () => {
    const translated = save(created, { title: 'Title', description: rich('Come') }, 'en')
    const removed = save(translated, { description: null }, 'fr')
    expect(removed.status.states.en).toBe('complete')
  })
})
