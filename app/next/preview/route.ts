import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { isStaffUser } from '@/access/roles'
import { payloadClient } from '@/platform/payload'
import { safeSitePath } from '@/workflow/preview'

/**
 * GET /next/preview?path=/statements/x: turns on draft mode for a logged-in staff member (checked
 * with Payload's own auth cookie or token) and opens the page, which then reads drafts. Anyone
 * else gets 401/403 and never a draft-mode cookie.
 */
export async function GET(request: Request): Promise<Response> {
  const path = safeSitePath(new URL(request.url).searchParams.get('path'))
  if (!path) return new Response('The preview link needs a path on this site, e.g. ?path=/statements/x.', { status: 400 })

  const payload = await payloadClient()
  let user: unknown = null
  try {
    user = (await payload.auth({ headers: request.headers })).user
  } catch {
    user = null
  }
  if (!user) {
    return new Response('Log in to the admin to preview drafts.', { status: 401, headers: { 'Cache-Control': 'no-store' } })
  }
  if (!isStaffUser(user as never) || (user as { collection?: string }).collection !== 'users') {
    return new Response('Only staff can preview drafts.', { status: 403, headers: { 'Cache-Control': 'no-store' } })
  }
  ;(await draftMode()).enable()
  redirect(path)
}
