// Payload's password hashing (payload/dist/auth/strategies/local/generatePasswordSaltHash.js,
// not exported): a sign-in with an address that has no account runs the same comparison, so the
// answer takes as long as for a wrong password of an existing account.
import { pbkdf2, randomBytes } from 'node:crypto'

export const PASSWORD_HASH = {
  prefix: 'pbkdf2-sha256-v1:',
  iterations: 600_000,
  keyLength: 32,
  digest: 'sha256',
} as const

export function passwordHash(password: string, salt: string): Promise<Buffer> {
  const { iterations, keyLength, digest } = PASSWORD_HASH
  return new Promise((resolve, reject) =>
    pbkdf2(password, salt, iterations, keyLength, digest, (error, hash) =>
      error ? reject(error) : resolve(hash),
    ),
  )
}

const decoySalt = randomBytes(32).toString('hex')

/** The cost of checking a password against a stored hash, for an account that does not exist. */
export async function comparePasswordWithoutAccount(password: string): Promise<void> {
  await passwordHash(password, decoySalt)
}
