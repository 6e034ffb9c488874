// The translation files the portal exchanges (XLIFF 2.0), read with saxes, a conforming
// non-validating XML parser, into a small tree: elements, attributes and text (CDATA included;
// comments and processing instructions dropped). saxes expands only the five predefined entities
// and character references, and reports any other entity as undefined; a document type
// declaration is refused outright, so no entity and no external reference is ever read.
// Anything malformed is refused with its line and column.
import { SaxesParser } from 'saxes'

export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: (XmlElement | string)[]
  line: number
}

export class XmlError extends Error {}

/** Parses a document and returns its root element. */
export function parseXml(input: string): XmlElement {
  const text = input.replace(/^\uFEFF/, '')
  const parser = new SaxesParser({ xmlns: true, position: true })
  // saxes counts columns from 0 for the next character: the one it just read, counted from 1.
  const at = () => `line ${parser.line}, column ${parser.column}`
  const stack: XmlElement[] = []
  let root = null as XmlElement | null
  let tagLine = 1
  const lines = lineCounter(text)

  parser.on('error', (error) => {
    const message = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')
    if (message === 'undefined entity') {
      const entity = /&[^&;\s]*;$/.exec(text.slice(0, parser.position))?.[0] ?? ''
      throw new XmlError(`Unknown entity ${entity} (${at()}).`)
    }
    throw new XmlError(`${message[0]!.toUpperCase()}${message.slice(1)} (${at()}).`)
  })
  parser.on('doctype', () => {
    throw new XmlError(
      `Document type declarations are not accepted in translation files (${at()}).`,
    )
  })
  // The line of the element's `<`: saxes is past the name, maybe past a line break, by then.
  parser.on('opentagstart', () => (tagLine = lines(text.lastIndexOf('<', parser.position))))
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {}
    for (const attribute of Object.values(tag.attributes)) {
      attributes[attribute.name] = attribute.value
    }
    const element: XmlElement = { name: tag.name, attributes, children: [], line: tagLine }
    if (stack.length) stack[stack.length - 1]!.children.push(element)
    else root = element
    if (!tag.isSelfClosing) stack.push(element)
  })
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop()
  })
  const addText = (value: string) => {
    // Outside the root only white space gets here: saxes refuses any other text.
    if (stack.length) stack[stack.length - 1]!.children.push(value)
  }
  parser.on('text', addText)
  parser.on('cdata', addText)

  parser.write(text).close()
  if (!root) throw new XmlError('The file holds no XML element.')
  return root
}

/** The 1-based line of an offset, for offsets that only grow. */
function lineCounter(text: string): (offset: number) => number {
  let line = 1
  let counted = 0
  return (offset) => {
    for (; counted < offset; counted++) if (text[counted] === '\n') line++
    return line
  }
}

export const escapeXml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot carry are dropped rather than producing an unreadable file.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')

/** The child elements with this local name (namespace prefixes are ignored). */
export const childrenNamed = (element: XmlElement, name: string): XmlElement[] =>
  element.children.filter(
    (child): child is XmlElement =>
      typeof child !== 'string' && child.name.replace(/^.*:/, '') === name,
  )

/** The text of an element; null when it contains elements (inline markup). */
export function textOf(element: XmlElement): string | null {
  let result = ''
  for (const child of element.children) {
    if (typeof child !== 'string') return null
    result += child
  }
  return result
}
