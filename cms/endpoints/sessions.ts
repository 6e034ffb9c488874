// Sign-in, sign-out and session refresh of the users collection, one at a time per account.
//
// Payload keeps an account's sessions in an array on the user document. Its login reads the
// document before its transaction and writes the whole array back afterwards, so two sign-ins of
// the same account at once keep only one of the two new sessions, and a sign-out in between is
// undone (payloadcms/payload#18132, open for 3.90). The other sign-in then holds a valid-looking
// token that /users/me answers with `user: null`. The portal queues these three operations per
// account. Sign-in is Payload's own handler, restated here around the queue; sign-out and refresh
// hand over to Payload's handlers.
import {
  addDataAndFileToRequest,
  AuthenticationError,
  headersWithCors,
  loginOperation,
  type Endpoint,
  type PayloadRequest,
} from 'payload'
import { generatePayloadCookie } from 'payload/shared'
import { fieldText } from '../http/body'
import { oneAtATime } from '../oneAtATime'
import { comparePasswordWithoutAccount } from '../security/passwordHash'
import { clientAddress } from '../security/clientAddress'
import { rateLimit, tooManyAnswer } from '../security/rateLimit'
import { accountKey, signInFailures } from '../security/signInFailures'

async function accountExists(req: PayloadRequest, email: string): Promise<boolean> {
  const { totalDocs } = await req.payload.count({
    collection: 'users',
    where: { email: { equals: accountKey(email) } },
    overrideAccess: true,
  })
  return totalDocs > 0
}

/** Sign-ins per client: an office behind one address signs in a few times, not dozens. */
export const LOGIN_CLIENT_LIMIT = { points: 30, seconds: 10 * 60 }
const loginLimit = rateLimit(LOGIN_CLIENT_LIMIT.points, LOGIN_CLIENT_LIMIT.seconds)

export const loginEndpoint: Endpoint = {
  path: '/login',
  method: 'post',
  handler: async (req) => {
    const decision = await loginLimit.check(req.headers)
    if (!decision.allowed) return tooManyAnswer(req, 'signInTooMany', decision.retryAfterSeconds)
    await addDataAndFileToRequest(req)
    const email = fieldText(req.data?.email, 320)
    const password = typeof req.data?.password === 'string' ? req.data.password : ''
    // As Payload's handler: the default depth unless the query names a number.
    const depthParam = req.searchParams.get('depth')
    const depth = depthParam === null || depthParam.trim() === '' ? NaN : Number(depthParam)
    const address = accountKey(email)
    const client = clientAddress(req.headers)
    return oneAtATime(address, async () => {
      // Counted per address and client together: see signInFailures.ts.
      const held = signInFailures.check(address, client)
      if (held.heldBack) return tooManyAnswer(req, 'signInHeldBack', held.retryAfterSeconds)
      const collection = req.payload.collections.users
      const result = await loginOperation({
        collection,
        data: { email, password },
        depth: Number.isInteger(depth) && depth >= 0 ? depth : undefined,
        req,
      }).catch(async (error: unknown) => {
        // Payload answers an unknown address before any password check: as fast a refusal
        // would tell which addresses have accounts.
        if (error instanceof AuthenticationError) {
          signInFailures.fail(address, client)
          if (!(await accountExists(req, email))) await comparePasswordWithoutAccount(password)
        }
        throw error
      })
      signInFailures.succeed(address, client)
      const cookie = generatePayloadCookie({
        collectionAuthConfig: collection.config.auth,
        cookiePrefix: req.payload.config.cookiePrefix,
        token: result.token!,
      })
      return Response.json(
        { message: req.t('authentication:passed'), ...result },
        { headers: headersWithCors({ headers: new Headers({ 'Set-Cookie': cookie }), req }) },
      )
    })
  },
}

/** Payload's own handler for the same route, queued behind the account's other session changes. */
function queuedDefault(path: string): Endpoint {
  return {
    path,
    method: 'post',
    // Marks this endpoint apart from Payload's (the sanitized config may hold copies).
    custom: { queuedSessionChange: true },
    handler: async (req: PayloadRequest) => {
      const endpoints = req.payload.collections.users.config.endpoints || []
      const payloads = endpoints.find(
        (e) => e.path === path && e.method === 'post' && !e.custom?.queuedSessionChange,
      )
      if (!payloads) throw new Error(`Payload has no ${path} endpoint for users`)
      return oneAtATime(accountKey(req.user?.email), () => Promise.resolve(payloads.handler(req)))
    },
  }
}

export const logoutEndpoint = queuedDefault('/logout')
export const refreshEndpoint = queuedDefault('/refresh-token')
