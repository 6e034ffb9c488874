import type { Field } from 'payload'
import { defaultLocale, isLocaleCode, locales } from '../../locales/config'

/**
 * The language a document was written in. Required texts must exist in it; the site marks texts
 * shown in another language than the reader's, and translation status compares against it.
 */
export const sourceLanguageField = (): Field => ({
  name: 'sourceLanguage',
  type: 'select',
  required: true,
  options: locales.map((locale) => ({ label: locale.name, value: locale.code })),
  defaultValue: ({ locale }) => (isLocaleCode(locale) ? locale : defaultLocale),
  admin: {
    position: 'sidebar',
    description: 'The language this was first written in. Other languages are translations.',
  },
})
