import type { ReactNode } from 'react'

/**
 * A small server renderer for the Lexical JSON the admin stores. No client code: the reader gets
 * plain HTML. Handles what the editor can produce in our collections (paragraphs, headings,
 * lists, quotes, links, text formats, line breaks, uploads); unknown nodes keep their text.
 */
type Node = { type: string; children?: Node[]; [k: string]: any }

const FORMAT = { bold: 1, italic: 2, strike: 4, underline: 8, code: 16, sub: 32, sup: 64 }

function renderText(node: Node, key: number): ReactNode {
  let out: ReactNode = node.text
  const f = Number(node.format) || 0
  if (f & FORMAT.code) out = <code>{out}</code>
  if (f & FORMAT.bold) out = <strong>{out}</strong>
  if (f & FORMAT.italic) out = <em>{out}</em>
  if (f & FORMAT.strike) out = <s>{out}</s>
  if (f & FORMAT.underline) out = <u>{out}</u>
  if (f & FORMAT.sub) out = <sub>{out}</sub>
  if (f & FORMAT.sup) out = <sup>{out}</sup>
  return <span key={key}>{out}</span>
}

function safeHref(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined
  const u = url.trim()
  // Only web, mail and phone links and site paths; never javascript: or data:.
  return /^(https?:|mailto:|tel:|\/|#)/i.test(u) ? u : undefined
}

function children(node: Node): ReactNode[] {
  return (node.children ?? []).map((child, i) => renderNode(child, i))
}

function renderNode(node: Node, key: number): ReactNode {
  switch (node.type) {
    case 'text':
      return renderText(node, key)
    case 'linebreak':
      return <br key={key} />
    case 'tab':
      return ' '
    case 'paragraph':
      return <p key={key}>{children(node)}</p>
    case 'heading': {
      // The page title is the only h1; headings inside content start at h2.
      const level = Math.min(6, Math.max(2, Number(String(node.tag).replace('h', '')) || 2))
      const H = `h${level}` as 'h2'
      return <H key={key}>{children(node)}</H>
    }
    case 'list':
      return node.listType === 'number' || node.tag === 'ol' ? (
        <ol key={key} start={node.start && node.start !== 1 ? node.start : undefined}>
          {children(node)}
        </ol>
      ) : (
        <ul key={key}>{children(node)}</ul>
      )
    case 'listitem':
      return <li key={key}>{children(node)}</li>
    case 'quote':
      return <blockquote key={key}>{children(node)}</blockquote>
    case 'horizontalrule':
      return <hr key={key} />
    case 'link':
    case 'autolink': {
      const href = safeHref(node.fields?.url ?? node.url)
      if (!href) return <span key={key}>{children(node)}</span>
      return (
        <a key={key} href={href} rel={node.fields?.newTab ? 'noopener noreferrer' : undefined}>
          {children(node)}
        </a>
      )
    }
    case 'upload': {
      const v = node.value
      if (v && typeof v === 'object' && typeof v.url === 'string' && String(v.mimeType ?? '').startsWith('image/')) {
        return (
          <figure key={key}>
            <img src={v.sizes?.card?.url ?? v.url} alt={v.alt ?? ''} width={v.sizes?.card?.width ?? v.width} height={v.sizes?.card?.height ?? v.height} loading="lazy" />
            {v.caption ? <figcaption>{v.caption}</figcaption> : null}
          </figure>
        )
      }
      return null
    }
    default:
      return node.children ? <div key={key}>{children(node)}</div> : null
  }
}

export function RichText({ data, className }: { data: unknown; className?: string }) {
  const root = (data as { root?: Node } | null | undefined)?.root
  if (!root?.children?.length) return null
  return <div className={className ?? 'prose'}>{children(root)}</div>
}
