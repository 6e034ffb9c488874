// HTML made as text, for the markup a build writes tens of thousands of times: the event pages,
// which a full build writes outside Astro's page pipeline (web/lib/pageWriter.ts), their
// frame, and the small parts they share with the Astro components (web/lib/markup.ts). The rules
// are Astro's, so the bytes are the same as its templates give: text is escaped (& < > ' "), an
// attribute is left out when null or undefined and written bare when empty, and only Html passes
// unescaped. (Prettier leaves these templates alone: embeddedLanguageFormatting is off.)
import { escapeHtml } from './escape'

/** Markup that is safe to write as it is: made by `html` or `attribute`, never from content. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

/** What a template takes: text (escaped), numbers, markup, lists of these; nothing for the rest. */
export type Part = Html | string | number | null | undefined | false | readonly Part[]

function write(part: Part): string {
  if (part instanceof Html) return part.value
  if (typeof part === 'string') return escapeHtml(part)
  if (typeof part === 'number') return String(part)
  if (Array.isArray(part)) {
    let out = ''
    for (const item of part as readonly Part[]) out += write(item)
    return out
  }
  return ''
}

/** A template: its literal markup as written, its values by `write`'s rules. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!
  for (let index = 0; index < values.length; index += 1) {
    out += write(values[index]!) + strings[index + 1]!
  }
  return new Html(out)
}

/**
 * One attribute, with its leading space, as Astro writes `name={value}`: nothing for null or
 * undefined, the bare name for an empty string, otherwise the value with & and " escaped.
 */
export function attribute(name: string, value: string | number | null | undefined): Html {
  if (value === null || value === undefined) return EMPTY
  if (value === '') return new Html(` ${name}`)
  return new Html(` ${name}="${String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
}

const EMPTY = new Html('')
