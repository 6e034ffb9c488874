import type { Field, TextFieldSingleValidation, Validate } from 'payload'
import { isLocaleCode, localeDefinition } from '../../locales/config'
import { plainText } from '../domain/plainText'
import { requestMessage } from '../i18n/messages'

type TextKind = 'text' | 'textarea'

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true
  if (typeof value === 'string') return value.trim().length === 0
  // Lexical rich text: empty when it holds no text node.
  return !JSON.stringify(value).includes('"text":"')
}

/**
 * Validation for a localized field that must exist in the document's source language, and may be
 * missing in the others (the site then shows a fallback, marked as such).
 */
export function requiredInSourceLanguage<T>(label: string): Validate<T> {
  return (value, { req, data, operation }) => {
    const source = (data as { sourceLanguage?: unknown } | undefined)?.sourceLanguage
    const editing = isLocaleCode(req.locale) ? req.locale : null
    // A new document is written in one language, which must then have the text; later edits
    // need it only when they are in the source language (the others may stay missing).
    const mustHave = operation === 'create' || (isLocaleCode(source) && editing === source)
    if (!mustHave || !isEmpty(value)) return true
    const language = isLocaleCode(source) ? source : editing
    return requestMessage(req, 'requiredInSourceLanguage', {
      field: label,
      language: language ? localeDefinition(language).name : '',
    })
  }
}

interface LocalizedTextOptions {
  name: string
  label: string
  kind?: TextKind
  maxLength?: number
  requiredInSource?: boolean
  description?: string
}

/** A localized text or textarea, optionally required in the source language. */
export const localizedText = ({
  name,
  label,
  kind = 'text',
  maxLength = kind === 'text' ? 200 : 2000,
  requiredInSource = false,
  description,
}: LocalizedTextOptions): Field => {
  const validate = requiredInSource
    ? (requiredInSourceLanguage(label) as TextFieldSingleValidation)
    : undefined
  return {
    name,
    label,
    type: kind,
    localized: true,
    maxLength,
    // Pasted text brings zero-width and bidi-override characters along; no reader needs them.
    hooks: {
      beforeValidate: [
        ({ value }: { value?: unknown }) => (typeof value === 'string' ? plainText(value) : value),
      ],
    },
    ...(validate ? { validate } : {}),
    ...(description ? { admin: { description } } : {}),
  } as Field
}
