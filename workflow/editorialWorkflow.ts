import type { CollectionConfig, Field } from 'payload'

import { isStaffField } from '../access/staff'
import { noteStartingPoint, refuseStaleUpdate } from './concurrency'
import { guardContributorOperation } from './contributorGuard'
import { refuseDeletingLinkedDocument, refuseTrashingLinkedDocument } from './references'
import { autosaveNeverPublishes, recordEditorialState } from './state'
import type { Bilingual } from '../translations/labels'

const reviewStates = ['draft', 'inReview', 'published', 'withdrawn'] as const
export type ReviewState = (typeof reviewStates)[number]

export const reviewStateLabels: Record<ReviewState, Bilingual> = {
  draft: { en: 'Draft', ur: 'مسودہ' },
  inReview: { en: 'Waiting for review', ur: 'جائزے کا منتظر' },
  published: { en: 'Published', ur: 'شائع شدہ' },
  withdrawn: { en: 'Withdrawn', ur: 'منسوخ شدہ' },
}

/**
 * Where a piece of content stands. Staff choose only "Draft" or "Waiting for review";
 * "Published" and "Withdrawn" are derived on every save from the publish status and the
 * withdrawal box (workflow/state.ts), so they can never disagree with them.
 */
const reviewStateField: Field = {
  name: 'reviewState',
  type: 'select',
  defaultValue: 'draft',
  index: true,
  label: { en: 'Review', ur: 'جائزہ' },
  options: reviewStates.map((value) => ({ label: reviewStateLabels[value], value })),
  // The current value always stays valid (it may be a derived "Published"); the menu offers the two choices.
  filterOptions: ({ options, siblingData }) =>
    options.filter((o) => {
      const value = typeof o === 'string' ? o : o.value
      return value === 'draft' || value === 'inReview' || value === (siblingData as { reviewState?: string })?.reviewState
    }),
  admin: {
    position: 'sidebar',
    description: {
      en: 'Choose "Waiting for review" and save when your draft is ready for an editor. Published and Withdrawn are set automatically.',
      ur: 'مسودہ مدیر کے لیے تیار ہو تو "جائزے کا منتظر" چن کر محفوظ کریں۔ "شائع شدہ" اور "منسوخ شدہ" خود طے ہوتے ہیں۔',
    },
  },
}

/** Who saved last: shown in lists and named when a colleague's save would overwrite theirs. */
const updatedByField: Field = {
  name: 'updatedBy',
  type: 'relationship',
  relationTo: 'users',
  // Staff names and account ids are never public.
  access: { read: isStaffField, create: () => false, update: () => false },
  label: { en: 'Updated by', ur: 'آخری بار محفوظ کرنے والا' },
  admin: { position: 'sidebar', readOnly: true, description: { en: 'The last person who saved this. Set automatically.', ur: 'جس نے اسے آخری بار محفوظ کیا۔ خود طے ہوتا ہے۔' } },
}

/** Language completeness for list views: is there an Urdu title/name yet? Kept up to date on save. */
const hasUrduField: Field = {
  name: 'hasUrdu',
  type: 'checkbox',
  defaultValue: false,
  label: { en: 'Urdu version', ur: 'اردو نسخہ' },
  access: { create: () => false, update: () => false },
  admin: { position: 'sidebar', readOnly: true, description: { en: 'Ticked automatically once the Urdu title is filled in.', ur: 'اردو عنوان لکھ دیا جائے تو خود نشان لگ جاتا ہے۔' } },
}

/**
 * The version the editor started from. Not stored: it is filled with the document's `updatedAt`
 * when the document is read, so the admin form (and any API client) sends it back on save and an
 * out-of-date save is refused instead of overwriting a colleague's work (workflow/concurrency.ts).
 */
const lastKnownUpdatedAtField: Field = {
  name: 'lastKnownUpdatedAt',
  type: 'text',
  virtual: true,
  label: { en: 'Version you started from', ur: 'جس ورژن سے شروع کیا' },
  // Not `hidden`: hidden fields are dropped from the admin form. This renders nothing instead.
  admin: {
    description: { en: 'The version you started editing from. Set automatically.', ur: 'جس ورژن سے آپ نے ترمیم شروع کی۔ خود طے ہوتا ہے۔' },
    components: { Field: '/workflow/VersionMarkerField#VersionMarkerField' },
    disableListColumn: true,
    disableListFilter: true,
  },
  hooks: {
    afterRead: [({ siblingData }) => (siblingData?.updatedAt ? String(siblingData.updatedAt) : undefined)],
  },
}

type WorkflowOptions = {
  /** Review states (draft → waiting for review → published/withdrawn): Programs, Statements, Campaigns. */
  review?: boolean
  /** The field shown as the title, used for the Urdu-completeness flag and the audit log. */
  titleField?: string
}

function appendHooks<K extends keyof NonNullable<CollectionConfig['hooks']>>(
  hooks: NonNullable<CollectionConfig['hooks']>,
  key: K,
  ...more: NonNullable<NonNullable<CollectionConfig['hooks']>[K]>
) {
  hooks[key] = [...((hooks[key] as any[]) ?? []), ...(more as any[])] as any
}

/**
 * Adds the editorial workflow to a collection: who saved last (updatedBy; the audit log is the change
 * pipeline's, content/changes/subscribers/audit.ts), refusal
 * of stale saves (409), contributor limits enforced on every API, trash with restore, and
 * a refusal to delete what published content still links to. Existing hooks are kept and run first.
 */
export function withEditorialWorkflow(config: CollectionConfig, options: WorkflowOptions = {}): CollectionConfig {
  const titleField = options.titleField ?? (typeof config.admin?.useAsTitle === 'string' ? config.admin.useAsTitle : 'title')
  const hooks: NonNullable<CollectionConfig['hooks']> = { ...(config.hooks ?? {}) }
  appendHooks(hooks, 'beforeOperation', autosaveNeverPublishes, guardContributorOperation, noteStartingPoint)
  // After access is decided (beforeValidate): a caller who may not update hears only "forbidden".
  hooks.beforeValidate = [refuseStaleUpdate, ...(hooks.beforeValidate ?? [])]
  appendHooks(hooks, 'beforeChange', recordEditorialState({ titleField, review: Boolean(options.review) }), refuseTrashingLinkedDocument)
  appendHooks(hooks, 'beforeDelete', refuseDeletingLinkedDocument)

  const fields: Field[] = [...config.fields]
  if (options.review) fields.push(reviewStateField)
  fields.push(updatedByField, hasUrduField, lastKnownUpdatedAtField)

  // List views: title, where it stands, whether Urdu exists, who saved last and when.
  const columns = [...(config.admin?.defaultColumns ?? [titleField])].filter((c) => c !== 'updatedAt')
  if (options.review && !columns.includes('reviewState')) columns.splice(1, 0, 'reviewState')
  columns.push('hasUrdu', 'updatedBy', 'updatedAt')

  return { ...config, trash: config.trash ?? true, admin: { ...config.admin, defaultColumns: columns }, hooks, fields }
}
