/**
 * Which language the admin speaks to a staff member, and how that choice follows them.
 *
 * Payload decides per request: the `payload-lng` cookie (set by the language selector on the account
 * page), else the browser's Accept-Language, else English. Two gaps for Urdu, closed here:
 * - Payload matches Accept-Language only against the languages it ships, so a browser asking for
 *   Urdu got English. `browserAdminLanguage` reads the header the same way for our languages, and
 *   proxy.ts hands Payload the answer as a request cookie (the response sets nothing: the login page
 *   keeps following the browser until the person chooses).
 * - The cookie belongs to one browser. The choice is also kept in the account's preferences
 *   (AdminLanguage.tsx, through Payload's preferences API) and restored at every login
 *   (`restoreAdminLanguage`, an afterLogin hook), so it follows the person to any computer.
 */
import type { CollectionAfterLoginHook, CollectionConfig } from 'payload'

import { ADMIN_LANGUAGE_COOKIE, ADMIN_LANGUAGE_PREFERENCE, isAdminLanguage, type AdminLanguage } from './languages'
const ONE_YEAR = 60 * 60 * 24 * 365

/**
 * The admin language a browser asks for in its Accept-Language header, by quality then order, or
 * undefined when it names none of ours. "ur-PK" counts as "ur"; "*" counts as nothing.
 */
export function browserAdminLanguage(acceptLanguage: string | null | undefined): AdminLanguage | undefined {
  if (!acceptLanguage) return undefined
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const quality = q ? Number(q.slice(2)) : 1
      return { base: tag.trim().toLowerCase().split('-')[0], quality: Number.isFinite(quality) ? quality : 0, index }
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
  return ranked.map((entry) => entry.base).find(isAdminLanguage)
}

/** A Set-Cookie value that chooses the admin language the way Payload's own selector does. */
function adminLanguageCookie(language: AdminLanguage): string {
  return `${ADMIN_LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax`
}

/** At login, the language this person last chose in the admin becomes this browser's language too. */
const restoreAdminLanguage: CollectionAfterLoginHook = async ({ req, user }) => {
  try {
    const found = await req.payload.find({
      collection: 'payload-preferences',
      where: {
        and: [
          { key: { equals: ADMIN_LANGUAGE_PREFERENCE } },
          { 'user.value': { equals: user.id } },
          { 'user.relationTo': { equals: user.collection ?? 'users' } },
        ],
      },
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
    })
    const language = found.docs[0]?.value
    if (isAdminLanguage(language)) {
      // Payload's REST handler adds req.responseHeaders to the login response it sends.
      req.responseHeaders ??= new Headers()
      req.responseHeaders.append('Set-Cookie', adminLanguageCookie(language))
    }
  } catch (error) {
    // A preference that cannot be read must never stop anyone logging in.
    req.payload.logger.warn({ err: error, msg: 'Could not restore the admin language at login' })
  }
  return user
}

/** The staff collection with the language restored at login. */
export function withAdminLanguage(collection: CollectionConfig): CollectionConfig {
  return {
    ...collection,
    hooks: { ...collection.hooks, afterLogin: [...(collection.hooks?.afterLogin ?? []), restoreAdminLanguage] },
  }
}
