// The layer rule of eslint.config.mjs: each forbidden import fails with a message naming the
// layers, and the imports the layers allow pass.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function importProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message)
}

const use = (names: string) => `\nexport const used = [${names}]\n`

describe('layers', () => {
  it.each([
    ['cms/hooks/example.ts', "import { x } from '../../web/lib/content'", /cms\/ may import/],
    [
      'cms/hooks/example.ts',
      "import { x } from '../../scripts/lib/releases'",
      /never web\/, scripts\//,
    ],
    [
      'cms/domain/example.ts',
      "import { x } from '../i18n/messages'",
      /cms\/domain\/ is the shared layer/,
    ],
    ['cms/domain/example.ts', "import { x } from 'payload'", /free of Payload and Astro/],
    [
      'locales/example.ts',
      "import { x } from '../cms/domain/dates'",
      /locales\/ is the bottom layer/,
    ],
    ['web/lib/example.ts', "import { x } from '../../cms/collections/Events'", /web\/ may import/],
    ['web/lib/example.ts', "import { x } from 'payload'", /never calls Payload/],
    [
      'web/components/Example.astro',
      "---\nimport { x } from '../../cms/settings'\n---\n<p>{x}</p>",
      /web\/ may import/,
    ],
  ])('refuses in %s: %s', async (file, code, message) => {
    const source = file.endsWith('.astro') ? code : code + use('x')
    const problems = await importProblems(file, source)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(message)
    expect(problems[0]).toMatch(/"Layers" in README\.md/)
  })

  it.each([
    ['cms/hooks/example.ts', "import { x } from '../domain/dates'"],
    ['cms/domain/example.ts', "import { x } from '../../locales/config'"],
    ['web/lib/example.ts', "import { x } from '../../cms/domain/dates'"],
    ['web/lib/example.ts', "import type { Event } from '../../cms/payload-types'"],
    ['web/lib/example.ts', "import { x } from '../../locales/i18n'"],
    ['scripts/example.ts', "import { x } from '../web/lib/content'"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await importProblems(file, code + use(code.includes('type') ? '' : 'x'))).toEqual([])
  })
})
