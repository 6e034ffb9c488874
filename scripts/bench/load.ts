// npm run bench:load [-- --url http://localhost:3000 --seconds 10 --connections 100]: a bounded
// load test on loopback against a running portal (`npm start`): static pages and the REST API
// under concurrent connections. Prints latency percentiles, throughput and errors per route.
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '100' },
  },
})
const base = new URL(values.url)
if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(base.hostname)) {
  console.error('[load] Only loopback addresses: this is a test of this machine, not of a site.')
  process.exit(1)
}
const duration = Math.min(60, Math.max(1, Number(values.seconds)))
const connections = Math.min(500, Math.max(1, Number(values.connections)))

const routes = [
  ['home (en)', '/en/'],
  ['event list (en)', '/en/events/'],
  ['event page (fr)', '/fr/events/language-cafe-remich/'],
  ['REST /api/events', '/api/events?limit=10&depth=0'],
]

console.log(`| route | requests/s | p50 ms | p97.5 ms | p99 ms | errors | non-2xx |`)
console.log(`|---|---|---|---|---|---|---|`)
let failures = 0
for (const [name, pathname] of routes) {
  const result = await autocannon({
    url: new URL(pathname!, base).toString(),
    connections,
    duration,
    headers: { 'accept-encoding': 'br, gzip' },
  })
  const { latency } = result
  failures += result.errors + result.non2xx
  console.log(
    `| ${name} | ${Math.round(result.requests.average)} | ${latency.p50} | ${latency.p97_5} | ${latency.p99} | ${result.errors} | ${result.non2xx} |`,
  )
}
console.log(
  `\n${connections} connections, ${duration} s per route, ${base.origin} (autocannon; it reports p97.5, not p95).`,
)
process.exit(failures ? 1 : 0)
