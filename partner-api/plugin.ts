/**
 * Wires the partner API into the config in one place: the key and webhook collections, the
 * delivery job, and staff-only version history on every collection and global. Response-cache
 * invalidation and webhook events are the change pipeline's subscribers (content/changes).
 * payload.config.ts only lists `partnerApi()` in `plugins`.
 */
import type { CollectionConfig, Config, GlobalConfig } from 'payload'

import { isStaff } from '../access/staff'
import { PartnerKeys } from '../collections/PartnerKeys'
import { WebhookDeliveries } from '../collections/WebhookDeliveries'
import { WebhookEndpoints } from '../collections/WebhookEndpoints'
import { deliverWebhookTask } from './deliverWebhook'

/**
 * Payload's default for an unset access rule is "anyone logged in", and a partner key counts as
 * logged in: so version history (which holds drafts) must be closed to everyone but staff.
 */
function staffOnlyVersions<T extends CollectionConfig | GlobalConfig>(config: T): T {
  if (!config.versions || config.access?.readVersions) return config
  return { ...config, access: { ...config.access, readVersions: isStaff } }
}

export const partnerApi =
  () =>
  (config: Config): Config => ({
    ...config,
    collections: [...(config.collections ?? []).map(staffOnlyVersions), PartnerKeys, WebhookEndpoints, WebhookDeliveries],
    globals: (config.globals ?? []).map(staffOnlyVersions),
    jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), deliverWebhookTask] },
  })
