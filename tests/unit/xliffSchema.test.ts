// The XLIFF files the portal exports, checked against the OASIS XLIFF 2.0 core schema (vendored
// in tests/fixtures/xliff-2.0/) by libxml2's xmllint, so that translation tools open them; and
// read back by the portal's own reader.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { CollectionConfig } from 'payload'
import { describe, expect, it } from 'vitest'
import { Actions } from '../../cms/collections/Actions'
import { Events } from '../../cms/collections/Events'
import { Resources } from '../../cms/collections/Resources'
import { exportFile, readTranslationFile, toXliff } from '../../cms/translations/exchange'
import actions from '../../content/demo/actions.json'
import events from '../../content/demo/events.json'
import resources from '../../content/demo/resources.json'
import { localeCodes, type LocaleCode } from '../../locales/config'

const schema = fileURLToPath(new URL('../fixtures/xliff-2.0/xliff_core_2.0.xsd', import.meta.url))

/** xmllint's complaints about `xliff`; empty when the file is valid. */
function schemaErrors(xliff: string): string {
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, '-'], {
    input: xliff,
    encoding: 'utf8',
  })
  if (result.error) {
    throw new Error(`xmllint could not run (install Debian's libxml2-utils): ${result.error}`)
  }
  return result.status === 0 ? '' : result.stderr
}

type Doc = Record<string, unknown> & { slug: string; sourceLanguage: LocaleCode }
const demo: [CollectionConfig, Doc[]][] = [
  [Events, events as Doc[]],
  [Actions, actions as Doc[]],
  [Resources, resources as Doc[]],
]

describe('exported XLIFF 2.0 against the OASIS core schema', () => {
  it('the schema check refuses a file that breaks the schema', () => {
    const valid = toXliff({
      document: 'events/1',
      title: 'T',
      sourceLanguage: 'fr',
      targetLanguage: 'de',
      units: [{ id: 'title', field: 'title', fingerprint: 'f', source: 'a', target: null }],
    })
    expect(schemaErrors(valid)).toBe('')
    expect(schemaErrors(valid.replace('state="initial"', 'state="done"'))).toMatch(/state/)
    expect(schemaErrors(valid.replace('unit id="title"', 'unit id="a title"'))).toMatch(/id/)
  })

  for (const [collection, docs] of demo) {
    it(`every demo ${collection.slug} document, into every other language`, () => {
      let files = 0
      for (const [index, doc] of docs.entries()) {
        for (const target of localeCodes.filter((code) => code !== doc.sourceLanguage)) {
          const file = exportFile(collection.fields, doc, {
            document: `${collection.slug}/${index + 1}`,
            title: doc.slug,
            source: doc.sourceLanguage,
            target,
          })
          const xliff = toXliff(file)
          expect(schemaErrors(xliff), `${doc.slug} → ${target}`).toBe('')
          expect(readTranslationFile(xliff).units).toEqual(
            file.units.map((unit) => ({ ...unit, fingerprint: unit.fingerprint.trim() })),
          )
          files++
        }
      }
      expect(files).toBe(docs.length * (localeCodes.length - 1))
      // One xmllint process a file: on a loaded machine that takes more than 5 s.
    }, 60_000)
  }

  it('texts with markup characters, control characters and broken surrogates', () => {
    const nasty = 'a < b && c > "d" \'e\' ]]> \u0001\u000b\ud800 tab\tnl\n 👋 \uffff'
    const xliff = toXliff({
      document: 'events/7 & "8"',
      title: '<Café>',
      sourceLanguage: 'fr',
      targetLanguage: 'pt',
      units: [{ id: 'title', field: 'title <x>', fingerprint: 'f', source: nasty, target: nasty }],
    })
    expect(schemaErrors(xliff)).toBe('')
    const [unit] = readTranslationFile(xliff).units
    const kept = 'a < b && c > "d" \'e\' ]]>  tab\tnl\n 👋 '
    expect([unit!.source, unit!.target, unit!.field]).toEqual([kept, kept, 'title <x>'])
  })
})
