// Assembly only: collections, languages, database and admin settings of the CMS.
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { de } from '@payloadcms/translations/languages/de'
import { en } from '@payloadcms/translations/languages/en'
import { fr } from '@payloadcms/translations/languages/fr'
import { pt } from '@payloadcms/translations/languages/pt'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { defaultLocale, locales } from '../locales/config'
import { Actions } from './collections/Actions'
import { Communes } from './collections/Communes'
import { Events } from './collections/Events'
import { Goals } from './collections/Goals'
import { Media, MEDIA_MAX_BYTES } from './collections/Media'
import { Organisations } from './collections/Organisations'
import { Pages } from './collections/Pages'
import { Resources } from './collections/Resources'
import { Categories, TargetGroups } from './collections/taxonomy'
import { Users } from './collections/Users'
import { Venues } from './collections/Venues'
import { databaseAdapter } from './database'
import { eventFeedEndpoint } from './endpoints/eventFeed'
import { withReferenceChecks } from './fields/referenceChecks'
import { withContentChangedSignal } from './hooks/contentChanged'
import { payloadSecret, publicUrl } from './settings'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  secret: payloadSecret(),
  serverURL: publicUrl(),
  telemetry: false,
  db: databaseAdapter(),
  editor: lexicalEditor(),
  sharp,
  collections: [
    Events,
    Venues,
    Actions,
    Goals,
    Resources,
    Organisations,
    Communes,
    Categories,
    TargetGroups,
    Pages,
    Media,
    Users,
  ]
    .map(withReferenceChecks)
    .map(withContentChangedSignal),
  endpoints: [eventFeedEndpoint],
  localization: {
    locales: locales.map((locale) => ({
      code: locale.code,
      label: locale.name,
      fallbackLocale: [...locale.fallback],
    })),
    defaultLocale,
    fallback: true,
  },
  i18n: {
    supportedLanguages: { en, fr, de, pt },
    fallbackLanguage: 'en',
  },
  admin: {
    user: Users.slug,
    // No Gravatar: nothing may call the internet.
    avatar: 'default',
    importMap: {
      baseDir: dirname,
      importMapFile: path.resolve(dirname, 'app/(payload)/admin/importMap.js'),
    },
    meta: { titleSuffix: ' · Zesummen' },
  },
  graphQL: { disable: true },
  jobs: {
    // Scheduled publish/unpublish (and later site rebuilds) run in the server process, every
    // minute. Scripts and tests open Payload without the runner and run jobs explicitly.
    autoRun: [{ cron: '* * * * *', queue: 'default', limit: 50 }],
    shouldAutoRun: () => process.env.ZESUMMEN_JOBS_AUTORUN === '1',
  },
  upload: { limits: { fileSize: MEDIA_MAX_BYTES } },
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
})
