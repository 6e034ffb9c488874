// The events digest's form as one HTML renderer: the site's page shows it, and the CMS answers
// with it, filled in, when a form has errors or a reader follows the link to change their choices
// (no JavaScript needed either way). Written with the submission forms' writer.
import { localeCodes, type LocaleCode } from '../../locales/config'
import { DIGEST_EMAIL_MAX, digestFrequencies } from '../../cms/domain/digest'
import { escapeHtml } from './escape'
import {
  errorSummary,
  FORM_END,
  FORM_START,
  type FormChoice,
  formStamp,
  FormWriter,
} from './submissionForm'
import { languageName, t } from '../../locales/i18n'
import type { SiteContent } from './content'

export interface DigestFormChoices {
  languages: FormChoice[]
  communes: FormChoice[]
  categories: FormChoice[]
  targetGroups: FormChoice[]
  spoken: FormChoice[]
}

export interface DigestFormProps {
  lang: LocaleCode
  choices: DigestFormChoices
  /** Where the form posts (the CMS endpoint). */
  action: string
  privacyHref: string | null
  /** Days after which an unconfirmed subscription is deleted. */
  unconfirmedDays: number
  values?: ReadonlyMap<string, readonly string[]>
  errors?: Readonly<Record<string, string>>
  notice?: string | undefined
  /** Changing a subscription: no address or consent, and a second form to unsubscribe. */
  unsubscribeAction?: string
  /** Only the unsubscribe button (the page the mail's "unsubscribe" link opens). */
  unsubscribeOnly?: boolean
}

/** What the form offers in one content: the published communes, categories and target groups. */
export function digestFormChoices(content: SiteContent, lang: LocaleCode): DigestFormChoices {
  const shared = content.formChoices(lang)
  return {
    languages: localeCodes.map((code) => ({
      value: code,
      label: languageName(code, code),
      lang: code,
    })),
    communes: shared.communes,
    categories: content.categories(lang).map((term) => ({
      value: term.slug,
      label: term.label.value,
      lang: term.label.fallback ? term.label.lang : undefined,
    })),
    targetGroups: shared.targetGroups,
    spoken: shared.languages,
  }
}

export function renderDigestForm(props: DigestFormProps): string {
  const { lang, choices } = props
  const managing = props.unsubscribeAction !== undefined
  const tr = (key: string, vars?: Record<string, string | number>) => t(lang, key, vars)
  const values = new Map(props.values ?? [])
  if (!values.get('language')?.length) values.set('language', [lang])
  if (!values.get('frequency')?.length) values.set('frequency', ['weekly'])
  const form = new FormWriter({ lang, values, errors: props.errors ?? {} })

  if (!managing)
    form.text('email', 'digest.field.email', {
      required: true,
      type: 'email',
      max: DIGEST_EMAIL_MAX,
      autocomplete: 'email',
    })
  form.checkboxes('language', 'digest.field.language', choices.languages, true, undefined, 'radio')
  const frequencies = digestFrequencies.map((value) => ({
    value,
    label: tr(`digest.frequency.${value}`),
  }))
  form.checkboxes('frequency', 'digest.field.frequency', frequencies, true, undefined, 'radio')
  form.checkboxes(
    'communes',
    'digest.field.communes',
    choices.communes,
    false,
    tr('digest.hint.communes'),
  )
  form.checkboxes('categories', 'digest.field.categories', choices.categories, false)
  form.checkboxes('targetGroups', 'digest.field.targetGroups', choices.targetGroups, false)
  form.checkboxes('spoken', 'digest.field.spoken', choices.spoken, false, tr('digest.hint.spoken'))
  const kept = escapeHtml(tr('digest.kept', { days: props.unconfirmedDays }))
  const privacy = props.privacyHref
    ? `<p class="z-form__hint"><a href="${escapeHtml(props.privacyHref)}">${escapeHtml(tr('submit.privacyLink'))}</a>. ${kept}</p>`
    : `<p class="z-form__hint">${kept}</p>`
  if (!managing) form.check('consent', tr('digest.field.consent'), true, privacy)

  const summary = errorSummary(form, props.errors ?? {}, props.notice)
  const button = escapeHtml(tr(managing ? 'digest.save' : 'digest.send'))
  const unsubscribe = managing
    ? `<form class="z-form" method="post" action="${escapeHtml(props.unsubscribeAction!)}">` +
      `<h2>${escapeHtml(tr('digest.unsubscribe.title'))}</h2>` +
      `<p>${escapeHtml(tr('digest.unsubscribe.intro'))}</p>` +
      `<p><button class="z-button" type="submit">${escapeHtml(tr('digest.unsubscribe.button'))}</button></p>` +
      `</form>`
    : ''
  if (props.unsubscribeOnly) return FORM_START + unsubscribe + FORM_END
  return (
    FORM_START +
    summary +
    `<form class="z-form" method="post" novalidate action="${escapeHtml(props.action)}" data-digest-form>` +
    formStamp(form, lang) +
    form.parts.join('') +
    `<p><button class="z-button" type="submit">${button}</button></p>` +
    `</form>` +
    unsubscribe +
    FORM_END
  )
}
