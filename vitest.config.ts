// Test projects: unit (pure functions), int (real Payload on a fresh SQLite file each file; the
// same suite again on MongoDB when MONGODB_URL is set).
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
      { test: { name: 'int', ...integration, env: { TEST_DATABASE: 'sqlite' } } },
      ...(process.env.MONGODB_URL
        ? [{ test: { name: 'int-mongodb', ...integration, env: { TEST_DATABASE: 'mongodb' } } }]
        : []),
    ],
  },
})
