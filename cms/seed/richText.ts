// Turns the seed files' mini-markdown (paragraphs, "- " bullet lists, "## " headings) into the
// Lexical JSON that Payload's rich-text fields store. Text is inserted as text, never as HTML.

interface TextNode {
  type: 'text'
  text: string
  format: 0
  detail: 0
  mode: 'normal'
  style: ''
  version: 1
}

interface ElementNode {
  type: string
  children: (ElementNode | TextNode)[]
  direction: 'ltr'
  format: ''
  indent: 0
  version: 1
  [extra: string]: unknown
}

export interface LexicalDocument {
  root: ElementNode
}

const text = (value: string): TextNode => ({
  type: 'text',
  text: value,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

const element = (
  type: string,
  children: ElementNode['children'],
  extra: Record<string, unknown> = {},
): ElementNode => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})

export function markdownToLexical(markdown: string): LexicalDocument {
  const blocks = markdown
    .replace(/\r\n/g, '\n')
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter(Boolean)
  const children: ElementNode[] = []
  for (const block of blocks) {
    const lines = block.split('\n').map((line) => line.trim())
    if (lines.every((line) => line.startsWith('- '))) {
      children.push(
        element(
          'list',
          lines.map((line, index) =>
            element('listitem', [text(line.slice(2).trim())], { value: index + 1 }),
          ),
          { listType: 'bullet', start: 1, tag: 'ul' },
        ),
      )
    } else if (lines.length === 1 && /^#{2,3} /.test(lines[0]!)) {
      const level = lines[0]!.startsWith('### ') ? 'h3' : 'h2'
      children.push(element('heading', [text(lines[0]!.replace(/^#+ /, ''))], { tag: level }))
    } else {
      children.push(element('paragraph', [text(lines.join(' '))], { textFormat: 0, textStyle: '' }))
    }
  }
  return { root: element('root', children) }
}

/** Text as a person typed it (a public submission): paragraphs only, nothing interpreted. */
export function plainTextToLexical(value: string): LexicalDocument {
  const paragraphs = value
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((block) => block.trim().replace(/\s*\n\s*/g, ' '))
    .filter(Boolean)
  return {
    root: element(
      'root',
      paragraphs.map((paragraph) =>
        element('paragraph', [text(paragraph)], { textFormat: 0, textStyle: '' }),
      ),
    ),
  }
}
