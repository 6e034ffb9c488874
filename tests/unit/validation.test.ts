import { describe, expect, it } from 'vitest'
import { passwordProblem } from '../../cms/domain/password'
import { isEmail, isHttpUrl, isPhoneNumber, slugify } from '../../cms/domain/validation'
import { adminLanguages, message, messages } from '../../cms/i18n/messages'
import { markdownToLexical } from '../../cms/seed/richText'

describe('format checks', () => {
  it('accepts web addresses with http(s) and a domain only', () => {
    expect(isHttpUrl('https://www.remich.lu/fr')).toBe(true)
    expect(isHttpUrl('javascript:alert(1)')).toBe(false)
    expect(isHttpUrl('ftp://example.org/file')).toBe(false)
    expect(isHttpUrl('www.example.org')).toBe(false)
  })

  it('checks emails and phone numbers loosely but usefully', () => {
    expect(isEmail('info@example.org')).toBe(true)
    expect(isEmail('info@example')).toBe(false)
    expect(isEmail('two words@example.org')).toBe(false)
    expect(isPhoneNumber('+352 12 34 56')).toBe(true)
    expect(isPhoneNumber('call me')).toBe(false)
    expect(isPhoneNumber('12')).toBe(false)
  })

  it('makes slugs from titles in any of the five languages', () => {
    expect(slugify('Café des langues à Réimech')).toBe('cafe-des-langues-a-reimech')
    expect(slugify('Wëllkommensowend fir Neiakommener')).toBe('wellkommensowend-fir-neiakommener')
    expect(slugify('Straßenfest – Größe')).toBe('strassenfest-grosse')
  })
})

describe('password policy', () => {
  it('asks for length and refuses obvious or personal passwords', () => {
    expect(passwordProblem('short')?.key).toBe('passwordTooShort')
    expect(passwordProblem('Password123456')?.key).toBe('passwordTooWeak')
    expect(passwordProblem('aaaaaaaaaaaaaa')?.key).toBe('passwordTooWeak')
    expect(passwordProblem('marie.schmit-2026!', ['marie.schmit@example.lu'])?.key).toBe(
      'passwordTooWeak',
    )
    expect(passwordProblem('river lantern copper mosel')).toBeNull()
  })
})

describe('CMS messages', () => {
  it('exist in every admin language with the same placeholders', () => {
    for (const language of adminLanguages) {
      for (const [key, english] of Object.entries(messages.en)) {
        const text = messages[language][key as keyof typeof messages.en]
        expect(text, `${language}.${key}`).toBeTruthy()
        const placeholders = (value: string) => (value.match(/\{\{\w+\}\}/g) ?? []).sort()
        expect(placeholders(text), `${language}.${key}`).toEqual(placeholders(english))
      }
    }
  })

  it('fill placeholders and fall back to English for Luxembourgish editors', () => {
    expect(message('passwordTooShort', 'de', { min: 12 })).toBe(
      'Das Passwort muss mindestens 12 Zeichen haben.',
    )
    expect(message('passwordTooShort', 'lb', { min: 12 })).toContain('at least 12')
  })
})

describe('mini-markdown to rich text', () => {
  it('keeps paragraphs, bullet lists and headings, and stores markup as plain text', () => {
    const doc = markdownToLexical('## Title\n\nFirst line\ncontinued.\n\n- one\n- <b>two</b>')
    expect(doc.root.children.map((node) => node.type)).toEqual(['heading', 'paragraph', 'list'])
    const list = doc.root.children[2] as unknown as { children: { children: { text: string }[] }[] }
    expect(list.children.map((item) => item.children[0]!.text)).toEqual(['one', '<b>two</b>'])
  })
})
