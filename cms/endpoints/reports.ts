// CSV reports for editors: GET /api/reports/{actions,events,resources}.csv (with ?lang=,
// ?delimiter=semicolon, and for events ?from=&to=&commune=), and POST /api/reports/actions.csv
// (?dryRun=1 first) to import actions and indicator values. Editors only; commune editors import
// only into actions their communes lead.
import type { Endpoint, PayloadRequest } from 'payload'
import { isLocaleCode, type LocaleCode } from '../../locales/config'
import { communeIds, hasRole, isStaff, relationId } from '../access/roles'
import { readBoundedBody } from '../http/body'
import { exportActionsCsv, importActionsCsv } from '../reports/actionsCsv'
import { exportEventsCsv, exportResourcesCsv } from '../reports/listsCsv'

const isEditor = (req: PayloadRequest) =>
  hasRole(req.user, 'admin', 'coordinator', 'commune-editor')

const refused = () =>
  Response.json({ error: 'Reports are for editors: sign in to the admin first.' }, { status: 403 })
const badRequest = (error: string) => Response.json({ error }, { status: 400 })

function options(req: PayloadRequest) {
  const query = new URL(req.url ?? 'http://localhost/').searchParams
  const lang = query.get('lang')
  const delimiter = query.get('delimiter')
  return {
    query,
    lang: (isLocaleCode(lang) ? lang : 'fr') as LocaleCode,
    delimiter: delimiter === 'semicolon' || delimiter === ';' ? (';' as const) : (',' as const),
  }
}

function csvFile(name: string, body: string): Response {
  const day = new Date().toISOString().slice(0, 10)
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}-${day}.csv"`,
      'cache-control': 'no-store',
    },
  })
}

const isDay = (value: string | null) => value === null || /^\d{4}-\d{2}-\d{2}$/.test(value)

export const reportEndpoints: Endpoint[] = [
  {
    path: '/reports/actions.csv',
    method: 'get',
    handler: async (req) => {
      if (!isEditor(req)) return refused()
      const { lang, delimiter } = options(req)
      return csvFile(
        'actions',
        await exportActionsCsv(req.payload, { lang, delimiter, user: req.user }),
      )
    },
  },
  {
    path: '/reports/events.csv',
    method: 'get',
    handler: async (req) => {
      if (!isEditor(req)) return refused()
      const { lang, delimiter, query } = options(req)
      const from = query.get('from')
      const to = query.get('to')
      const commune = query.get('commune')
      if (!isDay(from) || !isDay(to)) return badRequest('Give from and to as YYYY-MM-DD.')
      if (commune !== null && !/^[a-z0-9-]{1,80}$/.test(commune))
        return badRequest('Give the commune by its slug, e.g. remich.')
      const filter = { from: from ?? undefined, to: to ?? undefined, commune: commune ?? undefined }
      return csvFile(
        'events',
        await exportEventsCsv(req.payload, { lang, delimiter, filter, user: req.user }),
      )
    },
  },
  {
    path: '/reports/resources.csv',
    method: 'get',
    handler: async (req) => {
      if (!isEditor(req)) return refused()
      const { lang, delimiter } = options(req)
      return csvFile(
        'resources',
        await exportResourcesCsv(req.payload, { lang, delimiter, user: req.user }),
      )
    },
  },
  {
    path: '/reports/actions.csv',
    method: 'post',
    handler: async (req) => {
      if (!isEditor(req)) return refused()
      const { query } = options(req)
      const body = await readBoundedBody(req)
      if (body instanceof Response) return body
      const own = new Set(communeIds(req.user).map(String))
      const report = await importActionsCsv(req.payload, body, {
        user: req.user,
        dryRun: query.get('dryRun') === '1' || query.get('dryRun') === 'true',
        source: 'The file',
        canChange: isStaff(req.user)
          ? undefined
          : (action) =>
              (action.leadCommunes ?? []).some((commune) =>
                own.has(String(relationId(commune as never))),
              ),
      })
      return Response.json(report, {
        status: report.errors.length > 0 ? 422 : 200,
        headers: { 'cache-control': 'no-store' },
      })
    },
  },
]
