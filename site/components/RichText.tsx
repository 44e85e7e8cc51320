import type { SerializedAutoLinkNode, SerializedLinkNode } from '@payloadcms/richtext-lexical'
import { RichText as LexicalRichText, type JSXConverterArgs, type JSXConvertersFunction } from '@payloadcms/richtext-lexical/react'
import type { ReactNode } from 'react'

import type { Locale } from '@/content/locales'
import { internalHref, safeHref } from '@/site/links'

import { Img } from './Img'
import { DocumentLink, type MediaDoc } from './MediaItem'

/**
 * Rich text as readers get it: Lexical's own JSX converters (@payloadcms/richtext-lexical/react,
 * server-rendered, no client code), with ours where the page needs more:
 * - internal links (to a document or an upload) become addresses in the page's language; a link
 *   to something the reader may not see (a draft) keeps its text without a link;
 * - external links only for web, mail and phone addresses;
 * - headings start at h2 (the page title is the only h1);
 * - uploads are our picture (sizes made at upload) or document link (size, pages);
 * - placement blocks (content/editor.ts) show the structured list passed in `placements`, once;
 * - text alignment is not copied: Lexical writes start/end as left/right, wrong in Urdu.
 */
type Placements = Record<string, ReactNode>

function converters(locale: Locale, placements: Placements): JSXConvertersFunction {
  const shown = new Set<string>()
  // Link and autolink nodes share the fields this needs.
  const link = ({ node, nodesToJSX }: JSXConverterArgs<SerializedLinkNode | SerializedAutoLinkNode>) => {
    const children = nodesToJSX({ nodes: node.children })
    const fields = (node as { fields?: { linkType?: string; url?: string; doc?: { relationTo?: string; value?: unknown }; newTab?: boolean } }).fields ?? {}
    const href = fields.linkType === 'internal' ? internalHref(locale, fields.doc) : safeHref(fields.url)
    if (!href) return <span>{children}</span>
    return (
      <a href={href} rel={fields.newTab ? 'noopener noreferrer' : undefined}>
        {children}
      </a>
    )
  }
  return ({ defaultConverters }) => ({
    ...defaultConverters,
    link,
    autolink: link,
    heading: ({ node, nodesToJSX }) => {
      const level = Math.min(6, Math.max(2, Number(String((node as { tag?: string }).tag).replace('h', '')) || 2))
      const H = `h${level}` as 'h2'
      return <H>{nodesToJSX({ nodes: node.children })}</H>
    },
    upload: ({ node }) => {
      const media = (node as { value?: unknown }).value
      if (!media || typeof media !== 'object') return null
      const m = media as MediaDoc
      if (String(m.mimeType ?? '').startsWith('image/')) {
        return (
          <figure>
            <Img media={m} use="card" />
            {m.caption ? <figcaption>{m.caption}</figcaption> : null}
          </figure>
        )
      }
      return (
        <p>
          <DocumentLink locale={locale} media={m} />
        </p>
      )
    },
    blocks: Object.fromEntries(
      Object.entries(placements).map(([blockType, content]) => [
        blockType,
        () => {
          if (shown.has(blockType)) return null
          shown.add(blockType)
          return <>{content}</>
        },
      ]),
    ),
    // A node this site does not know (a feature added later) keeps its text.
    unknown: ({ node, nodesToJSX }) => {
      const kids = (node as { children?: unknown[] }).children
      return Array.isArray(kids) ? <span>{nodesToJSX({ nodes: kids as never })}</span> : null
    },
  })
}

export function RichText({ data, locale, placements = {}, className }: { data: unknown; locale: Locale; placements?: Placements; className?: string }) {
  const root = (data as { root?: { children?: unknown[] } } | null | undefined)?.root
  if (!root?.children?.length) return null
  return (
    <LexicalRichText
      data={data as never}
      converters={converters(locale, placements)}
      className={className ?? 'prose'}
      disableTextAlign
    />
  )
}
