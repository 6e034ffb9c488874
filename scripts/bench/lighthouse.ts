// Lighthouse scores (performance, accessibility, best practices) of a served site, in Debian's
// Chromium, with Lighthouse's default mobile emulation and simulated throttling. Part of
// `npm run bench`; alone: `npm run bench:lighthouse -- <address of a running portal> [paths…]`.
import { parseArgs } from 'node:util'
import { freePort } from './local'

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const

export interface LighthouseScores {
  path: string
  scores: Record<(typeof LIGHTHOUSE_CATEGORIES)[number], number | null>
  /** Audits that scored below 1 in the categories, for the next fix. */
  failing: string[]
}

export async function lighthouseScores(
  siteUrl: string,
  paths: readonly string[],
): Promise<LighthouseScores[]> {
  const { default: lighthouse } = await import('lighthouse')
  const { launchBrowser } = await import('../../tests/e2e/server')
  const port = await freePort()
  const browser = await launchBrowser([`--remote-debugging-port=${port}`])
  try {
    const results: LighthouseScores[] = []
    for (const pathname of paths) {
      const run = await lighthouse(`${siteUrl}${pathname}`, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...LIGHTHOUSE_CATEGORIES],
      })
      if (!run) throw new Error(`Lighthouse returned nothing for ${pathname}`)
      const { categories, audits } = run.lhr
      const scores = Object.fromEntries(
        LIGHTHOUSE_CATEGORIES.map((name) => {
          const score = categories[name]?.score
          return [name, typeof score === 'number' ? Math.round(score * 100) : null]
        }),
      ) as LighthouseScores['scores']
      const failing = LIGHTHOUSE_CATEGORIES.flatMap((name) =>
        (categories[name]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => audits[ref.id])
          .filter((audit) => audit && audit.score !== null && audit.score < 1)
          .map((audit) => `${name}: ${audit!.id} (${audit!.displayValue ?? audit!.score})`),
      )
      results.push({ path: pathname, scores, failing })
    }
    return results
  } finally {
    await browser.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { positionals } = parseArgs({ allowPositionals: true })
  const [url, ...paths] = positionals
  if (!url) {
    console.error('Usage: npm run bench:lighthouse -- http://localhost:3000 [/fr/ /fr/events/ …]')
    process.exit(2)
  }
  const results = await lighthouseScores(url, paths.length ? paths : ['/fr/', '/fr/events/'])
  console.log(JSON.stringify(results, null, 2))
}
