import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { localeCodes, locales, lookupOrder, resolveLocalized } from '../../locales/config'

const localeDir = path.resolve('locales')
const strings = Object.fromEntries(
  localeCodes.map((code) => [
    code,
    JSON.parse(readFileSync(path.join(localeDir, `${code}.json`), 'utf8')) as Record<
      string,
      string
    >,
  ]),
)

describe('locale configuration', () => {
  it('has exactly one locale file per configured locale', () => {
    const files = readdirSync(localeDir).filter((name) => name.endsWith('.json'))
    expect(files.sort()).toEqual(localeCodes.map((code) => `${code}.json`).sort())
  })

  it.each(localeCodes)('every UI string exists and is non-empty in %s', (code) => {
    const allKeys = new Set(Object.values(strings).flatMap((table) => Object.keys(table)))
    const missing = [...allKeys].filter((key) => !strings[code]![key]?.trim())
    expect(missing, `keys missing in locales/${code}.json`).toEqual([])
  })

  it.each(localeCodes)('placeholders in %s match English', (code) => {
    for (const [key, english] of Object.entries(strings.en!)) {
      const wanted = (english.match(/\{\w+\}/g) ?? []).sort()
      expect((strings[code]![key]!.match(/\{\w+\}/g) ?? []).sort(), `${code}: ${key}`).toEqual(
        wanted,
      )
    }
  })

  it('gives every locale a fallback chain through all other locales', () => {
    for (const locale of locales) {
      expect([...lookupOrder(locale.code)].sort()).toEqual([...localeCodes].sort())
    }
  })
})

describe('resolveLocalized', () => {
  it('returns the requested language when present', () => {
    expect(resolveLocalized({ pt: 'Olá', fr: 'Bonjour' }, 'pt')).toEqual({
      value: 'Olá',
      locale: 'pt',
      isFallback: false,
    })
  })

  it('follows the chain and says which language it used', () => {
    // Portuguese readers fall back to French first.
    expect(resolveLocalized({ de: 'Hallo', fr: 'Bonjour' }, 'pt')).toEqual({
      value: 'Bonjour',
      locale: 'fr',
      isFallback: true,
    })
    // Luxembourgish readers fall back to German first.
    expect(resolveLocalized({ de: 'Hallo', fr: 'Bonjour' }, 'lb')?.locale).toBe('de')
  })

  it('treats blank strings as missing and finds any language as a last resort', () => {
    expect(resolveLocalized({ en: '  ', lb: 'Moien' }, 'en')?.value).toBe('Moien')
    expect(resolveLocalized({}, 'en')).toBeNull()
    expect(resolveLocalized(null, 'en')).toBeNull()
  })
})
