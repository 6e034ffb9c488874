// The coordinator's answer to a person's data request (GDPR articles 15 and 17), by the email
// address they used in the forms or for the digest: GET …/personal-data?email= exports everything as JSON,
// POST …/personal-data/erase {email} erases it. Admins and the coordinator only.
import type { Endpoint, PayloadRequest } from 'payload'
import { isStaff } from '../access/roles'
import { SUBMISSION_LIMITS } from '../domain/submissionLimits'
import { erasePersonalData, exportPersonalData } from '../submissions/privacy'

const emailPattern = /^[^\s@]+@[^\s@]+$/

function refusal(req: PayloadRequest): Response | null {
  if (!isStaff(req.user))
    return Response.json(
      { error: 'Only admins and the coordinator answer data requests.' },
      { status: 403 },
    )
  return null
}

function checkedEmail(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const email = value.trim()
  return email.length <= SUBMISSION_LIMITS.email && emailPattern.test(email) ? email : null
}

const badEmail = () =>
  Response.json({ error: 'Give the email address the person used in the forms.' }, { status: 400 })

export const personalDataExportEndpoint: Endpoint = {
  path: '/personal-data',
  method: 'get',
  handler: async (req) => {
    const refused = refusal(req)
    if (refused) return refused
    const email = checkedEmail(new URL(req.url ?? 'http://localhost/').searchParams.get('email'))
    if (!email) return badEmail()
    const data = await exportPersonalData(req.payload, email)
    req.payload.logger.info(
      `Personal data exported (${data.submissions.length} submissions, ${data.digestSubscriptions.length} digest subscriptions).`,
    )
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': 'attachment; filename="personal-data.json"',
        'cache-control': 'no-store',
      },
    })
  },
}

export const personalDataEraseEndpoint: Endpoint = {
  path: '/personal-data/erase',
  method: 'post',
  handler: async (req) => {
    const refused = refusal(req)
    if (refused) return refused
    let body: unknown
    try {
      body = await (req as unknown as Request).json()
    } catch {
      return badEmail()
    }
    const email = checkedEmail((body as { email?: unknown } | null)?.email)
    if (!email) return badEmail()
    const result = await erasePersonalData(req.payload, email, req)
    req.payload.logger.info(
      `Personal data erased: ${result.deleted} submissions deleted, ${result.anonymised} anonymised, ${result.unsubscribed} digest subscriptions deleted.`,
    )
    return Response.json(result, { headers: { 'cache-control': 'no-store' } })
  },
}
