/**
 * Every change subscriber, in the order they run (content/changes/subscriber.ts explains the
 * phases). During the save: the audit entry first (it names the change), then redirects, media
 * usage and webhooks. What they make stale is merged and applied once after the commit: the API
 * response cache first, then pages, feeds and the sitemap together.
 *
 * After the commit, the site search index takes the change (search/subscriber.ts).
 *
 * A new subscriber is one module here and one line in this list.
 */
import type { ChangeSubscriber } from '../subscriber'
import { apiCache } from './apiCache'
import { audit } from './audit'
import { feeds } from './feeds'
import { mediaUsage } from './mediaUsage'
import { pages } from './pages'
import { redirects } from './redirects'
import { searchIndex } from '../../../search/subscriber'
import { sitemap } from './sitemap'
import { webhooks } from './webhooks'

export const subscribers: readonly ChangeSubscriber[] = [audit, redirects, mediaUsage, webhooks, apiCache, pages, feeds, sitemap, searchIndex]
