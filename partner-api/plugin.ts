/**
 * Wires the partner API into the config in one place: the key and webhook collections, the
 * delivery job, and change hooks on every public collection and global (response-cache
 * invalidation and webhook events). payload.config.ts only lists `partnerApi()` in `plugins`.
 */
import type { CollectionConfig, Config, GlobalConfig } from 'payload'

import { isStaff } from '../access/staff'
import { PartnerKeys } from '../collections/PartnerKeys'
import { WebhookDeliveries } from '../collections/WebhookDeliveries'
import { WebhookEndpoints } from '../collections/WebhookEndpoints'
import { deliverWebhookTask } from './deliverWebhook'
import { invalidateApiCache } from './cache'
import { isPublicCollection } from './publicSchema'
import { rememberBefore, webhookAfterChange, webhookAfterDelete } from './webhooks'

const dropCache = async () => {
  await invalidateApiCache()
}

/**
 * Payload's default for an unset access rule is "anyone logged in", and a partner key counts as
 * logged in: so version history (which holds drafts) must be closed to everyone but staff.
 */
function staffOnlyVersions<T extends CollectionConfig | GlobalConfig>(config: T): T {
  if (!config.versions || config.access?.readVersions) return config
  return { ...config, access: { ...config.access, readVersions: isStaff } }
}

function withHooks(input: CollectionConfig): CollectionConfig {
  const collection = staffOnlyVersions(input)
  if (!isPublicCollection(collection)) return collection
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeChange: [...(hooks.beforeChange ?? []), rememberBefore],
      afterChange: [...(hooks.afterChange ?? []), dropCache, webhookAfterChange],
      afterDelete: [...(hooks.afterDelete ?? []), dropCache, webhookAfterDelete],
    },
  }
}

function globalWithHooks(input: GlobalConfig): GlobalConfig {
  const global = staffOnlyVersions(input)
  return { ...global, hooks: { ...global.hooks, afterChange: [...(global.hooks?.afterChange ?? []), dropCache] } }
}

export const partnerApi =
  () =>
  (config: Config): Config => ({
    ...config,
    collections: [...(config.collections ?? []).map(withHooks), PartnerKeys, WebhookEndpoints, WebhookDeliveries],
    globals: (config.globals ?? []).map(globalWithHooks),
    jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), deliverWebhookTask] },
  })
