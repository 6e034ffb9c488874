// The benchmark's results: their shape, the percentile rule, and the markdown table that
// `npm run bench` prints and keeps in bench/results/latest.md (targets from issue #9).

import type { FeedTiming } from './feedTiming'
import type { LighthouseScores } from './lighthouse'

export interface BenchResults {
  date: string
  machine: {
    cpus: number
    cpuModel: string
    memoryGiB: number
    node: string
    loadAverageAtStart: number
  }
  options: { events: number; resources: number; actions: number; seed: number }
  generate: { seconds: number; eventsPerSecond: number | null }
  build: {
    seconds: number
    pages: number
    files: number
    peakMiB: number | null
    steps: Record<string, number>
  }
  baseline: {
    pages: number
    seconds: number
    msPerPage: number
    siteAstroMsPerPage: number
    /** The site's Astro step against the bare project's build, same number of pages. */
    ratio: number
  }
  pagefind: { seconds: number; indexBytes: number; firstSearchBytes: Record<string, number> }
  feed: FeedTiming
  pages: { path: string; htmlGzip: number; jsGzip: number }[]
  rebuild: {
    /** Until the process ended (an incremental build refreshes search after going live). */
    seconds: number
    /** Until the release was live. */
    liveSeconds: number
    mode: string
    steps: Record<string, number>
  }
  server: {
    rest: {
      requests: number
      perSecond: number
      p50Ms: number
      p95Ms: number
      errors: number
      connections: number
    }
    publishToLiveSeconds: number | null
    debounceSeconds: number
    /** The server's builds after the save (absent in results from before it was recorded). */
    publishBuilds?: {
      status: string
      startedAfterSeconds: number | null
      liveAfterSeconds: number | null
      steps: Record<string, number>
    }[]
  } | null
  lighthouse: { done: true; pages: LighthouseScores[] } | { done: false; reason: string }
}

/** The server's builds after the publish: when each started, and its own time until live. */
function publishBuildsText(builds: NonNullable<BenchResults['server']>['publishBuilds']): string {
  if (!builds?.length) return ''
  const parts = builds.map((build) => {
    const started =
      build.startedAfterSeconds === null
        ? ''
        : `started ${s(build.startedAfterSeconds)} after the save, `
    const steps = Object.entries(build.steps)
      .filter(([name]) => name !== 'search')
      .map(([name, value]) => `${name} ${ms(value)}`)
      .join(', ')
    return `${started}live after ${build.liveAfterSeconds === null ? '—' : s(build.liveAfterSeconds)} of its own (${steps}; ${build.status})`
  })
  return `; ${builds.length === 1 ? 'its build' : `${builds.length} builds`}: ${parts.join('; ')}`
}

/** The value below which `share` of the sorted values lie (nearest rank). */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil(share * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
const s = (seconds: number) => `${seconds.toFixed(1)} s`
const ms = (milliseconds: number | undefined) =>
  milliseconds === undefined ? '—' : s(milliseconds / 1000)

/** Met / missed against a target, or "—" when there is none. */
const verdict = (ok: boolean | null) => (ok === null ? '—' : ok ? 'met' : 'missed')

export function resultsTable(results: BenchResults): string {
  const { build, baseline, pagefind, feed, rebuild, server } = results
  const searchMax = Math.max(...Object.values(pagefind.firstSearchBytes))
  const eventPage = results.pages[2]
  const rows: [string, string, string, string][] = [
    [
      'Generate (events/s)',
      `${results.generate.eventsPerSecond ?? '—'} events/s (${s(results.generate.seconds)} in all)`,
      '—',
      '—',
    ],
    [
      'Full build (incl. Pagefind, compression)',
      `${s(build.seconds)}, ${build.pages} pages, ${build.files} files`,
      '< 180 s',
      verdict(build.seconds < 180),
    ],
    [
      'Peak memory (largest process)',
      build.peakMiB === null ? '—' : `${build.peakMiB} MiB`,
      '—',
      '—',
    ],
    [
      'Build steps',
      ['snapshot', 'astro', 'media', 'pagefind', 'compress']
        .map((name) => `${name} ${ms(build.steps[name])}`)
        .join(', '),
      '—',
      '—',
    ],
    [
      'Per page vs bare Astro',
      `${baseline.siteAstroMsPerPage.toFixed(2)} ms vs ${baseline.msPerPage.toFixed(2)} ms (×${baseline.ratio.toFixed(2)})`,
      '≤ ×1.5',
      verdict(baseline.ratio <= 1.5),
    ],
    ['Pagefind indexing', s(pagefind.seconds), '—', '—'],
    ['Pagefind index size', mib(pagefind.indexBytes), '—', '—'],
    [
      'First search download',
      Object.entries(pagefind.firstSearchBytes)
        .map(([lang, bytes]) => `${lang} ${kib(bytes)}`)
        .join(', '),
      '< 150 KiB',
      verdict(searchMax < 150 * 1024),
    ],
    [
      'All-events feed (fr)',
      `${feed.events} events, ${mib(feed.bytes)}: ${feed.afterChangeSeconds.toFixed(2)} s after a content change (every event's view built again), ${feed.firstSeconds.toFixed(2)} s on a fresh process's first call, ${feed.warmSeconds.toFixed(2)} s warm`,
      '< 1 s',
      verdict(feed.afterChangeSeconds < 1),
    ],
    ...results.pages.map((page): [string, string, string, string] => [
      `Page ${page.path.length > 40 ? `${page.path.slice(0, 37)}…` : page.path}`,
      `HTML ${kib(page.htmlGzip)} gzip, JS ${kib(page.jsGzip)} gzip`,
      page === eventPage ? '< 15 KiB HTML, no JS' : '—',
      page === eventPage ? verdict(page.htmlGzip < 15 * 1024 && page.jsGzip === 0) : '—',
    ]),
    [
      'Rebuild after one event changed',
      `${rebuild.mode === 'partial' ? 'incremental: ' : ''}live after ${s(rebuild.liveSeconds)} (${Object.entries(
        rebuild.steps,
      )
        .map(([name, value]) => `${name} ${ms(value)}`)
        .join(', ')}); process done, search index included, after ${s(rebuild.seconds)}`,
      '—',
      '—',
    ],
    [
      'Publish to live (real server)',
      server?.publishToLiveSeconds
        ? `${s(server.publishToLiveSeconds)} (debounce ${server.debounceSeconds} s included)${publishBuildsText(server.publishBuilds)}`
        : server
          ? 'not live within 15 min'
          : 'not measured (--skip-server)',
      '< 30 s',
      server ? verdict((server.publishToLiveSeconds ?? Infinity) < 30) : '—',
    ],
    [
      'REST /api/events?limit=10',
      server
        ? `p50 ${server.rest.p50Ms} ms, p95 ${server.rest.p95Ms} ms, ${server.rest.perSecond} req/s, ${server.rest.connections} connections, ${server.rest.errors} errors`
        : 'not measured (--skip-server)',
      '—',
      '—',
    ],
    ...(results.lighthouse.done
      ? results.lighthouse.pages.map((page): [string, string, string, string] => {
          const { performance, accessibility } = page.scores
          const practices = page.scores['best-practices']
          return [
            `Lighthouse ${page.path.length > 30 ? `${page.path.slice(0, 27)}…` : page.path}`,
            `performance ${performance ?? '—'}, accessibility ${accessibility ?? '—'}, best practices ${practices ?? '—'}`,
            '≥ 95 / 100 / 100',
            verdict((performance ?? 0) >= 95 && accessibility === 100 && practices === 100),
          ]
        })
      : [
          ['Lighthouse', `not done: ${results.lighthouse.reason}`, '≥ 95 / 100 / 100', '—'] as [
            string,
            string,
            string,
            string,
          ],
        ]),
  ]
  const { machine, options } = results
  return [
    `# Benchmark ${results.date.slice(0, 10)}`,
    '',
    `${options.events} events, ${options.resources} resources, ${options.actions} actions (seed ${options.seed}); ` +
      `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, ` +
      `load average ${machine.loadAverageAtStart.toFixed(2)} at start.`,
    '',
    '| Measure | Result | Target | |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ].join('\n')
}
