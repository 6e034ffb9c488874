import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'
import {
  exportFile,
  planImport,
  readTranslationFile,
  toTranslationCsv,
  toXliff,
  TranslationFileError,
} from '../../cms/translations/exchange'
import { parseXml, XmlError } from '../../cms/translations/xml'

const fields: Field[] = [
  { name: 'title', type: 'text', localized: true },
  { name: 'description', type: 'richText', localized: true },
  {
    name: 'milestones',
    type: 'array',
    fields: [{ name: 'title', type: 'text', localized: true }],
  },
]

const rich = (...texts: string[]) => ({
  root: {
    type: 'root',
    children: [
      {
        type: 'paragraph',
        children: texts.map((text, index) => ({ type: 'text', text, format: index % 2 })),
      },
    ],
  },
})

const doc = {
  id: 7,
  title: { fr: 'Café <des> langues & "amis"' },
  description: { fr: rich('Venez ', 'parler', ' avec nous.') },
  milestones: [{ id: '64b7f3a2c1d4e5f6a7b8c9d0', title: { fr: '- Lancement' } }],
}

const file = exportFile(fields, doc, {
  document: 'events/7',
  title: 'Café',
  source: 'fr',
  target: 'pt',
})

describe('XML reading', () => {
  it('reads elements, attributes, entities and CDATA', () => {
    const root = parseXml(
      '<?xml version="1.0"?><a x="1 &amp; 2"><!-- note --><b>&lt;hi&gt; &#233;</b><![CDATA[<raw>]]></a>',
    )
    expect(root.attributes.x).toBe('1 & 2')
    expect(root.children).toEqual([
      expect.objectContaining({ name: 'b', children: ['<hi> é'] }),
      '<raw>',
    ])
  })

  it('refuses document type declarations, unknown entities and unclosed elements', () => {
    expect(() => parseXml('<!DOCTYPE a [<!ENTITY x "y">]><a/>')).toThrow(XmlError)
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow(/Unknown entity/)
    expect(() => parseXml('<a>\n<b></a>')).toThrow(/line 2/)
  })
})

describe('XML reading with saxes', () => {
  it('refuses what is not well-formed XML 1.0, which a translation tool would refuse too', () => {
    for (const broken of [
      '<a>fish & chips</a>',
      '<a>&#1;</a>',
      '<a>\u0001</a>',
      '<x:a>unbound prefix</x:a>',
      '<a b="1" b="2"/>',
    ]) {
      expect(() => parseXml(broken), broken).toThrow(XmlError)
    }
  })

  it('names line and column', () => {
    expect(() => parseXml('<a>\n  <b></a>')).toThrow('Unexpected close tag (line 2, column 9).')
    expect(() => parseXml('<a>\n&nbsp;</a>')).toThrow('Unknown entity &nbsp; (line 2, column 6).')
  })

  it('gives each element the line of its <', () => {
    const root = parseXml('<?xml version="1.0"?>\n<a\n  x="1">\n<b\n/></a>')
    expect([root.line, (root.children[1] as { line: number }).line]).toEqual([2, 4])
  })
})

describe('translation files', () => {
  it('splits rich text into its text runs and names fields without row ids', () => {
    expect(file.units.map((unit) => [unit.id, unit.field, unit.source])).toEqual([
      ['title', 'title', 'Café <des> langues & "amis"'],
      ['description:0', 'description', 'Venez '],
      ['description:1', 'description', 'parler'],
      ['description:2', 'description', ' avec nous.'],
      ['milestones.64b7f3a2c1d4e5f6a7b8c9d0.title', 'milestones › title', '- Lancement'],
    ])
  })

  it('reads back what it writes, in XLIFF and in CSV, special characters included', () => {
    const withTargets = {
      ...file,
      units: file.units.map((unit) => ({ ...unit, target: `=${unit.source} «pt»` })),
    }
    for (const text of [toXliff(withTargets), toTranslationCsv(withTargets)]) {
      const read = readTranslationFile(text)
      expect(read.document).toBe('events/7')
      expect([read.sourceLanguage, read.targetLanguage]).toEqual(['fr', 'pt'])
      expect(
        read.units.map((unit) => [unit.id, unit.fingerprint, unit.source, unit.target]),
      ).toEqual(
        withTargets.units.map((unit) => [unit.id, unit.fingerprint, unit.source, unit.target]),
      )
    }
  })

  it('refuses markup in a target, split segments and unknown languages', () => {
    const xliff = toXliff({ ...file, units: [{ ...file.units[0]!, target: 'x' }] })
    expect(() => readTranslationFile(xliff.replace('<target>x', '<target><b>x</b>'))).toThrow(
      /contains markup/,
    )
    expect(() =>
      readTranslationFile(xliff.replace('</segment>', '</segment><segment><source/></segment>')),
    ).toThrow(/exactly one <segment>/)
    expect(() => readTranslationFile(xliff.replace('trgLang="pt"', 'trgLang="es"'))).toThrow(
      TranslationFileError,
    )
    expect(() => readTranslationFile('id,source\n1,2\n')).toThrow(/lacks the column/)
  })

  it('rebuilds rich text with the source formatting, only when every run is translated', () => {
    const target = {
      ...doc,
      title: null,
      description: null,
      milestones: [{ ...doc.milestones[0], title: null }],
    }
    const translations = ['Venha ', 'falar', ' connosco.']
    const complete = {
      ...file,
      units: file.units.map((unit) =>
        unit.id.startsWith('description:')
          ? { ...unit, target: translations[Number(unit.id.split(':')[1])]! }
          : unit,
      ),
    }
    const plan = planImport(fields, doc, structuredClone(target), complete, 'fr')
    expect(plan.changes.map((change) => [change.id, change.to])).toEqual([
      ['description', 'Venha falar connosco.'],
    ])
    const written = plan.data.description as ReturnType<typeof rich>
    expect(written.root.children[0]!.children.map((run) => [run.text, run.format])).toEqual([
      ['Venha ', 0],
      ['falar', 1],
      [' connosco.', 0],
    ])

    const partial = {
      ...complete,
      units: complete.units.filter((unit) => unit.id !== 'description:1'),
    }
    const refused = planImport(fields, doc, structuredClone(target), partial, 'fr')
    expect(refused.changes).toEqual([])
    expect(refused.warnings[0]!.message).toMatch(/All 3 parts/)
  })
})
