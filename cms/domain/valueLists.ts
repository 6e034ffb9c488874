// Value lists that the CMS's fields and the site's pages both use: the site names and filters by
// the same values the editors choose from.

/**
 * Languages that can be spoken at an event, offered by a service or interpreted. ISO 639 codes;
 * the site names them with Intl.DisplayNames in the reader's language.
 */
export const spokenLanguages = [
  { value: 'lb', label: 'Lëtzebuergesch' },
  { value: 'fr', label: 'Français' },
  { value: 'de', label: 'Deutsch' },
  { value: 'pt', label: 'Português' },
  { value: 'en', label: 'English' },
  { value: 'it', label: 'Italiano' },
  { value: 'es', label: 'Español' },
  { value: 'nl', label: 'Nederlands' },
  { value: 'pl', label: 'Polski' },
  { value: 'ro', label: 'Română' },
  { value: 'sq', label: 'Shqip' },
  { value: 'sr', label: 'Srpski' },
  { value: 'uk', label: 'Українська' },
  { value: 'ru', label: 'Русский' },
  { value: 'ar', label: 'العربية' },
  { value: 'fa', label: 'فارسی' },
  { value: 'ti', label: 'ትግርኛ' },
  { value: 'kea', label: 'Kabuverdianu' },
  { value: 'gsg', label: 'Deutsche Gebärdensprache (DGS)' },
  { value: 'fsl', label: 'Langue des signes française (LSF)' },
] as const

export const signLanguages = ['gsg', 'fsl'] as const

/** What an event or a venue offers for access and inclusion (the site names them per language). */
export const accessibilityFeatures = [
  { value: 'step-free', label: 'Step-free access' },
  { value: 'accessible-toilet', label: 'Accessible toilet' },
  { value: 'hearing-loop', label: 'Hearing loop' },
  { value: 'easy-read', label: 'Easy-to-read language' },
  { value: 'childcare', label: 'Childcare' },
  { value: 'quiet-room', label: 'Quiet room' },
] as const

/** The kinds of practical resources, in the order the site lists them. */
export const resourceTypes = [
  { value: 'language-courses', label: 'Language courses' },
  { value: 'registration-administration', label: 'Registration and administration' },
  { value: 'schools-childcare', label: 'Schools and childcare' },
  { value: 'health', label: 'Health' },
  { value: 'social-help', label: 'Social help' },
  { value: 'work', label: 'Work' },
  { value: 'housing', label: 'Housing' },
  { value: 'leisure', label: 'Leisure' },
  { value: 'helplines', label: 'Helplines' },
] as const
