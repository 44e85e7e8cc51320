import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { APIError } from 'payload'

import { hasRole } from '../access/roles'
import { hasDrafts } from '../content/schema'
import { inAdminLanguage, type Bilingual } from '../translations/labels'

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

/** What contributors are told, in their admin language. */
const refusals = {
  publish: {
    en: 'Contributors cannot publish. Submit it for review (set Review to "Waiting for review") and an editor will publish it.',
    ur: 'لکھاری شائع نہیں کر سکتے۔ اسے جائزے کے لیے بھیجیں ("جائزہ" میں "جائزے کا منتظر" چنیں) اور کوئی مدیر اسے شائع کر دے گا۔',
  },
  withdraw: { en: 'Only editors can withdraw content.', ur: 'مواد صرف مدیر منسوخ کر سکتے ہیں۔' },
  bulk: {
    en: 'Contributors can change several documents at once only as drafts.',
    ur: 'لکھاری کئی دستاویزات ایک ساتھ صرف مسودے کے طور پر بدل سکتے ہیں۔',
  },
  unpublish: { en: 'Only editors can unpublish. Ask an editor to take this down.', ur: 'اشاعت صرف مدیر واپس لے سکتے ہیں۔ اسے ہٹانے کے لیے کسی مدیر سے کہیں۔' },
  livePage: {
    en: 'This is published, so saving would change the live page. Save your changes as a draft (draft=true) for an editor to review.',
    ur: 'یہ شائع شدہ ہے، اس لیے محفوظ کرنے سے عوامی صفحہ بدل جائے گا۔ اپنی تبدیلیاں مسودے کے طور پر (draft=true) محفوظ کریں تاکہ کوئی مدیر جائزہ لے۔',
  },
  withdrawOrRestore: {
    en: 'Only editors can withdraw content or bring it back.',
    ur: 'مواد کو صرف مدیر منسوخ کر سکتے یا واپس لا سکتے ہیں۔',
  },
  deletePublished: {
    en: 'Only editors can delete something that has been published.',
    ur: 'جو چیز شائع ہو چکی ہو اسے صرف مدیر حذف کر سکتے ہیں۔',
  },
  mediaPublic: {
    en: 'Only editors can make a file public. Upload it, then ask an editor to tick "Public".',
    ur: 'فائل کو صرف مدیر عوامی بنا سکتے ہیں۔ اسے اپ لوڈ کریں، پھر کسی مدیر سے "عوامی" پر نشان لگانے کو کہیں۔',
  },
} satisfies Record<string, Bilingual>

/** Why a media item is live, and what a contributor is told when they try to change or delete it. */
function liveMediaRefusal(operation: string, shownByPublished: boolean): Bilingual {
  const why = shownByPublished
    ? { en: 'published content shows it', ur: 'شائع شدہ مواد میں دکھائی دیتی ہے' }
    : { en: 'it is marked public', ur: 'عوامی کے طور پر نشان زدہ ہے' }
  return operation === 'delete'
    ? { en: `This file is live (${why.en}): only editors can delete it.`, ur: `یہ فائل عوامی ہے (${why.ur}): اسے صرف مدیر حذف کر سکتے ہیں۔` }
    : {
        en: `This file is live (${why.en}): only editors can change it. Upload a new file and use it in your draft instead; an editor will review it.`,
        ur: `یہ فائل عوامی ہے (${why.ur}): اسے صرف مدیر بدل سکتے ہیں۔ اس کے بجائے نئی فائل اپ لوڈ کر کے اپنے مسودے میں استعمال کریں؛ کوئی مدیر اس کا جائزہ لے گا۔`,
      }
}

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
      throw new ContributorForbidden(inAdminLanguage(req, refusals.publish))
    }
    if (args.publishSpecificLocale || args.publishAllLocales) {
      throw new ContributorForbidden(inAdminLanguage(req, refusals.publish))
    }
    if (operation === 'create') {
      if (data.withdrawal?.withdrawn) throw new ContributorForbidden(inAdminLanguage(req, refusals.withdraw))
      return args
    }
    if (args.id === undefined || args.id === null) {
      // Bulk edits could touch live documents the contributor cannot see one by one.
      if (!args.draft) throw new ContributorForbidden(inAdminLanguage(req, refusals.bulk))
      return args
    }
    const live = await currentMainDoc(req, collection.slug, args.id)
    if (!live) return args // access control answers "not found"
    if (live._status === 'published' && !args.draft) {
      if (data._status === 'draft') throw new ContributorForbidden(inAdminLanguage(req, refusals.unpublish))
      throw new ContributorForbidden(inAdminLanguage(req, refusals.livePage))
    }
    if (data.withdrawal && typeof data.withdrawal === 'object' && 'withdrawn' in data.withdrawal) {
      if (Boolean(data.withdrawal.withdrawn) !== Boolean(live.withdrawal?.withdrawn)) {
        throw new ContributorForbidden(inAdminLanguage(req, refusals.withdrawOrRestore))
      }
    }
    if ('deletedAt' in data && data.deletedAt && live.firstPublishedAt) {
      throw new ContributorForbidden(inAdminLanguage(req, refusals.deletePublished))
    }
    return args
  }

  if (operation === 'delete' && args.id !== undefined && args.id !== null) {
    const live = await currentMainDoc(req, collection.slug, args.id)
    if (live && (live._status === 'published' || live.firstPublishedAt)) {
      throw new ContributorForbidden(inAdminLanguage(req, refusals.deletePublished))
    }
  }
  return args
}

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
    throw new ContributorForbidden(inAdminLanguage(req, refusals.mediaPublic))
  }
  if ((operation === 'update' || operation === 'delete') && args.id !== undefined && args.id !== null) {
    const item = (await req.payload.db.findOne({ collection: collection.slug, where: { id: { equals: args.id } }, req })) as
      | { public?: boolean | null; usedByPublished?: boolean | null }
      | null
    if (item?.usedByPublished || item?.public) {
      throw new ContributorForbidden(inAdminLanguage(req, liveMediaRefusal(operation, Boolean(item.usedByPublished))))
    }
  }
  return args
}
