import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { APIError } from 'payload'

import { hasRole } from '../access/roles'
import { hasDrafts } from '../content/schema'

/** 403 with a message a contributor can act on; shown by REST, GraphQL and the admin alike. */
class ContributorForbidden extends APIError {
  constructor(message: string) {
    super(message, 403, undefined, true)
  }
}

async function currentMainDoc(req: PayloadRequest, collection: string, id: number | string) {
  // The main row holds the live (published) state; drafts live in the versions table.
  return (await req.payload.db.findOne({ collection, where: { id: { equals: id } }, req })) as
    | { _status?: string; firstPublishedAt?: string | null; withdrawal?: { withdrawn?: boolean | null } | null; deletedAt?: string | null }
    | null
}

const askAnEditor = 'Submit it for review (set Review to "Waiting for review") and an editor will publish it.'

/**
 * Contributors write drafts; only editors and admins put anything live or take it down.
 * Runs before access control on every API (Local with overrideAccess:false, REST, GraphQL, and
 * scheduled-publish jobs, which run as the person who scheduled them), so the refusal is a clear
 * 403 and nothing is written. Access functions (access/ownContent.ts) say the same thing so the
 * admin hides the Publish button from contributors.
 */
export const guardContributorOperation: CollectionBeforeOperationHook = async ({ args: operationArgs, collection, operation, req }) => {
  // The arguments differ per operation; we read only id, data, draft and overrideAccess.
  const args = operationArgs as any
  if (args?.overrideAccess || !hasRole(req.user, 'contributor')) return args
  const drafts = hasDrafts(collection)
  if (!drafts) return args

  if (operation === 'create' || operation === 'update') {
    const data = (args.data ?? {}) as Record<string, any>
    if (data._status === 'published') {
      throw new ContributorForbidden(`Contributors cannot publish. ${askAnEditor}`)
    }
    if (args.publishSpecificLocale || args.publishAllLocales) {
      throw new ContributorForbidden(`Contributors cannot publish. ${askAnEditor}`)
    }
    if (operation === 'create') {
      if (data.withdrawal?.withdrawn) throw new ContributorForbidden('Only editors can withdraw content.')
      return args
    }
    if (args.id === undefined || args.id === null) {
      // Bulk edits could touch live documents the contributor cannot see one by one.
      if (!args.draft) throw new ContributorForbidden('Contributors can change several documents at once only as drafts.')
      return args
    }
    const live = await currentMainDoc(req, collection.slug, args.id)
    if (!live) return args // access control answers "not found"
    if (live._status === 'published' && !args.draft) {
      if (data._status === 'draft') throw new ContributorForbidden('Only editors can unpublish. Ask an editor to take this down.')
      throw new ContributorForbidden(
        'This is published, so saving would change the live page. Save your changes as a draft (draft=true) for an editor to review.',
      )
    }
    if (data.withdrawal && typeof data.withdrawal === 'object' && 'withdrawn' in data.withdrawal) {
      if (Boolean(data.withdrawal.withdrawn) !== Boolean(live.withdrawal?.withdrawn)) {
        throw new ContributorForbidden('Only editors can withdraw content or bring it back.')
      }
    }
    if ('deletedAt' in data && data.deletedAt && live.firstPublishedAt) {
      throw new ContributorForbidden('Only editors can delete something that has been published.')
    }
    return args
  }

  if (operation === 'delete' && args.id !== undefined && args.id !== null) {
    const live = await currentMainDoc(req, collection.slug, args.id)
    if (live && (live._status === 'published' || live.firstPublishedAt)) {
      throw new ContributorForbidden('Only editors can delete something that has been published.')
    }
  }
  return args
}

const uploadANewOne = 'Upload a new file and use it in your draft instead; an editor will review it.'

/**
 * Media have no drafts, so for them the review rule is simpler: contributors upload and change
 * their own work in progress, but nothing readers can see. An item marked public, or shown by
 * published content, is live: changing its file, alternative text or caption, or making an item
 * public, is an editor's job. Access (access/media.ts) enforces the same; this explains it (403)
 * before anything is read or written. Contributors are staff and can read every item, so saying
 * why tells them nothing new.
 */
export const guardContributorMedia: CollectionBeforeOperationHook = async ({ args: operationArgs, collection, operation, req }) => {
  const args = operationArgs as any
  if (args?.overrideAccess || !hasRole(req.user, 'contributor')) return args
  const data = (args.data ?? {}) as Record<string, unknown>
  if ((operation === 'create' || operation === 'update') && data.public === true) {
    throw new ContributorForbidden('Only editors can make a file public. Upload it, then ask an editor to tick "Public".')
  }
  if ((operation === 'update' || operation === 'delete') && args.id !== undefined && args.id !== null) {
    const item = (await req.payload.db.findOne({ collection: collection.slug, where: { id: { equals: args.id } }, req })) as
      | { public?: boolean | null; usedByPublished?: boolean | null }
      | null
    if (item?.usedByPublished || item?.public) {
      const why = item.usedByPublished ? 'published content shows it' : 'it is marked public'
      throw new ContributorForbidden(
        operation === 'delete'
          ? `This file is live (${why}): only editors can delete it.`
          : `This file is live (${why}): only editors can change it. ${uploadANewOne}`,
      )
    }
  }
  return args
}
