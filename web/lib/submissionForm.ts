// The public submission forms (initiative, event proposal) as one HTML renderer, so the static
// page of the site and the CMS's answer to a form with errors (no JavaScript) are the same form.
// Every value is escaped here: what the public typed is only ever shown as text.
import type { LocaleCode } from '../../locales/config'
import {
  initiativeNeeds,
  SUBMISSION_LIMITS,
  submissionKinds,
} from '../../cms/domain/submissionLimits'
import { escapeHtml } from './escape'
import { t } from '../../locales/i18n'

export const submissionFormKinds = submissionKinds
export type SubmissionFormKind = (typeof submissionKinds)[number]

/** One option of a list; `lang` is set when the label is shown in another language. */
export interface FormChoice {
  value: string
  label: string
  lang?: string | undefined
}

/** What the form offers, taken from the published content of the release it belongs to. */
export interface FormChoices {
  communes: FormChoice[]
  targetGroups: FormChoice[]
  organisations: FormChoice[]
  languages: FormChoice[]
}

export interface SubmissionFormProps {
  lang: LocaleCode
  kind: SubmissionFormKind
  choices: FormChoices
  /** Where the form posts (the CMS endpoint). */
  action: string
  privacyHref: string | null
  retentionDays: number
  /** What was sent, to fill the form again after an error. */
  values?: ReadonlyMap<string, readonly string[]>
  /** A message per field, already in the submitter's language. */
  errors?: Readonly<Record<string, string>>
  /** A message about the whole form (rate limit, size). */
  notice?: string | undefined
  /** The form came with an image, which a browser does not keep: ask for it again. */
  imageAgain?: boolean
}

/** Markers around the form in the static page; the CMS replaces what is between them. */
export const FORM_START = '<!--zesummen:submission-form-->'
export const FORM_END = '<!--/zesummen:submission-form-->'

export { escapeHtml }

type Attributes = Record<string, string | number | boolean | null | undefined>

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter(([, value]) => value !== false && value !== null && value !== undefined)
    .map(([name, value]) =>
      value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`,
    )
    .join('')
}

/** The id of a field's first control, which the error summary links to. */
export const fieldId = (name: string) => `submit-${name}`

/** What a form writer needs: the language, the values sent and the errors to show. */
export type FormState = Pick<SubmissionFormProps, 'lang' | 'values' | 'errors'>

/**
 * A form's HTML and the order of its fields, which the error summary follows (the submission
 * forms and the digest's).
 */
export class FormWriter {
  readonly parts: string[] = []
  readonly order: string[] = []
  constructor(private readonly props: FormState) {}

  t(key: string, vars?: Record<string, string | number>) {
    return t(this.props.lang, key, vars)
  }
  value(name: string): string {
    return this.props.values?.get(name)?.at(-1) ?? ''
  }
  private listed(name: string): Set<string> {
    return new Set(this.props.values?.get(name) ?? [])
  }
  private error(name: string): string | undefined {
    return this.props.errors?.[name]
  }

  /** Label, hint and error of one field; returns the ids the control is described by. */
  private describe(name: string, hint?: string): { describedBy: string | undefined; html: string } {
    const ids: string[] = []
    let html = ''
    if (hint) {
      ids.push(`${fieldId(name)}-hint`)
      html += `<p class="z-form__hint" id="${fieldId(name)}-hint">${escapeHtml(hint)}</p>`
    }
    const error = this.error(name)
    if (error) {
      ids.push(`${fieldId(name)}-error`)
      html +=
        `<p class="z-form__error" id="${fieldId(name)}-error">` +
        `<span class="z-visually-hidden">${escapeHtml(this.t('submit.errorPrefix'))}</span> ` +
        `${escapeHtml(error)}</p>`
    }
    return { describedBy: ids.length ? ids.join(' ') : undefined, html }
  }

  private label(name: string, key: string, optional: boolean): string {
    const suffix = optional
      ? ` <span class="z-form__optional">${escapeHtml(this.t('submit.optional'))}</span>`
      : ''
    return `<label for="${fieldId(name)}">${escapeHtml(this.t(key))}${suffix}</label>`
  }

  text(
    name: string,
    key: string,
    options: {
      required?: boolean
      max?: number
      type?: 'text' | 'email' | 'url' | 'datetime-local'
      hint?: string
      autocomplete?: string
      multiline?: boolean
    } = {},
  ): void {
    this.order.push(name)
    const { describedBy, html } = this.describe(name, options.hint)
    const common: Attributes = {
      id: fieldId(name),
      name,
      required: options.required,
      maxlength: options.max,
      autocomplete: options.autocomplete,
      'aria-describedby': describedBy,
      'aria-invalid': this.error(name) ? 'true' : undefined,
      'data-counter': options.max && options.max >= 100 ? options.max : undefined,
    }
    const control = options.multiline
      ? `<textarea${attributes({ ...common, rows: 8 })}>${escapeHtml(this.value(name))}</textarea>`
      : `<input${attributes({ ...common, type: options.type ?? 'text', value: this.value(name) })}>`
    const invalid = this.error(name) ? ' z-form__group--error' : ''
    this.parts.push(
      `<div class="z-form__group${invalid}">${this.label(name, key, !options.required)}${html}${control}</div>`,
    )
  }

  checkboxes(
    name: string,
    key: string,
    choices: FormChoice[],
    required: boolean,
    hint?: string,
    type: 'checkbox' | 'radio' = 'checkbox',
  ) {
    if (choices.length === 0) return
    this.order.push(name)
    const { describedBy, html } = this.describe(name, hint)
    const chosen = this.listed(name)
    const boxes = choices
      .map((choice, index) => {
        const id = index === 0 ? fieldId(name) : `${fieldId(name)}-${index}`
        return `<div class="z-form__check"><input${attributes({
          type,
          id,
          name,
          value: choice.value,
          checked: chosen.has(choice.value),
        })}><label${attributes({ for: id, lang: choice.lang })}>${escapeHtml(choice.label)}</label></div>`
      })
      .join('')
    const optional = required
      ? ''
      : ` <span class="z-form__optional">${escapeHtml(this.t('submit.optional'))}</span>`
    const invalid = this.error(name) ? ' z-form__group--error' : ''
    this.parts.push(
      `<fieldset class="z-form__group z-form__choices${invalid}"${attributes({
        'aria-describedby': describedBy,
      })}><legend>${escapeHtml(this.t(key))}${optional}</legend>${html}<div class="z-form__columns">${boxes}</div></fieldset>`,
    )
  }

  select(name: string, key: string, choices: FormChoice[], emptyLabel: string, hint?: string) {
    this.order.push(name)
    const { describedBy, html } = this.describe(name, hint)
    const chosen = this.value(name)
    const options = [
      `<option value="">${escapeHtml(emptyLabel)}</option>`,
      ...choices.map(
        (choice) =>
          `<option${attributes({ value: choice.value, selected: choice.value === chosen, lang: choice.lang })}>${escapeHtml(choice.label)}</option>`,
      ),
    ].join('')
    this.parts.push(
      `<div class="z-form__group">${this.label(name, key, true)}${html}<select${attributes({
        id: fieldId(name),
        name,
        'aria-describedby': describedBy,
        'aria-invalid': this.error(name) ? 'true' : undefined,
      })}>${options}</select></div>`,
    )
  }

  check(name: string, label: string, required: boolean, extraHtml = '') {
    this.order.push(name)
    const { describedBy, html } = this.describe(name)
    const invalid = this.error(name) ? ' z-form__group--error' : ''
    this.parts.push(
      `<div class="z-form__group${invalid}">${html}<div class="z-form__check"><input${attributes({
        type: 'checkbox',
        id: fieldId(name),
        name,
        value: 'yes',
        required,
        checked: this.value(name) === 'yes',
        'aria-describedby': describedBy,
        'aria-invalid': this.error(name) ? 'true' : undefined,
      })}><label for="${fieldId(name)}">${escapeHtml(label)}</label></div>${extraHtml}</div>`,
    )
  }

  file(name: string, key: string, hint: string) {
    this.order.push(name)
    const { describedBy, html } = this.describe(name, hint)
    const invalid = this.error(name) ? ' z-form__group--error' : ''
    this.parts.push(
      `<div class="z-form__group${invalid}">${this.label(name, key, true)}${html}<input${attributes(
        {
          type: 'file',
          id: fieldId(name),
          name,
          accept: 'image/jpeg,image/png,image/webp',
          'aria-describedby': describedBy,
          'aria-invalid': this.error(name) ? 'true' : undefined,
        },
      )}></div>`,
    )
  }

  open(legendKey: string) {
    this.parts.push(
      `<fieldset class="z-form__section"><legend><h2>${escapeHtml(this.t(legendKey))}</h2></legend>`,
    )
  }
  close() {
    this.parts.push('</fieldset>')
  }
}

/**
 * The list of a form's errors at its top, each linking to its field, with a message about the
 * whole form; empty when there is nothing to say.
 */
export function errorSummary(
  form: FormWriter,
  errors: Readonly<Record<string, string>>,
  notice: string | undefined,
  extraHtml = '',
): string {
  const fieldsWithErrors = form.order.filter((name) => errors[name])
  const otherErrors = Object.keys(errors).filter((name) => !form.order.includes(name))
  if (!fieldsWithErrors.length && !otherErrors.length && !notice && !extraHtml) return ''
  const items = [
    ...fieldsWithErrors.map(
      (name) => `<li><a href="#${fieldId(name)}">${escapeHtml(errors[name]!)}</a></li>`,
    ),
    ...otherErrors.map((name) => `<li>${escapeHtml(errors[name]!)}</li>`),
  ].join('')
  return (
    `<div class="z-form__summary" role="alert" tabindex="-1" data-error-summary>` +
    `<h2>${escapeHtml(form.t('submit.error.pageTitle'))}</h2>` +
    (notice ? `<p>${escapeHtml(notice)}</p>` : '') +
    extraHtml +
    (items ? `<ul>${items}</ul>` : '') +
    `</div>`
  )
}

/** The hidden fields every public form sends: language, fill-time stamp and the honeypot. */
export function formStamp(form: FormWriter, lang: LocaleCode): string {
  return [
    `<input type="hidden" name="lang" value="${escapeHtml(lang)}">`,
    `<input type="hidden" name="renderedAt" value="${escapeHtml(form.value('renderedAt'))}" data-rendered-at>`,
    // People never see this field (hidden by the style sheet); scripts that fill every input do.
    `<div class="z-form__trap"><label for="submit-website">${escapeHtml(form.t('submit.honeypot'))}</label>` +
      `<input type="text" id="submit-website" name="website" value="" tabindex="-1" autocomplete="off"></div>`,
  ].join('')
}

/** The form, between its markers, with an error summary when there are errors. */
export function renderSubmissionForm(props: SubmissionFormProps): string {
  const { lang, kind, choices } = props
  const tr = (key: string, vars?: Record<string, string | number>) => t(lang, key, vars)
  const form = new FormWriter(props)

  form.open(kind === 'event' ? 'submit.section.event' : 'submit.section.initiative')
  form.text('title', 'submit.field.title', { required: true, max: SUBMISSION_LIMITS.title })
  form.text('description', 'submit.field.description', {
    required: true,
    max: SUBMISSION_LIMITS.description,
    multiline: true,
    hint: tr(kind === 'event' ? 'submit.hint.eventDescription' : 'submit.hint.description'),
  })
  if (kind === 'event') {
    const dateHint = tr('submit.hint.dateTime')
    form.text('start', 'submit.field.start', {
      required: true,
      type: 'datetime-local',
      hint: dateHint,
    })
    form.text('end', 'submit.field.end', { required: true, type: 'datetime-local', hint: dateHint })
    form.text('place', 'submit.field.place', {
      max: SUBMISSION_LIMITS.place,
      hint: tr('submit.hint.place'),
    })
    form.text('onlineUrl', 'submit.field.onlineUrl', { type: 'url', max: SUBMISSION_LIMITS.url })
    form.check('free', tr('submit.field.free'), false)
  }
  form.close()

  form.open('submit.section.who')
  form.select(
    'organisation',
    'submit.field.organisation',
    choices.organisations,
    tr('submit.field.organisationNone'),
  )
  form.text('organisationName', 'submit.field.organisationName', {
    max: SUBMISSION_LIMITS.organisationName,
    hint: tr('submit.hint.organisationName'),
  })
  form.close()

  form.open('submit.section.forWhom')
  form.checkboxes('communes', 'submit.field.communes', choices.communes, true)
  form.checkboxes('targetGroups', 'submit.field.targetGroups', choices.targetGroups, false)
  form.checkboxes('languages', 'submit.field.languages', choices.languages, false)
  if (kind === 'initiative') {
    const needs = initiativeNeeds.map((need) => ({ value: need, label: tr(`submit.need.${need}`) }))
    form.checkboxes('needs', 'submit.field.needs', needs, false)
  }
  form.close()

  form.open('submit.section.image')
  form.file('image', 'submit.field.image', tr('submit.hint.image'))
  form.text('imageAlt', 'submit.field.imageAlt', {
    max: SUBMISSION_LIMITS.imageAlt,
    hint: tr('submit.hint.imageAlt'),
  })
  form.close()

  form.open('submit.section.contact')
  form.parts.push(`<p class="z-form__hint">${escapeHtml(tr('submit.hint.contact'))}</p>`)
  form.text('contactName', 'submit.field.contactName', {
    max: SUBMISSION_LIMITS.contactName,
    autocomplete: 'name',
  })
  form.text('contactEmail', 'submit.field.contactEmail', {
    required: true,
    type: 'email',
    max: SUBMISSION_LIMITS.email,
    autocomplete: 'email',
  })
  const privacy = props.privacyHref
    ? `<p class="z-form__hint"><a href="${escapeHtml(props.privacyHref)}">${escapeHtml(tr('submit.privacyLink'))}</a>. ${escapeHtml(tr('submit.retention', { days: props.retentionDays }))}</p>`
    : `<p class="z-form__hint">${escapeHtml(tr('submit.retention', { days: props.retentionDays }))}</p>`
  form.check('consent', tr('submit.field.consent'), true, privacy)
  form.close()

  const summary = errorSummary(
    form,
    props.errors ?? {},
    props.notice,
    props.imageAgain ? `<p data-image-again>${escapeHtml(tr('submit.error.imageAgain'))}</p>` : '',
  )

  const hidden =
    `<input type="hidden" name="kind" value="${escapeHtml(kind)}">` + formStamp(form, lang)

  return (
    FORM_START +
    summary +
    `<form class="z-form z-submit" method="post" enctype="multipart/form-data" novalidate${attributes(
      {
        action: props.action,
        'data-submission-form': kind,
        'data-counter-text': tr('submit.counter'),
      },
    )}>` +
    hidden +
    form.parts.join('') +
    `<p><button class="z-button" type="submit">${escapeHtml(tr('submit.send'))}</button></p>` +
    `</form>` +
    FORM_END
  )
}

/** The static page with the form replaced, for the answer to a form with errors. */
export function replaceForm(page: string, form: string, titlePrefix: string): string | null {
  const start = page.indexOf(FORM_START)
  const end = page.indexOf(FORM_END, start)
  if (start < 0 || end < 0) return null
  return (
    page.slice(0, start).replace(/<title>/, `<title>${escapeHtml(titlePrefix)}: `) +
    form +
    page.slice(end + FORM_END.length)
  )
}
