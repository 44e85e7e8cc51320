/**
 * The partner API's response cache (partner-api/cache.ts) is dropped per document, not wholesale:
 * a response is tagged with every document it contains (`doc:<collection>:<id>`), lists with their
 * collection (`list:<collection>`), globals with `global:<slug>`. A change drops only the
 * responses that contained the document or list its collection. A change to a partner key drops
 * the remembered key states, so a revocation is immediate on every server.
 */
import { setApiCacheSchema } from '../../../partner-api/cache'
import { apiFastPath } from '../../../partner-api/fastPath'
import { serverHandle } from '../server'
import { contentType } from '../../registry'
import { touchesPublic } from '../event'
import type { ChangeSubscriber } from '../subscriber'

export const apiCache: ChangeSubscriber = {
  name: 'apiCache',
  onInit(payload) {
    // Responses are tagged by reading them with the collections' fields.
    setApiCacheSchema(payload.config)
    // In a web server, cached answers are served before Next (server.mjs).
    serverHandle()?.setApiFastPath(apiFastPath(payload.config))
  },
  stale(change) {
    if (change.global) return touchesPublic(change) ? { apiTags: [`global:${change.collection}`] } : null
    if (change.collection === 'partner-keys') return { apiTags: ['partner-keys'] }
    if (!contentType(change.collection) || !touchesPublic(change)) return null
    return { apiTags: [`doc:${change.collection}:${change.id}`, `list:${change.collection}`] }
  },
}
