/**
 * The classified change event: what one save, trash, restore or delete meant for readers and
 * partners. Worked out once, by a pure function, from the document as it was stored before and
 * after (the live, published row; never a draft version), so every subscriber agrees on it.
 */
import type { PayloadRequest } from 'payload'

/** What happened. One change can be several (a republish that also changes the slug). */
type ChangeKind =
  /** A document readers could not see before now can (first publish, or a republish after an unpublish). */
  | 'published'
  /** A public document was published again with changes (see `update`: major or minor). */
  | 'republished'
  /** Taken off the site by staff or a scheduled unpublish. */
  | 'unpublished'
  /** Published with the withdrawal box ticked: the page stays up with an explanation. */
  | 'withdrawn'
  /** Published again with the withdrawal box cleared. */
  | 'unwithdrawn'
  /** Moved to the trash (off the site when it was public). */
  | 'trashed'
  /** Taken out of the trash. */
  | 'restored'
  /** Deleted for good. */
  | 'deleted'
  /** The public address changed (old addresses then redirect). */
  | 'slugChanged'
  /** A draft (autosave included) was saved: nothing readers or partners see changed. */
  | 'draftSaved'
  /** A new document that is not public yet (a draft, or an internal record). */
  | 'created'
  /** An internal record (partner key, webhook endpoint, account, global) changed. */
  | 'updated'

/** How the change came in: a web request (admin, REST, GraphQL), a job (scheduled publish) or a script (seed, restore). */
export type ChangeDoor = 'request' | 'job' | 'script'

type Id = number | string

/** The stored (live) document, as the database adapter returns it: ids for relations, every locale. */
export type StoredDoc = Record<string, unknown> & { id?: Id; _status?: string | null; deletedAt?: string | null; slug?: string | null }

export type ContentChange = {
  /** Collection slug, or the global's slug when `global` is true. */
  collection: string
  global: boolean
  id: Id | null
  operation: 'create' | 'update' | 'delete'
  kinds: ChangeKind[]
  /** For a republish: a major change (readers get a note and a new date) or a minor one. */
  update?: 'major' | 'minor'
  /** Could readers see it before / can they now? */
  wasPublic: boolean
  isPublic: boolean
  /** The stored document before and after (null when there was none / it is gone). */
  before: StoredDoc | null
  after: StoredDoc | null
  /** The document as the operation returned it (the request's locale; a draft for a draft save). */
  doc: Record<string, unknown> | null
  /** The operation's previous document (its latest version, which may be a draft), in the request's locale. */
  previous: Record<string, unknown> | null
  door: ChangeDoor
  /** When it happened (ISO). */
  at: string
  req: PayloadRequest
}

export type ClassifyInput = {
  operation: 'create' | 'update' | 'delete'
  /** A content type readers see (content/registry.ts); internal records (keys, accounts) are never public. */
  content: boolean
  /** Documents of this collection are private until published (`versions.drafts`). */
  drafts: boolean
  /** The operation saved a draft only (autosave or "Save draft"): the live row is untouched. */
  draftSave: boolean
  before: StoredDoc | null
  after: StoredDoc | null
}

/** Readers see a stored document when it is not in the trash and, with drafts, is published. */
function isPublicDoc(doc: StoredDoc | null | undefined, drafts: boolean): boolean {
  if (!doc || doc.deletedAt) return false
  return drafts ? doc._status === 'published' : true
}

const withdrawn = (doc: StoredDoc | null) => Boolean((doc?.withdrawal as { withdrawn?: boolean } | undefined)?.withdrawn)
const historyLength = (doc: StoredDoc | null) => (Array.isArray(doc?.changeHistory) ? doc.changeHistory.length : 0)

/** The pure decision: what a change means, from the stored document before and after. */
export function classify({ operation, content, drafts, draftSave, before, after }: ClassifyInput): {
  kinds: ChangeKind[]
  update?: 'major' | 'minor'
  wasPublic: boolean
  isPublic: boolean
} {
  if (!content) {
    const kinds: ChangeKind[] = [operation === 'create' ? 'created' : operation === 'delete' ? 'deleted' : 'updated']
    if (operation === 'update' && after?.deletedAt && !before?.deletedAt) kinds.splice(0, 1, 'trashed')
    if (operation === 'update' && before?.deletedAt && !after?.deletedAt) kinds.splice(0, 1, 'restored')
    return { kinds, wasPublic: false, isPublic: false }
  }
  const wasPublic = operation === 'create' ? false : isPublicDoc(before, drafts)
  // A draft save leaves what readers see exactly as it was.
  if (draftSave && operation !== 'delete') {
    return { kinds: operation === 'create' ? ['created', 'draftSaved'] : ['draftSaved'], wasPublic, isPublic: wasPublic }
  }
  const isPublic = operation === 'delete' ? false : isPublicDoc(after, drafts)
  const kinds: ChangeKind[] = []
  let update: 'major' | 'minor' | undefined

  if (operation === 'delete') {
    kinds.push('deleted')
    return { kinds, wasPublic, isPublic }
  }
  const trashing = Boolean(after?.deletedAt) && !before?.deletedAt
  const restoring = operation === 'update' && Boolean(before?.deletedAt) && !after?.deletedAt
  if (trashing) kinds.push('trashed')
  if (restoring) kinds.push('restored')

  if (!wasPublic && isPublic) kinds.push('published')
  else if (wasPublic && isPublic) {
    kinds.push('republished')
    // A major change adds a public note to the change history (workflow/publishing.ts).
    update = historyLength(after) > historyLength(before) ? 'major' : 'minor'
  } else if (wasPublic && !isPublic && !trashing) kinds.push('unpublished')
  else if (!wasPublic && !isPublic && !trashing && !restoring) kinds.push(operation === 'create' ? 'created' : 'updated')

  if (isPublic && withdrawn(after) && !(wasPublic && withdrawn(before))) kinds.push('withdrawn')
  if (isPublic && wasPublic && withdrawn(before) && !withdrawn(after)) kinds.push('unwithdrawn')
  if (wasPublic && isPublic && before?.slug && after?.slug && before.slug !== after.slug) kinds.push('slugChanged')
  return { kinds, update, wasPublic, isPublic }
}

/** Did readers or partners see anything change? (Everything but draft saves and private records.) */
export const touchesPublic = (change: Pick<ContentChange, 'wasPublic' | 'isPublic' | 'kinds'>): boolean =>
  (change.wasPublic || change.isPublic) && !change.kinds.includes('draftSaved')
