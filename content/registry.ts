/**
 * The registry of content types: what the site does with each collection, stated once.
 *
 * Each entry names its collection (one file in collections/) and declares what only a person can
 * decide: its public address, the page that lists it, whether it is on the home page, in the
 * sitemap, in feeds, which fields search reads, and its editorial workflow. Everything that is a
 * fact of the schema is derived from the collection config, never typed again: whether it has
 * drafts (`versions.drafts`), its title field (`admin.useAsTitle`), and which other types show it
 * (by walking relationship and upload fields, content/schema.ts).
 *
 * Read by: payload.config.ts (the collections, in this order), site/paths.ts (URLs), the change
 * pipeline (content/changes: which pages, feeds, caches and partners a change reaches), search,
 * preview, the editors' dashboard, the sitemap and the OpenAPI document.
 *
 * Adding a content type: write collections/X.ts and add one entry here (docs/architecture.md).
 */
import type { CollectionConfig } from 'payload'

import { Campaigns } from '../collections/Campaigns'
import { Media } from '../collections/Media'
import { Offices } from '../collections/Offices'
import { Organisations } from '../collections/Organisations'
import { People } from '../collections/People'
import { Programs } from '../collections/Programs'
import { Statements } from '../collections/Statements'
import { Topics } from '../collections/Topics'
import { withEditorialWorkflow } from '../workflow/editorialWorkflow'
import { previewUrl } from '../workflow/preview'
import { hasDrafts, relationFields, type RelationField } from './schema'

type ContentTypeDeclaration = {
  collection: CollectionConfig
  /** Public page of one document, e.g. '/statements/:slug' (English; Urdu adds /ur). None: no page of its own. */
  page?: `/${string}/:slug`
  /** The public page that lists documents of this type, e.g. '/statements' (offices: '/contact'). */
  index?: `/${string}`
  /** Listed on the home page. */
  home?: boolean
  /** Has feeds (RSS, Atom, JSON Feed) of its own at `<index>/feed.*`, and is in the site-wide feed. */
  feed?: boolean
  /**
   * A taxonomy (topics): documents that share one are shown together. Its page lists them, it has
   * feeds of them (`/topics/x/feed.*`), and a document's page lists others sharing it ("related").
   */
  taxonomy?: boolean
  /**
   * Site search (search/): the fields an entry is made of, which is the result's title and summary.
   * A relationship or upload field contributes the related document's title (a PDF its text); a
   * relationship to the taxonomy is also the topic facet. Dotted names reach into arrays.
   */
  search?: { title: string; summary?: string; fields: string[] }
  /** Editorial workflow (workflow/editorialWorkflow.ts); `review` adds draft → review → published. */
  workflow?: { review?: boolean }
}

/** In this order in the admin and in payload.config.ts. */
const declarations: ContentTypeDeclaration[] = [
  {
    collection: Programs,
    page: '/programs/:slug',
    index: '/programs',
    home: true,
    feed: true,
    search: {
      title: 'title',
      summary: 'summary',
      fields: ['title', 'summary', 'topics', 'funders', 'partners', 'body', 'keyActivities.title', 'keyActivities.description', 'relatedMedia'],
    },
    workflow: { review: true },
  },
  {
    collection: Statements,
    page: '/statements/:slug',
    index: '/statements',
    home: true,
    feed: true,
    search: {
      title: 'title',
      summary: 'summary',
      fields: ['title', 'summary', 'speaker', 'speakerName', 'speakerRole', 'issuingOrganisation', 'event', 'eventSegment', 'location', 'topics', 'body', 'proposals.text', 'attachments'],
    },
    workflow: { review: true },
  },
  {
    collection: Campaigns,
    page: '/campaigns/:slug',
    index: '/campaigns',
    home: true,
    feed: true,
    search: { title: 'title', summary: 'summary', fields: ['title', 'summary', 'topics', 'partners', 'body', 'callToAction.text', 'media'] },
    workflow: { review: true },
  },
  // Media has no workflow of its own: what readers may fetch is decided by media/usage.ts.
  { collection: Media, index: '/media' },
  {
    collection: Offices,
    index: '/contact',
    home: true,
    search: { title: 'name', summary: 'city', fields: ['name', 'city', 'organisation', 'addressLines.line', 'country'] },
    workflow: {},
  },
  {
    collection: People,
    page: '/people/:slug',
    index: '/people',
    search: { title: 'name', summary: 'role', fields: ['name', 'role', 'organisation', 'bio'] },
    workflow: {},
  },
  {
    collection: Topics,
    page: '/topics/:slug',
    index: '/topics',
    taxonomy: true,
    search: { title: 'name', summary: 'description', fields: ['name', 'description'] },
    workflow: {},
  },
  { collection: Organisations, workflow: {} },
]

export type ContentType = ContentTypeDeclaration & {
  slug: string
  /** Derived from `versions.drafts`: documents are private until published. */
  drafts: boolean
  /** Derived from `admin.useAsTitle`. */
  titleField: string
  /** Staff preview drafts on the page (derived: drafts and a page of its own). */
  preview: boolean
  /** In sitemap.xml (derived: it has a page of its own). */
  sitemap: boolean
  /** Its relationship and upload fields that point at other content types (derived from the fields). */
  relations: RelationField[]
}

function define(d: ContentTypeDeclaration): ContentType {
  const titleField = typeof d.collection.admin?.useAsTitle === 'string' ? d.collection.admin.useAsTitle : 'title'
  const drafts = hasDrafts(d.collection)
  return {
    ...d,
    slug: d.collection.slug,
    drafts,
    titleField,
    preview: drafts && Boolean(d.page),
    sitemap: Boolean(d.page),
    relations: [],
  }
}

export const contentTypes: readonly ContentType[] = declarations.map(define)

const bySlug = new Map(contentTypes.map((t) => [t.slug, t]))
for (const type of contentTypes) {
  type.relations = relationFields(type.collection.fields)
    .map((f) => ({ ...f, relationTo: f.relationTo.filter((to) => bySlug.has(to)) }))
    .filter((f) => f.relationTo.length > 0)
}

/** The content type of a collection slug (undefined for internal collections: users, audit log, …). */
export function contentType(slug: string | undefined | null): ContentType | undefined {
  return slug ? bySlug.get(slug) : undefined
}

/** Slugs of the types with a given property, e.g. `slugsWhere((t) => t.feed)`. */
export function slugsWhere(test: (type: ContentType) => boolean): string[] {
  return contentTypes.filter(test).map((t) => t.slug)
}

/**
 * Which content types show a document of `target` elsewhere, through which fields: the reverse of
 * every type's relations. A person is shown by the statements whose `speaker` is that person.
 */
export function shownBy(target: string): Array<{ type: ContentType; fields: RelationField[] }> {
  const out: Array<{ type: ContentType; fields: RelationField[] }> = []
  for (const type of contentTypes) {
    const fields = type.relations.filter((f) => f.relationTo.includes(target))
    if (fields.length) out.push({ type, fields })
  }
  return out
}

/**
 * The collections payload.config.ts lists: every content type with its editorial workflow and,
 * when it can be previewed, the admin's "Preview" button (the draft on the site, through draft mode).
 */
export function contentCollections(): CollectionConfig[] {
  return contentTypes.map((t) => {
    let collection = t.workflow ? withEditorialWorkflow(t.collection, { review: Boolean(t.workflow.review) }) : t.collection
    if (t.preview) {
      collection = {
        ...collection,
        admin: { ...collection.admin, preview: (doc, { locale }) => previewUrl(t.slug, doc?.slug as string | undefined, locale) },
      }
    }
    return collection
  })
}

/** Feed files every feed is published as (RSS 2.0, Atom, JSON Feed). */
export const FEED_FILES = ['feed.xml', 'feed.atom', 'feed.json'] as const
