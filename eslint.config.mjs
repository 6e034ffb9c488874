// Lint rules for the whole repository (flat config).
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'data/',
      'releases/',
      'dist/',
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
)
