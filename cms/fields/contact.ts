import {
  type Field,
  type FieldHook,
  type TextFieldSingleValidation,
  ValidationError,
} from 'payload'
import { hasForeignScheme, isEmail, isHttpUrl, isPhoneNumber } from '../domain/validation'
import { requestMessage } from '../i18n/messages'

export const validateUrl: TextFieldSingleValidation = (value, { req }) =>
  !value || isHttpUrl(value) ? true : requestMessage(req, 'invalidUrl')

export const validateEmail: TextFieldSingleValidation = (value, { req }) =>
  !value || isEmail(value) ? true : requestMessage(req, 'invalidEmail')

export const validatePhone: TextFieldSingleValidation = (value, { req }) =>
  !value || isPhoneNumber(value) ? true : requestMessage(req, 'invalidPhone')

/**
 * Drafts skip validation, so a half-typed address may wait for publishing; a `javascript:` or
 * `data:` one never: it is refused on every save.
 */
const refuseForeignScheme: FieldHook = ({ value, req, path, collection, data }) => {
  // Payload marks a draft save with `_status: 'draft'`; elsewhere validation reports the
  // address with the other problems.
  if (data?._status === 'draft' && typeof value === 'string' && hasForeignScheme(value)) {
    throw new ValidationError({
      collection: collection?.slug,
      errors: [{ path: path.join('.'), message: requestMessage(req, 'invalidUrl') }],
    })
  }
  return value
}

export const urlField = (name: string, label: string): Field => ({
  name,
  label,
  type: 'text',
  maxLength: 2048,
  validate: validateUrl,
  hooks: { beforeValidate: [refuseForeignScheme] },
})

export const emailField = (name: string, label: string): Field => ({
  name,
  label,
  type: 'text',
  maxLength: 254,
  validate: validateEmail,
})

export const phoneField = (name: string, label: string): Field => ({
  name,
  label,
  type: 'text',
  maxLength: 40,
  validate: validatePhone,
})

/** Public contact of an institution or service (not a person): shown on the site. */
export const publicContactGroup = (name = 'contact', label = 'Public contact'): Field => ({
  name,
  label,
  type: 'group',
  fields: [emailField('email', 'Email'), phoneField('phone', 'Phone'), urlField('url', 'Website')],
})
