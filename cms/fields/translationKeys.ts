// Where each language's translation state is stored: `translation.langPt` and so on. Not
// `translation.pt`: in a query path a segment named like a locale selects that locale.
import { localeCodes, type LocaleCode } from '../../locales/config'
import type { TranslationState } from '../domain/translationStates'

export const stateKey = (code: LocaleCode) =>
  `lang${code.charAt(0).toUpperCase()}${code.slice(1)}` as const

/** The query path of a language's state, for `where` clauses and admin list links. */
export const statePath = (code: LocaleCode) => `translation.${stateKey(code)}`

/** The stored group as states keyed by language. */
export function statesFromGroup(group: unknown): Partial<Record<LocaleCode, TranslationState>> {
  const stored = (group ?? {}) as Record<string, TranslationState | null | undefined>
  const states: Partial<Record<LocaleCode, TranslationState>> = {}
  for (const code of localeCodes) {
    const state = stored[stateKey(code)]
    if (state) states[code] = state
  }
  return states
}

export function groupFromStates(states: Record<LocaleCode, TranslationState>) {
  return Object.fromEntries(localeCodes.map((code) => [stateKey(code), states[code]]))
}
