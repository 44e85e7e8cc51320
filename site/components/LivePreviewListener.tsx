'use client'

import { RefreshRouteOnSave } from '@payloadcms/live-preview-react'
import { useRouter } from 'next/navigation'

/**
 * Inside the admin's live preview, re-render the page whenever staff save (autosave included).
 * Render it only in draft mode (`await isPreview()` from site/draft.ts), so the public
 * pages never ship this script.
 */
export function LivePreviewListener({ serverURL }: { serverURL: string }) {
  const router = useRouter()
  return <RefreshRouteOnSave refresh={() => router.refresh()} serverURL={serverURL} />
}
