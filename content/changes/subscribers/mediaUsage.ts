/**
 * Media usage: a picture or PDF is readable by the public only while published content (or a
 * global, like the logo) uses it (media/usage.ts). Kept in the save's transaction so a file is
 * never public a moment before its page, nor private a moment after. Media whose visibility flips
 * make the media page and their API responses stale.
 */
import type { Field } from 'payload'

import { mayUseMedia, recordGlobalMediaUsage, recordMediaUsage } from '../../../media/usage'
import type { ChangeSubscriber, Staleness } from '../subscriber'

const staleMedia = (ids: Array<number | string>): Staleness | undefined =>
  ids.length ? { apiTags: ['list:media', ...ids.map((id) => `doc:media:${id}`)], pages: ['/media', '/ur/media'] } : undefined

export const mediaUsage: ChangeSubscriber = {
  name: 'mediaUsage',
  async duringSave(change) {
    const { req } = change
    if (change.global) {
      const global = req.payload.config.globals.find((g) => g.slug === change.collection)
      if (!global || !mayUseMedia(global.fields)) return
      return staleMedia(await recordGlobalMediaUsage(req, global.fields, change.after, change.before))
    }
    // A draft saved over a document leaves its stored row, and so its media, as they were. (A new
    // draft is stored: staff see where its media are used; readers do not, it is not published.)
    if (change.collection === 'media' || (change.operation === 'update' && change.kinds.includes('draftSaved'))) return
    const config = req.payload.collections[change.collection as 'statements']?.config
    if (!config || config.auth || !mayUseMedia(config.fields as Field[])) return
    const source = { collection: change.collection, id: change.id as number | string, fields: config.fields as Field[] }
    const stored = change.operation === 'delete' ? null : change.after
    return staleMedia(await recordMediaUsage(req, source, stored, change.isPublic))
  },
}
