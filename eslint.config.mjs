// Lint rules for the whole repository (flat config).
import js from '@eslint/js'
import astro from 'eslint-plugin-astro'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// The layers of the code (README, "Layers"): nothing imports a layer above its own.
//   locales/ and cms/domain/ (the shared domain: pure, neither Payload nor Astro)
//   cms/ (Payload) and web/ (Astro): each imports the shared layer, never the other
//   scripts/ (the server and CLIs) and tests/ on top
const LAYERS = 'see "Layers" in README.md'
const frameworks = {
  group: ['payload', 'payload/*', '@payloadcms/*', 'astro', 'astro/*', 'astro:*', 'next', 'next/*'],
  message: `the shared layer (locales/, cms/domain/) stays free of Payload and Astro; ${LAYERS}`,
}
const restrict = (...patterns) => ['error', { patterns }]
const layerRules = [
  {
    files: ['locales/**/*.{ts,mjs}'],
    rules: {
      'no-restricted-imports': restrict(frameworks, {
        regex: '^\\.\\./',
        message: `locales/ is the bottom layer and imports nothing of the portal; ${LAYERS}`,
      }),
    },
  },
  {
    files: ['cms/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(frameworks, {
        // Out of cms/domain/, only to locales/.
        regex: '^\\.\\./(?!\\.\\./locales/)',
        message: `cms/domain/ is the shared layer: it imports locales/ only, not the rest of cms/, web/ or scripts/; ${LAYERS}`,
      }),
    },
  },
  {
    files: ['cms/**/*.{ts,tsx}'],
    ignores: ['cms/domain/**'],
    rules: {
      'no-restricted-imports': restrict({
        regex: '^\\.{1,2}/(.*/)?(web|scripts|tests)/',
        message: `cms/ may import the shared layer (cms/domain/, locales/), never web/, scripts/ or tests/: move what both need into cms/domain/; ${LAYERS}`,
      }),
    },
  },
  {
    files: ['web/**/*.{ts,tsx,astro}'],
    rules: {
      'no-restricted-imports': restrict(
        {
          regex: '^\\.{1,2}/(.*/)?(cms/(?!domain/|payload-types$)|scripts/|tests/)',
          message: `web/ may import the shared layer (cms/domain/, locales/) and cms/payload-types only, never the rest of cms/, scripts/ or tests/; ${LAYERS}`,
        },
        {
          group: ['payload', 'payload/*', '@payloadcms/*'],
          message: `web/ renders the snapshot and never calls Payload; ${LAYERS}`,
        },
      ),
    },
  },
  {
    // Still crossing, until the feeds, the widget and the forms are answered by the site's own
    // server and publishing refreshes the snapshot in place (issue "Live in three seconds").
    files: [
      'cms/endpoints/digest.ts',
      'cms/endpoints/eventFeed.ts',
      'cms/endpoints/eventWidget.ts',
      'cms/endpoints/liveContent.ts',
      'cms/endpoints/submit.ts',
      'cms/jobs/publishSite.ts',
      'cms/jobs/sendDigests.ts',
      'web/components/SubmissionForm.astro',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
]

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'data/',
      'releases/',
      'dist/',
      'export/',
      'cms/.next/',
      'cms/migrations/',
      'cms/payload-types.ts',
      'cms/app/(payload)/admin/importMap.js',
      'cms/next-env.d.ts',
      '.astro/',
      'tests/.tmp/',
      'tests/e2e/screenshots/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs['flat/base'],
  {
    files: ['public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  ...layerRules,
)
