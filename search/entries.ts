/**
 * From a published document to its index entries: one per language it is written in, holding
 * plain text only (rich text as text, never its JSON), field by field (search/engine.ts EntryText).
 *
 * What goes where is worked out from each field's type, so a content type only lists the fields
 * search reads (its `search.fields`):
 *   the title field → title; the summary field → summary;
 *   short text (text) and relations (speaker, organisation, topics: the related document's title)
 *     → meta ("who, where, about what");
 *   long text (textarea, rich text, also inside arrays: proposals, activities) → body;
 *   uploads → attachments: the text of attached PDFs, extracted when they were uploaded
 *     (media/pdfText.ts), in the entry of the PDF's language.
 * An Urdu entry holds Urdu text only: a document gets one when it has an Urdu title (or an Urdu
 * PDF). English fallback text is never indexed as Urdu (an English word on /ur/search finds the
 * English page and says so instead).
 */
import type { Field, SanitizedCollectionConfig } from 'payload'

import { defaultLocale, localeCodes, type Locale } from '../content/locales'
import { plainText } from '../content/richText'
import type { EntryText, IndexEntry } from './engine'
import { scriptOf } from './normalise'

/** What search reads of one content type (declared in the content registry). */
export type SearchSpec = {
  collection: string
  title: string
  summary?: string
  /** Field paths: 'body', 'proposals.text', 'speaker', 'topics', 'attachments'. */
  fields: string[]
  /** Public path of a document in a language. */
  path: (locale: Locale, doc: Record<string, unknown>) => string | null
  /** Relation fields pointing at a taxonomy (topics): the topic facet. */
  taxonomies: string[]
  /** Title field of each related collection (speaker → people.name). */
  titleOf: (collection: string) => string
}

/** At most this much PDF text per entry (a 300-page report is about 1 MB of text). */
const MAX_ATTACHMENT_TEXT = 400_000

type Doc = Record<string, any>

/** Data fields in order, through rows, collapsibles and unnamed tabs (which hold no data of their own). */
export function dataFields(fields: Field[]): Field[] {
  const out: Field[] = []
  for (const f of fields) {
    if ((f.type === 'row' || f.type === 'collapsible') && 'fields' in f) out.push(...dataFields(f.fields))
    else if (f.type === 'tabs') {
      for (const tab of f.tabs) {
        if ('name' in tab && tab.name) out.push({ ...tab, type: 'group' } as Field)
        else out.push(...dataFields(tab.fields))
      }
    }
    else if ('name' in f) out.push(f)
  }
  return out
}

type Leaf = { field: Field; value: unknown }

/** Every value at `path` (arrays fan out), with the field that holds it. */
function valuesAt(doc: Doc, fields: Field[], path: string[]): Leaf[] {
  const [head, ...rest] = path
  const field = dataFields(fields).find((f) => 'name' in f && f.name === head)
  if (!field || doc == null) return []
  const value = doc[head]
  if (!rest.length) return [{ field, value }]
  if (field.type === 'array' && Array.isArray(value)) return value.flatMap((row) => valuesAt(row, field.fields, rest))
  if (field.type === 'group' && 'fields' in field) return valuesAt(value ?? {}, field.fields, rest)
  return []
}

/** A localized value in one language, without fallback (the document was read with locale 'all'). */
function inLocale(field: Field, value: unknown, locale: Locale): unknown {
  return 'localized' in field && field.localized && value && typeof value === 'object' && !Array.isArray(value) && !('root' in value)
    ? (value as Record<string, unknown>)[locale]
    : value
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : value && typeof value === 'object' ? plainText(value) : '').trim()

type Attachment = { text: string; locale: Locale }

/** The text of an attached document (a populated media item), and the language it is in. */
function attachment(media: unknown): Attachment | null {
  if (!media || typeof media !== 'object') return null
  const pdf = (media as Doc).pdf as { text?: string; language?: string } | undefined
  const text = pdf?.text?.trim()
  if (!text) return null
  const declared = localeCodes.find((l) => pdf?.language?.toLowerCase().startsWith(l))
  return { text, locale: declared ?? (scriptOf(text) === 'arabic' ? 'ur' : defaultLocale) }
}

/** The title of a populated related document in a language (nothing when it is only an ID). */
function relatedTitle(spec: SearchSpec, field: Field, related: unknown, locale: Locale): string {
  if (!related || typeof related !== 'object') return ''
  const relationTo = 'relationTo' in field ? field.relationTo : undefined
  const polymorphic = Array.isArray(relationTo)
  const doc = (polymorphic ? (related as Doc).value : related) as Doc | undefined
  const collection = polymorphic ? (related as Doc).relationTo : relationTo
  if (!doc || typeof doc !== 'object' || typeof collection !== 'string') return ''
  // A related document readers cannot see lends nothing (not even its name) to the entry.
  if (doc.deletedAt || (typeof doc._status === 'string' && doc._status !== 'published')) return ''
  const title = doc[spec.titleOf(collection)]
  return textOf(title && typeof title === 'object' ? title[locale] : locale === defaultLocale ? title : '')
}

/**
 * The entries of one document. `doc` is the published document read with locale 'all', depth 1
 * (related documents populated) and hidden fields (the PDFs' text). Returns none for a document
 * without a title.
 */
export function entriesFor(spec: SearchSpec, config: SanitizedCollectionConfig, doc: Doc): IndexEntry[] {
  const { date, year } = entryDate(config, doc)
  const attachments: Attachment[] = []
  const perLocale = new Map<Locale, { text: EntryText; topics: IndexEntry['topics'] }>()
  for (const locale of localeCodes) {
    perLocale.set(locale, { text: { title: '', summary: '', meta: '', body: '', attachments: '' }, topics: [] })
  }
  for (const path of spec.fields) {
    for (const { field, value } of valuesAt(doc, config.fields, path.split('.'))) {
      if (field.type === 'upload') {
        for (const media of Array.isArray(value) ? value : [value]) {
          const a = attachment(media)
          if (a) attachments.push(a)
        }
        continue
      }
      for (const locale of localeCodes) {
        const entry = perLocale.get(locale)!
        if (field.type === 'relationship') {
          for (const related of Array.isArray(value) ? value : [value]) {
            const name = relatedTitle(spec, field, related, locale)
            if (name) entry.text.meta += `${name}\n`
            const label = name || relatedTitle(spec, field, related, defaultLocale)
            if (spec.taxonomies.includes(path) && label && related && typeof related === 'object' && typeof (related as Doc).slug === 'string') {
              entry.topics.push({ slug: (related as Doc).slug, name: label })
            }
          }
          continue
        }
        const text = textOf(inLocale(field, value, locale))
        if (!text) continue
        if (path === spec.title) entry.text.title = text
        else if (path === spec.summary) entry.text.summary = text
        else if (field.type === 'text') entry.text.meta += `${text}\n`
        else entry.text.body += `${text}\n`
      }
    }
  }
  for (const a of attachments) {
    const entry = perLocale.get(a.locale)!
    if (entry.text.attachments.length < MAX_ATTACHMENT_TEXT) entry.text.attachments += `${a.text}\n`
  }

  const englishTitle = perLocale.get(defaultLocale)!.text.title
  const out: IndexEntry[] = []
  for (const [locale, { text, topics }] of perLocale) {
    // A language the document is written in: its own title, or (other languages) an attached PDF in it.
    const ownTitle = Boolean(text.title)
    if (!ownTitle && (locale === defaultLocale || !text.attachments)) continue
    const path = spec.path(locale, doc)
    if (!path) continue
    out.push({
      collection: spec.collection,
      docId: String(doc.id),
      locale,
      path,
      date,
      year,
      topics,
      text: {
        ...text,
        title: text.title || englishTitle,
        meta: text.meta.trim(),
        body: text.body.trim(),
        attachments: text.attachments.slice(0, MAX_ATTACHMENT_TEXT).trim(),
      },
    })
  }
  return out
}

/**
 * The date readers know a document by: the date field its type sorts by (`defaultSort: '-deliveredOn'`),
 * else when it was first published; with its year (the year facet). Types without either (people,
 * topics, offices) are ordered by when they were created and have no year.
 */
function entryDate(config: SanitizedCollectionConfig, doc: Doc): { date: string | null; year: number | null } {
  const sort = typeof config.defaultSort === 'string' && config.defaultSort.startsWith('-') ? config.defaultSort.slice(1) : null
  const sortField = sort ? dataFields(config.fields).find((f) => 'name' in f && f.name === sort && f.type === 'date') : undefined
  const valid = (v: unknown): v is string => typeof v === 'string' && Number.isFinite(Date.parse(v))
  for (const value of [sortField ? doc[sort!] : null, doc.firstPublishedAt]) {
    if (valid(value)) return { date: new Date(value).toISOString(), year: new Date(value).getUTCFullYear() }
  }
  return { date: valid(doc.createdAt) ? new Date(doc.createdAt).toISOString() : null, year: null }
}
