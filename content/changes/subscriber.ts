/**
 * The subscriber interface: how a capability hears about content changes. Each subscriber is one
 * module in content/changes/subscribers/, listed once, in order, in subscribers/index.ts.
 *
 * A subscriber may implement any of three phases (all optional):
 *
 * 1. `duringSave(change)`: inside the save, with the save's `req` (same transaction where the
 *    database has them). For writes that must stand or fall with the change itself: the audit
 *    entry, redirects, media usage, queued webhook deliveries. A throw undoes the save and the
 *    editor sees the message, so a failure here is never silent.
 * 2. `stale(change)`: which cached things the change makes wrong (page paths, partner-API
 *    response tags, or the whole site). Runs inside the save (it may read the database through
 *    `change.req`); the pipeline merges every subscriber's answer and applies it ONCE, after the
 *    change is committed, on every server (content/changes/freshness.ts). A failed refresh is
 *    queued as a job that retries and shows on the editors' dashboard and in /api/health.
 * 3. `afterCommit(change, payload)`: after the change is committed and caches are fresh, for work
 *    that must neither hold up nor undo the save (e.g. updating a search index kept elsewhere).
 *    Gets a plain copy of the change (no request). A throw is retried by a job, then reported.
 *
 * `change.kinds` says what happened (content/changes/event.ts); draft saves arrive as
 * `['draftSaved']` so a subscriber can ignore them with one check (`touchesPublic(change)`).
 */
import type { Payload, TaskConfig } from 'payload'

import type { ContentChange } from './event'

/** What a change makes stale. Paths are public addresses ('/statements/x', '/ur/statements/x'). */
export type Staleness = {
  /** Pages refreshed before the change returns: the next reader gets the new page from the cache. */
  pages?: string[]
  /** Pages that also show the document (e.g. every statement naming a renamed person): refreshed just after. */
  laterPages?: string[]
  /** Every page: the header and footer changed (site settings, navigation). */
  everything?: boolean
  /** Partner-API response-cache tags to drop (partner-api/cache.ts: `doc:<collection>:<id>`, `list:<collection>`, …). */
  apiTags?: string[]
  /** The redirect table changed: every server reloads it (content/changes/subscribers/redirects.ts). */
  redirects?: boolean
}

/** The change without its request: what `afterCommit` subscribers and retry jobs get. */
export type CommittedChange = Omit<ContentChange, 'req' | 'doc' | 'previous'>

export type ChangeSubscriber = {
  /** Shown in logs, on the dashboard and in /api/health when it fails. */
  name: string
  /** May return what its own writes made stale (merged like `stale`). */
  duringSave?: (change: ContentChange) => Promise<Staleness | void | undefined> | Staleness | void | undefined
  stale?: (change: ContentChange) => Promise<Staleness | null | undefined> | Staleness | null | undefined
  afterCommit?: (change: CommittedChange, payload: Payload) => Promise<void> | void
  /** Once, when Payload starts in a process (e.g. to register a lookup with the web server). */
  onInit?: (payload: Payload) => Promise<void> | void
  /** Jobs the subscriber queues (registered with the jobs queue by the pipeline). */
  tasks?: TaskConfig<any>[]
}
