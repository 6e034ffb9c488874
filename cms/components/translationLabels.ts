// Labels of translation states in the editor's admin language, shared by the status panel, the
// list column and the dashboard.
import type { TranslationState } from '../domain/translationStates'
import { message, type MessageKey } from '../i18n/messages'

const stateKeys: Record<TranslationState, MessageKey> = {
  source: 'translationStateSource',
  complete: 'translationStateComplete',
  missing: 'translationStateMissing',
  outdated: 'translationStateOutdated',
}

export function stateLabel(state: TranslationState | null | undefined, language: string): string {
  return message(state ? stateKeys[state] : 'translationStateUnknown', language)
}

/** A mark that does not rely on colour: ✓ complete, ★ source, ! outdated, ✗ missing. */
export const stateSymbol: Record<TranslationState, string> = {
  source: '★',
  complete: '✓',
  missing: '✗',
  outdated: '!',
}
