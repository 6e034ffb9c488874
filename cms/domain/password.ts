// Password policy: length over composition rules (NIST SP 800-63B), and no obvious guesses.

export const PASSWORD_MIN_LENGTH = 12

const obvious = [
  'password',
  'motdepasse',
  'passwort',
  'zesummen',
  'miselerland',
  'luxembourg',
  'letmein',
  'qwertz',
  'qwerty',
  'azerty',
  'admin',
  '123456',
]

/** The admin messages (cms/i18n/messages.ts) that explain a refused password. */
export type PasswordProblemKey = 'passwordTooShort' | 'passwordTooWeak'

export function passwordProblem(
  password: string,
  personal: unknown[] = [],
): { key: PasswordProblemKey; vars?: Record<string, number> } | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return { key: 'passwordTooShort', vars: { min: PASSWORD_MIN_LENGTH } }
  }
  const lower = password.toLowerCase()
  const personalWords = personal
    .filter((value): value is string => typeof value === 'string' && value.length >= 4)
    .flatMap((value) => value.toLowerCase().split(/[@.\s_-]+/))
    .filter((word) => word.length >= 4)
  const tooFewDistinct = new Set(lower).size < 5
  if (tooFewDistinct || [...obvious, ...personalWords].some((word) => lower.includes(word))) {
    return { key: 'passwordTooWeak' }
  }
  return null
}
