// The two steps of "Forgot password?", replacing Payload's handlers for the users collection
// with the same answers, for two reasons:
// - forgot-password runs outside a database transaction (see runWithoutTransaction): Payload's
//   operation writes outside the transaction it opened, which SQLite's single writer refuses;
// - reset-password applies the portal's password rules first: Payload's reset skips the
//   collection's hooks, so a weak password could otherwise be set this way.
import { addDataAndFileToRequest, APIError, type Endpoint } from 'payload'
import { generatePayloadCookie } from 'payload/shared'
import { fieldText } from '../http/body'
import { runWithoutTransaction } from '../database'
import { passwordProblem } from '../domain/password'
import { requestMessage } from '../i18n/messages'
import { rateLimit, tooManyAnswer } from '../security/rateLimit'
import { deliverLater } from '../submissions/emails'

/** Reset requests per client: each one may send a mail. */
export const FORGOT_PASSWORD_CLIENT_LIMIT = { points: 10, seconds: 60 * 60 }
const forgotLimit = rateLimit(
  FORGOT_PASSWORD_CLIENT_LIMIT.points,
  FORGOT_PASSWORD_CLIENT_LIMIT.seconds,
)

export const forgotPasswordEndpoint: Endpoint = {
  path: '/forgot-password',
  method: 'post',
  handler: async (req) => {
    const decision = await forgotLimit.check(req.headers)
    if (!decision.allowed) return tooManyAnswer(req, 'resetTooMany', decision.retryAfterSeconds)
    await addDataAndFileToRequest(req)
    const email = fieldText(req.data?.email, 320)
    if (!email.trim()) throw new APIError(requestMessage(req, 'invalidEmail'), 400, undefined, true)
    // The same answer, as fast, whether or not an account exists: no way to test addresses. The
    // token and the mail are made after the answer (a failure is logged).
    deliverLater(req.payload, () =>
      runWithoutTransaction(() =>
        req.payload.forgotPassword({ collection: 'users', data: { email }, req }),
      ),
    )
    return Response.json({ message: req.t('general:success') })
  },
}

export const resetPasswordEndpoint: Endpoint = {
  path: '/reset-password',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const password = typeof req.data?.password === 'string' ? req.data.password : ''
    const token = fieldText(req.data?.token, 200)
    const problem = passwordProblem(password, [])
    if (problem) {
      const message = requestMessage(req, problem.key, problem.vars)
      throw new APIError(message, 400, [{ path: 'password', message }], true)
    }
    const result = await req.payload.resetPassword({
      collection: 'users',
      data: { password, token },
      overrideAccess: true,
      req,
    })
    const users = req.payload.collections.users.config
    const cookie = generatePayloadCookie({
      collectionAuthConfig: users.auth,
      cookiePrefix: req.payload.config.cookiePrefix,
      token: result.token!,
    })
    return Response.json(
      { message: req.t('authentication:passwordResetSuccessfully'), ...result },
      { headers: { 'set-cookie': cookie } },
    )
  },
}
