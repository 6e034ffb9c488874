// The digest form's values, checked: an address, a language of the site, a frequency, and only
// published communes, categories, target groups and known spoken languages. Errors are message
// keys (locales/), shown next to their field in the reader's language.
import { isLocaleCode } from '../../locales/config'
import { DIGEST_EMAIL_MAX, type DigestFrequency, digestFrequencies } from '../domain/digest'
import { spokenLanguages } from '../domain/valueLists'
import type { FormValues } from '../submissions/validate'
import type { SubscriptionChoices } from './subscriptions'

export interface KnownDigestChoices {
  communes: ReadonlyMap<string, number>
  categories: ReadonlyMap<string, number>
  targetGroups: ReadonlyMap<string, number>
}

export type DigestFormResult =
  | { ok: true; email: string; choices: SubscriptionChoices }
  | { ok: false; errors: Record<string, string> }

/** At most this many values in one list: more than any list of the form offers. */
const LIST_MAX = 50
const emailPattern = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/
const spokenCodes = new Set<string>(spokenLanguages.map((language) => language.value))

/** Checks the form; `withAddress` is false when a signed link already names the subscription. */
export function validateDigestForm(
  values: FormValues,
  known: KnownDigestChoices,
  withAddress: boolean,
): DigestFormResult {
  const errors: Record<string, string> = {}
  const one = (name: string) => (values.get(name)?.at(-1) ?? '').trim()
  const many = (name: string) => [...new Set(values.get(name) ?? [])].slice(0, LIST_MAX + 1)
  const ids = (name: string, map: ReadonlyMap<string, number>) => {
    const slugs = many(name)
    if (slugs.length > LIST_MAX || slugs.some((slug) => !map.has(slug)))
      errors[name] = 'submit.error.unknownChoice'
    return slugs.filter((slug) => map.has(slug)).map((slug) => map.get(slug)!)
  }
  const email = one('email')
  if (withAddress && (email.length > DIGEST_EMAIL_MAX || !emailPattern.test(email)))
    errors.email = 'submit.error.email'
  const language = one('language')
  if (!isLocaleCode(language)) errors.language = 'submit.error.unknownChoice'
  const frequency = one('frequency')
  if (!(digestFrequencies as readonly string[]).includes(frequency))
    errors.frequency = 'submit.error.unknownChoice'
  const communes = ids('communes', known.communes)
  const categories = ids('categories', known.categories)
  const targetGroups = ids('targetGroups', known.targetGroups)
  const spoken = many('spoken')
  if (spoken.some((code) => !spokenCodes.has(code))) errors.spoken = 'submit.error.unknownChoice'
  if (withAddress && one('consent') !== 'yes') errors.consent = 'digest.error.consent'
  if (Object.keys(errors).length) return { ok: false, errors }
  return {
    ok: true,
    email,
    choices: {
      language: language as SubscriptionChoices['language'],
      frequency: frequency as DigestFrequency,
      communes,
      categories,
      targetGroups,
      spoken,
    },
  }
}
