// Test projects: unit (pure functions), components (Astro components through the container API,
// vitest.components.config.ts), int (real Payload on a fresh SQLite file each file; the
// same suite again on MongoDB when MONGODB_URL is set), e2e (`npm start` and real Chromium).
import { defineConfig } from 'vitest/config'

const integration = {
  include: ['tests/int/**/*.test.ts'],
  setupFiles: ['tests/int/setup.ts'],
  pool: 'forks' as const,
  fileParallelism: false,
  testTimeout: 60_000,
  hookTimeout: 180_000,
}

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      'vitest.components.config.ts',
      { test: { name: 'int', ...integration, env: { TEST_DATABASE: 'sqlite' } } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 120_000,
          // The first start builds the CMS (about a minute on 2 cores).
          hookTimeout: 900_000,
        },
      },
      ...(process.env.MONGODB_URL
        ? [{ test: { name: 'int-mongodb', ...integration, env: { TEST_DATABASE: 'mongodb' } } }]
        : []),
    ],
  },
})
