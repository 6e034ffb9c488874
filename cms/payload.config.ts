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
import { CalendarSources } from './collections/CalendarSources'
import { Communes } from './collections/Communes'
import { DigestSubscriptions } from './collections/DigestSubscriptions'
import { Events } from './collections/Events'
import { Goals } from './collections/Goals'
import { Media, MEDIA_MAX_BYTES } from './collections/Media'
import { Organisations } from './collections/Organisations'
import { Pages } from './collections/Pages'
import { PopulationFigures } from './collections/PopulationFigures'
import { SiteBuilds } from './collections/SiteBuilds'
import { SubmissionImages } from './collections/SubmissionImages'
import { Submissions } from './collections/Submissions'
import { Resources } from './collections/Resources'
import { Categories, TargetGroups } from './collections/taxonomy'
import { Users } from './collections/Users'
import { Venues } from './collections/Venues'
import { databaseAdapter } from './database'
import { portalEmailAdapter } from './email'
import { digestEndpoints } from './endpoints/digest'
import { eventFeedEndpoint } from './endpoints/eventFeed'
import { eventWidgetEndpoint } from './endpoints/eventWidget'
import { reportEndpoints } from './endpoints/reports'
import { submitEndpoint } from './endpoints/submit'
import { translationEndpoints } from './endpoints/translations'
import { withReferenceChecks } from './fields/referenceChecks'
import { withTranslationStatus } from './fields/translationStatus'
import { withContentChangedSignal } from './hooks/contentChanged'
import { importCalendarsTask } from './jobs/importCalendars'
import { purgeDigestSubscriptionsTask } from './jobs/purgeDigestSubscriptions'
import { purgeSubmissionsTask } from './jobs/purgeSubmissions'
import { rebuildSiteTask, REBUILD_QUEUE, startRebuildOnPublish } from './jobs/publishSite'
import { sendDigestsTask } from './jobs/sendDigests'
import { payloadSecret, publicUrl } from './settings'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** The process that runs jobs: `npm start` (unless RUN_JOBS=0) or `npm run jobs`. */
const jobsProcess = () => process.env.ZESUMMEN_JOBS_AUTORUN === '1'
/** Processes that watch published content to rebuild the site (scripts and tests do not). */
const watchesContent = () => process.env.ZESUMMEN_SERVER === '1' || jobsProcess()

export default buildConfig({
  secret: payloadSecret(),
  serverURL: publicUrl(),
  telemetry: false,
  db: databaseAdapter(),
  email: portalEmailAdapter(),
  editor: lexicalEditor(),
  sharp,
  collections: [
    Events,
    CalendarSources,
    Venues,
    Actions,
    Goals,
    PopulationFigures,
    Resources,
    Organisations,
    Communes,
    Categories,
    TargetGroups,
    Pages,
    Media,
    Submissions,
    SubmissionImages,
    DigestSubscriptions,
    Users,
    SiteBuilds,
  ]
    .map(withTranslationStatus)
    .map(withReferenceChecks)
    .map(withContentChangedSignal),
  endpoints: [
    eventFeedEndpoint,
    eventWidgetEndpoint,
    submitEndpoint,
    ...digestEndpoints,
    ...reportEndpoints,
    ...translationEndpoints,
  ],
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
    components: {
      beforeDashboard: [
        '/components/EditorOverview#EditorOverview',
        '/components/ModerationQueue#ModerationQueue',
        '/components/BuildStatus#BuildStatus',
        '/components/TranslateNext#TranslateNext',
        '/components/ReportsPanel#ReportsPanel',
        '/components/DigestPanel#DigestPanel',
      ],
    },
  },
  graphQL: { disable: true },
  jobs: {
    // Scheduled publish/unpublish (and later site rebuilds) run in the server process, every
    // minute. Scripts and tests open Payload without the runner and run jobs explicitly.
    // Site rebuilds start right after their debounce in the process that saw the change; this
    // poll (every 10 s) runs those queued by other instances or left by a restart.
    autoRun: [
      { cron: '* * * * *', queue: 'default', limit: 50 },
      { cron: '*/10 * * * * *', queue: REBUILD_QUEUE, limit: 5 },
    ],
    shouldAutoRun: () => jobsProcess(),
    tasks: [
      rebuildSiteTask,
      purgeSubmissionsTask,
      purgeDigestSubscriptionsTask,
      sendDigestsTask,
      importCalendarsTask,
    ],
  },
  onInit: async (payload) => {
    if (watchesContent()) await startRebuildOnPublish(payload)
  },
  upload: { limits: { fileSize: MEDIA_MAX_BYTES } },
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
})
