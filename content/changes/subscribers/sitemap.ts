/**
 * Sitemap: /sitemap.xml lists every public page of the types that have one (registry), with its
 * last change; any public change to such a document makes it stale.
 */
import { contentType } from '../../registry'
import { touchesPublic } from '../event'
import type { ChangeSubscriber } from '../subscriber'

const SITEMAP_PATH = '/sitemap.xml'

export const sitemap: ChangeSubscriber = {
  name: 'sitemap',
  stale(change) {
    return !change.global && contentType(change.collection)?.sitemap && touchesPublic(change) ? { pages: [SITEMAP_PATH] } : null
  },
}
