import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { safeSitePath } from '@/workflow/preview'

/** GET /next/exit-preview?path=/statements/x: leaves draft mode and shows the published page. */
export async function GET(request: Request): Promise<Response> {
  ;(await draftMode()).disable()
  redirect(safeSitePath(new URL(request.url).searchParams.get('path')) ?? '/')
}
