// The states a language of a document can be in (shared by the CMS and its admin components).
export const translationStates = ['source', 'complete', 'missing', 'outdated'] as const
export type TranslationState = (typeof translationStates)[number]
