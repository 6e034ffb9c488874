// The benchmark's results: their shape, the percentile rule, and the markdown table that
// `npm run bench` prints and keeps in bench/results/latest.md (targets from issue #9).

import type { FeedTiming } from './feedTiming'
import type { LighthouseScores } from './lighthouse'

interface LoadResult {
  perSecond: number
  p50Ms: number
  p99Ms: number
  errors: number
  connections: number
}

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
  /** The Astro server build: code and assets, no content. */
  siteBuild: { seconds: number; peakMiB: number | null }
  /** The first publish from the database: live after `liveSeconds`, search index in `seconds`. */
  publish: {
    liveSeconds: number | null
    searchPages: number | null
    seconds: number
    peakMiB: number | null
    indexBytes: number
  }
  export: { seconds: number; files: number; peakMiB: number | null }
  feed: FeedTiming
  pages: { path: string; htmlGzip: number; jsGzip: number }[]
  server: {
    /** The very first page: every event's view is made for it. */
    firstRenderOfAllMs: number
    /** Median of five event pages not asked for before, and the same asked again. */
    coldRenderMs: number
    warmMs: number
    cached: { portal: LoadResult; nginx: LoadResult | null }
    /** Filtered event listings: first renders (median), one cached beside the export's listing. */
    finder?: {
      queries: number
      coldRenderMs: number
      cached: { portal: LoadResult; nginx: LoadResult | null }
    }
    rest: LoadResult
    /** Five publishes of one event, each until its page showed it. */
    publishToLiveSeconds: number[]
    searchAfterPublishSeconds: number | null
    memoryMiB: number
    debounceSeconds: number
  } | null
  firstSearchBytes: Record<string, number>
  lighthouse: { done: true; pages: LighthouseScores[] } | { done: false; reason: string }
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

/** Met / missed against a target, or "—" when there is none. */
const verdict = (ok: boolean | null) => (ok === null ? '—' : ok ? 'met' : 'missed')

export function resultsTable(results: BenchResults): string {
  const { siteBuild, publish, feed, server } = results
  const searchSizes = Object.values(results.firstSearchBytes)
  const eventPage = results.pages[2]
  const publishes = server ? [...server.publishToLiveSeconds].sort((a, b) => a - b) : []
  const p50 = publishes[Math.floor(publishes.length / 2)]
  const worst = publishes.at(-1)
  const { portal, nginx } = server?.cached ?? { portal: null, nginx: null }
  type Row = [string, string, string, string]
  const notMeasured = 'not measured (--skip-server)'
  const rows: Row[] = [
    [
      'Generate (events/s)',
      `${results.generate.eventsPerSecond ?? '—'} events/s (${s(results.generate.seconds)} in all)`,
      '—',
      '—',
    ],
    ['Site build (code only)', `${s(siteBuild.seconds)}`, '—', '—'],
    [
      'First publish from the database',
      `live after ${publish.liveSeconds === null ? '—' : s(publish.liveSeconds)}; search index of ${publish.searchPages ?? '—'} pages (${mib(publish.indexBytes)}) after ${s(publish.seconds)}; peak ${publish.peakMiB ?? '—'} MiB`,
      '—',
      '—',
    ],
    [
      'Static export, search included',
      `${s(results.export.seconds)}, ${results.export.files} files, peak ${results.export.peakMiB ?? '—'} MiB`,
      '≤ 150 s',
      verdict(results.export.seconds <= 150),
    ],
    [
      'Publish on the real server → event page live',
      server
        ? `p50 ${p50 === undefined ? '—' : s(p50)}, worst ${worst === undefined ? '—' : s(worst)} (${server.publishToLiveSeconds.map((value) => value.toFixed(2)).join(', ')} s; debounce ${server.debounceSeconds} s included)`
        : notMeasured,
      'p50 ≤ 3 s, worst ≤ 6 s',
      server ? verdict((p50 ?? Infinity) <= 3 && (worst ?? Infinity) <= 6) : '—',
    ],
    [
      'Search index updated after a publish',
      server
        ? server.searchAfterPublishSeconds === null
          ? 'not within 10 min'
          : s(server.searchAfterPublishSeconds)
        : notMeasured,
      '≤ 90 s',
      server ? verdict((server.searchAfterPublishSeconds ?? Infinity) <= 90) : '—',
    ],
    [
      'Event page first render (cache cold)',
      server
        ? `${server.coldRenderMs.toFixed(1)} ms (median of 5; the very first page of all ${server.firstRenderOfAllMs.toFixed(0)} ms; cached ${server.warmMs.toFixed(1)} ms)`
        : notMeasured,
      '≤ 25 ms',
      server ? verdict(server.coldRenderMs <= 25) : '—',
    ],
    [
      'Cached page, 100 connections: throughput',
      portal
        ? `${portal.perSecond}/s${nginx ? ` vs nginx ${nginx.perSecond}/s (×${(portal.perSecond / nginx.perSecond).toFixed(2)})` : ' (nginx not available)'}; errors ${portal.errors}`
        : notMeasured,
      '≥ 0.5× nginx',
      portal && nginx ? verdict(portal.perSecond / nginx.perSecond >= 0.5) : '—',
    ],
    [
      'Cached page, 100 connections: p99',
      portal
        ? `${portal.p99Ms} ms${nginx ? ` vs nginx ${nginx.p99Ms} ms (×${(portal.p99Ms / Math.max(1, nginx.p99Ms)).toFixed(1)})` : ''}`
        : notMeasured,
      '≤ 2× nginx',
      portal && nginx ? verdict(portal.p99Ms <= 2 * Math.max(1, nginx.p99Ms)) : '—',
    ],
    [
      'Filtered event listing first render (cache cold)',
      server?.finder
        ? `${server.finder.coldRenderMs.toFixed(1)} ms (median of ${server.finder.queries} filters)`
        : notMeasured,
      '—',
      '—',
    ],
    [
      'Cached filtered listing, 100 connections: throughput',
      server?.finder
        ? `${server.finder.cached.portal.perSecond}/s, p99 ${server.finder.cached.portal.p99Ms} ms${
            server.finder.cached.nginx
              ? ` vs nginx serving the export's listing ${server.finder.cached.nginx.perSecond}/s, p99 ${server.finder.cached.nginx.p99Ms} ms`
              : ' (nginx not available)'
          }; errors ${server.finder.cached.portal.errors}`
        : notMeasured,
      '—',
      '—',
    ],
    [
      'Server memory after the bench (RSS)',
      server ? `${server.memoryMiB} MiB` : notMeasured,
      '≤ 1.5 GiB',
      server ? verdict(server.memoryMiB <= 1536) : '—',
    ],
    [
      'First search download',
      searchSizes.length
        ? Object.entries(results.firstSearchBytes)
            .map(([lang, bytes]) => `${lang} ${kib(bytes)}`)
            .join(', ')
        : notMeasured,
      '< 150 KiB',
      searchSizes.length ? verdict(Math.max(...searchSizes) < 150 * 1024) : '—',
    ],
    [
      'All-events feed (fr)',
      `${feed.events} events, ${mib(feed.bytes)}: ${feed.afterChangeSeconds.toFixed(2)} s after a content change (every event's view built again), ${feed.firstSeconds.toFixed(2)} s on a fresh process's first call, ${feed.warmSeconds.toFixed(2)} s warm`,
      '< 1 s',
      verdict(feed.afterChangeSeconds < 1),
    ],
    ...results.pages.map((page): Row => [
      `Page ${page.path.length > 40 ? `${page.path.slice(0, 37)}…` : page.path}`,
      `HTML ${kib(page.htmlGzip)} gzip, JS ${kib(page.jsGzip)} gzip`,
      page === eventPage ? '< 15 KiB HTML, no JS' : '—',
      page === eventPage ? verdict(page.htmlGzip < 15 * 1024 && page.jsGzip === 0) : '—',
    ]),
    [
      'REST /api/events?limit=10',
      server
        ? `p50 ${server.rest.p50Ms} ms, p99 ${server.rest.p99Ms} ms, ${server.rest.perSecond} req/s, ${server.rest.connections} connections, ${server.rest.errors} errors`
        : notMeasured,
      '—',
      '—',
    ],
    ...(results.lighthouse.done
      ? results.lighthouse.pages.map((page): Row => {
          const { performance, accessibility } = page.scores
          const practices = page.scores['best-practices']
          return [
            `Lighthouse ${page.path.length > 30 ? `${page.path.slice(0, 27)}…` : page.path}`,
            `performance ${performance ?? '—'}, accessibility ${accessibility ?? '—'}, best practices ${practices ?? '—'}`,
            '≥ 95 / 100 / 100',
            verdict((performance ?? 0) >= 95 && accessibility === 100 && practices === 100),
          ]
        })
      : [['Lighthouse', `not done: ${results.lighthouse.reason}`, '≥ 95 / 100 / 100', '—'] as Row]),
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
