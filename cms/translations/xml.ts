// A small, strict XML reader for the translation files the portal exchanges (XLIFF 2.0): elements,
// attributes, text, CDATA and comments. Document type declarations are refused (no entity
// expansion, no external references), and so is anything malformed, with the line it is on.

export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: (XmlElement | string)[]
  line: number
}

export class XmlError extends Error {}

const namedEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function decodeEntities(text: string, line: () => number): string {
  return text.replace(/&([^;\s&]{1,10});/g, (_, entity: string) => {
    if (entity in namedEntities) return namedEntities[entity]!
    const code = /^#x([0-9a-f]+)$/i.test(entity)
      ? parseInt(entity.slice(2), 16)
      : /^#\d+$/.test(entity)
        ? parseInt(entity.slice(1), 10)
        : NaN
    if (!Number.isFinite(code) || code > 0x10ffff) {
      throw new XmlError(`Unknown entity &${entity}; on line ${line()}.`)
    }
    return String.fromCodePoint(code)
  })
}

const NAME = /^[A-Za-z_][\w.:-]*/

/** Parses a document and returns its root element. */
export function parseXml(input: string): XmlElement {
  const text = input.replace(/^\uFEFF/, '')
  let position = 0
  const lineAt = () => text.slice(0, position).split('\n').length
  const fail = (message: string): never => {
    throw new XmlError(`${message} (line ${lineAt()}).`)
  }
  const stack: XmlElement[] = []
  let root: XmlElement | null = null

  while (position < text.length) {
    if (text.startsWith('<?', position)) {
      const end = text.indexOf('?>', position)
      if (end < 0) fail('Unclosed processing instruction')
      position = end + 2
    } else if (text.startsWith('<!--', position)) {
      const end = text.indexOf('-->', position)
      if (end < 0) fail('Unclosed comment')
      position = end + 3
    } else if (text.startsWith('<![CDATA[', position)) {
      const end = text.indexOf(']]>', position)
      if (end < 0) fail('Unclosed CDATA section')
      if (!stack.length) fail('Text outside the root element')
      stack[stack.length - 1]!.children.push(text.slice(position + 9, end))
      position = end + 3
    } else if (text.startsWith('<!', position)) {
      fail('Document type declarations are not accepted in translation files')
    } else if (text.startsWith('</', position)) {
      const end = text.indexOf('>', position)
      if (end < 0) fail('Unclosed end tag')
      const name = text.slice(position + 2, end).trim()
      const open = stack.pop()
      if (!open || open.name !== name) fail(`</${name}> does not close <${open?.name ?? ''}>`)
      position = end + 1
    } else if (text[position] === '<') {
      const line = lineAt()
      position += 1
      const name = NAME.exec(text.slice(position))?.[0] ?? fail('An element needs a name')
      position += name.length
      const attributes: Record<string, string> = {}
      for (;;) {
        const rest = text.slice(position)
        const space = /^\s*/.exec(rest)![0].length
        position += space
        if (text.startsWith('/>', position) || text[position] === '>') break
        const attribute = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(
          text.slice(position),
        )
        if (!attribute || space === 0) fail(`Malformed attribute in <${name}>`)
        const [whole, key, , double, single] = attribute!
        if (key! in attributes) fail(`Attribute ${key} repeated in <${name}>`)
        attributes[key!] = decodeEntities(double ?? single ?? '', lineAt)
        position += whole.length
      }
      const element: XmlElement = { name, attributes, children: [], line }
      if (stack.length) stack[stack.length - 1]!.children.push(element)
      else if (root) fail('More than one root element')
      else root = element
      if (text.startsWith('/>', position)) position += 2
      else {
        position += 1
        stack.push(element)
      }
    } else {
      const end = text.indexOf('<', position)
      const raw = text.slice(position, end < 0 ? text.length : end)
      if (stack.length) stack[stack.length - 1]!.children.push(decodeEntities(raw, lineAt))
      else if (raw.trim()) fail('Text outside the root element')
      position = end < 0 ? text.length : end
    }
  }
  if (stack.length) fail(`<${stack[stack.length - 1]!.name}> is not closed`)
  if (!root) throw new XmlError('The file holds no XML element.')
  return root
}

export const escapeXml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot carry are dropped rather than producing an unreadable file.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')

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
