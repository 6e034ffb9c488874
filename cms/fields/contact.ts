import type { Field, TextFieldSingleValidation } from 'payload'
import { isEmail, isHttpUrl, isPhoneNumber } from '../domain/validation'
import { requestMessage } from '../i18n/messages'

export const validateUrl: TextFieldSingleValidation = (value, { req }) =>
  !value || isHttpUrl(value) ? true : requestMessage(req, 'invalidUrl')

export const validateEmail: TextFieldSingleValidation = (value, { req }) =>
  !value || isEmail(value) ? true : requestMessage(req, 'invalidEmail')

export const validatePhone: TextFieldSingleValidation = (value, { req }) =>
  !value || isPhoneNumber(value) ? true : requestMessage(req, 'invalidPhone')

export const urlField = (name: string, label: string): Field => ({
  name,
  label,
  type: 'text',
  maxLength: 2048,
  validate: validateUrl,
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
