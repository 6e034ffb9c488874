// An admin's unlock and a completed password reset let every client try the address again.
import type { CollectionAfterOperationHook } from 'payload'
import { accountKey, signInFailures } from '../security/signInFailures'

export const clearSignInFailures: CollectionAfterOperationHook = ({ operation, args, result }) => {
  if (operation === 'unlock' && result) {
    signInFailures.clear(accountKey((args as { data?: { email?: unknown } }).data?.email))
  }
  if (operation === 'resetPassword') {
    signInFailures.clear(accountKey((result as { user?: { email?: unknown } }).user?.email))
  }
  return result
}
