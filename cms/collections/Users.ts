import type { CollectionConfig, Field, Validate } from 'payload'
import { APIError } from 'payload'
import { adminOnly, adminOnlyField } from '../access/adminOnly'
import { adminOrSelf } from '../access/adminOrSelf'
import { roles } from '../access/roles'
import { staffOrSelf } from '../access/staffOrSelf'
import { passwordProblem } from '../domain/password'
import { clearSignInFailures } from '../hooks/clearSignInFailures'
import { forgotPasswordEndpoint, resetPasswordEndpoint } from '../endpoints/passwordReset'
import { loginEndpoint, logoutEndpoint, refreshEndpoint } from '../endpoints/sessions'
import { adminLanguageNames, adminLanguages, requestMessage } from '../i18n/messages'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { en: 'User', fr: 'Utilisateur', de: 'Benutzer', pt: 'Utilizador' },
    plural: { en: 'Users', fr: 'Utilisateurs', de: 'Benutzer', pt: 'Utilizadores' },
  },
  admin: { useAsTitle: 'email', defaultColumns: ['name', 'email', 'roles'], group: 'Admin' },
  auth: {
    // No lock per account (anyone could lock anyone out): failed sign-ins are counted per
    // address and client together by the portal's sign-in (security/signInFailures.ts).
    maxLoginAttempts: 0,
    tokenExpiration: 8 * 60 * 60,
    cookies: { sameSite: 'Lax', secure: process.env.PUBLIC_URL?.startsWith('https://') ?? false },
  },
  endpoints: [
    forgotPasswordEndpoint,
    resetPasswordEndpoint,
    loginEndpoint,
    logoutEndpoint,
    refreshEndpoint,
  ],
  access: {
    read: staffOrSelf,
    create: adminOnly,
    update: adminOrSelf,
    delete: adminOnly,
    // Unlocking lets every client try an address again after failed sign-ins.
    unlock: adminOnly,
    // Every role works in the admin panel; what each may touch is decided per collection.
    admin: ({ req: { user } }) => Boolean(user),
  },
  hooks: {
    afterOperation: [clearSignInFailures],
    beforeValidate: [
      async ({ data, req, operation }) => {
        // The very first account becomes an admin (Payload's first-user screen or create-admin).
        if (operation === 'create' && data) {
          const existing = await req.payload.count({ collection: 'users', req })
          if (existing.totalDocs === 0) data.roles = ['admin']
        }
        const password = (data as { password?: unknown } | undefined)?.password
        if (typeof password === 'string') {
          const problem = passwordProblem(password, [data?.email, data?.name])
          if (problem) {
            throw new APIError(
              requestMessage(req, problem.key, problem.vars),
              400,
              [{ path: 'password', message: requestMessage(req, problem.key, problem.vars) }],
              true,
            )
          }
        }
        return data
      },
    ],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    {
      name: 'language',
      label: 'Language of emails from the portal',
      type: 'select',
      defaultValue: 'fr',
      options: adminLanguages.map((code) => ({ value: code, label: adminLanguageNames[code] })),
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['commune-editor'],
      options: roles.map((role) => ({ value: role, label: role })),
      access: { create: adminOnlyField, update: adminOnlyField },
      saveToJWT: true,
    },
    {
      name: 'communes',
      type: 'relationship',
      relationTo: 'communes',
      hasMany: true,
      access: { create: adminOnlyField, update: adminOnlyField },
      saveToJWT: true,
      validate: ((value: unknown[] | null | undefined, { siblingData, req }) => {
        const userRoles = (siblingData as { roles?: string[] }).roles ?? []
        if (userRoles.includes('commune-editor') && (!value || value.length === 0)) {
          return requestMessage(req, 'communeEditorNeedsCommunes')
        }
        return true
      }) as Validate,
    } as Field,
    {
      name: 'organisation',
      type: 'relationship',
      relationTo: 'organisations',
      access: { create: adminOnlyField, update: adminOnlyField },
      saveToJWT: true,
      validate: ((value: unknown, { siblingData, req }) => {
        const userRoles = (siblingData as { roles?: string[] }).roles ?? []
        if (userRoles.includes('association') && !value) {
          return requestMessage(req, 'associationNeedsOrganisation')
        }
        return true
      }) as Validate,
    } as Field,
  ],
}
