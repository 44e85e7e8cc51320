/**
 * Builds Lexical rich-text JSON from plain blocks, for the seed and tests. Staff never see this:
 * they write in the admin's editor, which stores the same shape.
 */
import { randomBytes } from 'node:crypto'

/** A paragraph, a heading, a list, or the place where a structured list stands (content/editor.ts). */
type Block = string | { heading: string; level?: 2 | 3 } | { list: string[]; ordered?: boolean } | { placement: string }

const text = (t: string) => ({ type: 'text', text: t, format: 0, detail: 0, mode: 'normal', style: '', version: 1 })
const base = { direction: 'ltr' as const, format: '' as const, indent: 0, version: 1 }

export function richText(blocks: Block[]) {
  return {
    root: {
      ...base,
      type: 'root',
      children: blocks.map((block) => {
        if (typeof block === 'string') return { ...base, type: 'paragraph', textFormat: 0, textStyle: '', children: [text(block)] }
        if ('heading' in block) return { ...base, type: 'heading', tag: `h${block.level ?? 2}`, children: [text(block.heading)] }
        if ('placement' in block) {
          return { type: 'block', version: 2, format: '', fields: { id: randomBytes(12).toString('hex'), blockName: '', blockType: block.placement } }
        }
        return {
          ...base,
          type: 'list',
          listType: block.ordered ? 'number' : 'bullet',
          tag: block.ordered ? 'ol' : 'ul',
          start: 1,
          children: block.list.map((item, i) => ({ ...base, type: 'listitem', value: i + 1, children: [text(item)] })),
        }
      }),
    },
  }
}

/** Plain text of a Lexical document: for search indexes, feeds' summaries and tests. */
export function plainText(value: unknown): string {
  const out: string[] = []
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return
    if (typeof node.text === 'string') out.push(node.text)
    // A line break or tab between two text nodes still separates their words.
    if (node.type === 'linebreak') out.push('\n')
    if (node.type === 'tab') out.push(' ')
    if (Array.isArray(node.children)) {
      node.children.forEach(walk)
      if (['paragraph', 'heading', 'listitem', 'quote'].includes(node.type)) out.push('\n')
    }
  }
  walk((value as any)?.root)
  return out.join('').replace(/\n{2,}/g, '\n').trim()
}
