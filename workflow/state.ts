import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook } from 'payload'

import { isStaffUser } from '../access/roles'

function text(value: unknown, locale?: string): string {
  if (typeof value === 'string') return value.trim()
  // locale "all" sends { en, ur }
  if (value && typeof value === 'object' && locale) return text((value as Record<string, unknown>)[locale])
  return ''
}

/**
 * Written on every save, never typed by hand:
 * - updatedBy: who saved (the scheduling user when a scheduled publish fires);
 * - hasUrdu: whether the Urdu title exists (saving in Urdu decides it; other saves keep it);
 * - reviewState: "published"/"withdrawn" follow the publish status and the withdrawal box;
 *   a draft is "inReview" only while someone has asked for review, otherwise "draft".
 */
export const recordEditorialState =
  ({ titleField, review }: { titleField: string; review: boolean }): CollectionBeforeChangeHook =>
  ({ data, originalDoc, req }) => {
    if (isStaffUser(req.user)) data.updatedBy = req.user.id

    if (req.locale === 'ur') data.hasUrdu = Boolean(text(data[titleField]))
    else if (req.locale === 'all' && data[titleField] && typeof data[titleField] === 'object')
      data.hasUrdu = Boolean(text(data[titleField], 'ur'))
    else data.hasUrdu = Boolean(originalDoc?.hasUrdu)

    if (review) {
      const status = data._status ?? originalDoc?._status
      const withdrawn = (data.withdrawal ?? originalDoc?.withdrawal)?.withdrawn
      if (status === 'published') data.reviewState = withdrawn ? 'withdrawn' : 'published'
      else data.reviewState = (data.reviewState ?? originalDoc?.reviewState) === 'inReview' ? 'inReview' : 'draft'
    }
    return data
  }

/**
 * Autosave writes a draft, always. Payload treats a draft save that carries `_status: 'published'`
 * as a publish; an autosave must never be one, whoever sends it.
 */
export const autosaveNeverPublishes: CollectionBeforeOperationHook = ({ args: operationArgs, operation }) => {
  const args = operationArgs as any
  if (operation === 'update' && args?.autosave) {
    args.draft = true
    if (args.data && typeof args.data === 'object' && args.data._status === 'published') args.data._status = 'draft'
  }
  return args
}
