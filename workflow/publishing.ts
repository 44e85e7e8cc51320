import type { CollectionBeforeChangeHook, Field } from 'payload'
import { ValidationError } from 'payload'

import { isStaffField } from '../access/staff'

/**
 * GOV.UK-style publishing record shared by every public content type:
 * first published / last major update dates, a public change history, and a withdrawn state.
 * Withdrawn documents stay published and public, with a notice that explains why.
 */
export const publishingFields: Field[] = [
  {
    name: 'firstPublishedAt',
    type: 'date',
    admin: { position: 'sidebar', readOnly: true, description: 'Set automatically the first time this is published.' },
  },
  {
    name: 'publishedAt',
    type: 'date',
    index: true,
    admin: {
      position: 'sidebar',
      readOnly: true,
      description: 'Date of the last major update shown to readers. Set automatically when you publish.',
    },
  },
  {
    name: 'updateType',
    type: 'radio',
    defaultValue: 'minor',
    options: [
      { label: 'Minor change (typo, formatting): no public note', value: 'minor' },
      { label: 'Major change: readers should know (add a note below)', value: 'major' },
    ],
    admin: { position: 'sidebar', description: 'Only matters when you publish an update to something already published.' },
  },
  {
    name: 'changeNote',
    type: 'textarea',
    localized: true,
    admin: {
      position: 'sidebar',
      description: 'For a major change: one sentence for readers, e.g. "Added the Urdu translation."',
      condition: (data) => data?.updateType === 'major',
    },
  },
  {
    name: 'changeHistory',
    type: 'array',
    admin: { readOnly: true, description: 'Public record of publication and major changes. Written automatically.' },
    fields: [
      { name: 'date', type: 'date', required: true, admin: { description: 'When this change was published.' } },
      { name: 'note', type: 'text', localized: true, admin: { description: 'What changed, as readers see it.' } },
    ],
  },
  {
    name: 'withdrawal',
    type: 'group',
    label: 'Withdrawal',
    admin: { description: 'Withdraw content that is out of date or wrong. The page stays up with your explanation.' },
    fields: [
      {
        name: 'withdrawn',
        type: 'checkbox',
        defaultValue: false,
        admin: { description: 'Tick, explain below, and publish. Only editors can withdraw.' },
      },
      {
        name: 'withdrawnAt',
        type: 'date',
        admin: { readOnly: true, description: 'Set automatically.', condition: (_, sibling) => Boolean(sibling?.withdrawn) },
      },
      {
        name: 'explanation',
        type: 'textarea',
        localized: true,
        admin: {
          description: 'Tell readers why this was withdrawn and where to find current information.',
          condition: (_, sibling) => Boolean(sibling?.withdrawn),
        },
        validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
          siblingData?.withdrawn && !(typeof value === 'string' && value.trim())
            ? 'Explain to readers why this is withdrawn.'
            : true,
      },
    ],
  },
  {
    name: 'createdBy',
    type: 'relationship',
    relationTo: 'users',
    // Staff account IDs are never public: not readable, so not a filter or a sort either.
    access: { read: isStaffField, update: () => false },
    admin: { position: 'sidebar', readOnly: true, description: 'Who wrote this first. Contributors can edit only what they created.' },
  },
]

/**
 * Keeps the publishing record honest: dates and history are written here, never typed by hand.
 */
export const recordPublication: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  // Who wrote it is who is signed in: never what the request says (a contributor could otherwise
  // file a draft under an editor's name). Scripts without a user (seed, imports) set it themselves.
  if (operation === 'create' && req.user && req.user.collection === 'users') {
    data.createdBy = req.user.id
  }

  const withdrawal = data.withdrawal as { withdrawn?: boolean; withdrawnAt?: string | null } | undefined
  if (withdrawal?.withdrawn && !withdrawal.withdrawnAt) withdrawal.withdrawnAt = new Date().toISOString()
  if (withdrawal && !withdrawal.withdrawn) withdrawal.withdrawnAt = null

  if (data._status !== 'published') return data

  const now = new Date().toISOString()
  const history = Array.isArray(data.changeHistory) ? [...data.changeHistory] : [...(originalDoc?.changeHistory ?? [])]
  const firstPublication = !originalDoc?.firstPublishedAt

  if (firstPublication) {
    data.firstPublishedAt = now
    data.publishedAt = data.publishedAt ?? now
    history.push({ date: now, note: req.locale === 'ur' ? 'پہلی بار شائع ہوا۔' : 'First published.' })
  } else {
    data.firstPublishedAt = originalDoc.firstPublishedAt
    if (data.updateType === 'major') {
      const note = typeof data.changeNote === 'string' ? data.changeNote.trim() : ''
      if (!note) {
        throw new ValidationError({
          collection: undefined,
          errors: [{ path: 'changeNote', message: 'A major change needs a short public note for readers.' }],
        })
      }
      data.publishedAt = now
      history.push({ date: now, note })
    }
  }
  data.changeHistory = history
  data.updateType = 'minor'
  data.changeNote = null
  return data
}
