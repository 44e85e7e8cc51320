/**
 * The rich-text editor staff write in, and the places in a text where structured parts appear.
 *
 * Links: staff link to any public document or upload (internal links keep working when a slug
 * changes; the site and the feeds turn them into addresses, site/richText.tsx and
 * partner-api/feeds.ts). Other collections (users, keys, logs) are not offered.
 *
 * Placements: a statement's numbered proposals and a program's key contributions are structured
 * fields (numbered, translated row by row, in the JSON partners read, with their funders as
 * relations), yet in the source documents they sit inside the text, under the sentence that
 * introduces them. Staff mark that place with a block; the list appears there, once. Without the
 * block it appears after the text.
 */
import { BlocksFeature, lexicalEditor, LinkFeature } from '@payloadcms/richtext-lexical'
import type { Block, CollectionSlug } from 'payload'

import type { Bilingual } from '../translations/labels'
import { CONTRIBUTIONS_BLOCK, PROPOSALS_BLOCK } from './placements'

/** What an internal link in rich text may point at: documents with public pages, and uploads. */
const LINKABLE_COLLECTIONS = ['statements', 'programs', 'campaigns', 'people', 'topics', 'media'] as const satisfies readonly CollectionSlug[]

const links = LinkFeature({ enabledCollections: [...LINKABLE_COLLECTIONS], maxDepth: 1 })

/** Every body text: the default features with links limited to public documents. */
export const editor = lexicalEditor({
  features: ({ defaultFeatures }) => [...defaultFeatures.filter((f) => f.key !== 'link'), links],
})

/** A block that marks where a structured list appears in the text. */
function placement(slug: string, singular: Bilingual, description: Bilingual): Block {
  return {
    slug,
    interfaceName: `${slug[0].toUpperCase()}${slug.slice(1)}Placement`,
    labels: { singular, plural: singular },
    admin: { custom: { description } },
    fields: [],
  }
}


/** Body text of a statement: may mark where its numbered proposals stand. */
export const statementEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures.filter((f) => f.key !== 'link'),
    links,
    BlocksFeature({
      blocks: [placement(
          PROPOSALS_BLOCK,
          { en: 'Proposals (numbered list)', ur: 'تجاویز (نمبر وار فہرست)' },
          { en: 'The proposals from the Proposals field, numbered, appear here.', ur: '"تجاویز" کے خانے کی تجاویز یہاں نمبر وار دکھائی دیتی ہیں۔' },
        )],
    }),
  ],
})

/** Body text of a program: may mark where its key contributions stand. */
export const programEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures.filter((f) => f.key !== 'link'),
    links,
    BlocksFeature({
      blocks: [placement(
          CONTRIBUTIONS_BLOCK,
          { en: 'Key activities (list)', ur: 'اہم سرگرمیاں (فہرست)' },
          { en: 'The key activities from the Key activities field appear here.', ur: '"اہم سرگرمیاں" کے خانے کی سرگرمیاں یہاں دکھائی دیتی ہیں۔' },
        )],
    }),
  ],
})
