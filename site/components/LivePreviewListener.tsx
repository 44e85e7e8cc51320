'use client'

import { RefreshRouteOnSave } from '@payloadcms/live-preview-react'
import { useRouter } from 'next/navigation'
import { useSyncExternalStore } from 'react'

/**
 * Inside the admin's live preview, re-render the page whenever staff save (autosave included).
 * Render it only in draft mode (`await isPreview()` from site/draft.ts), so the public
 * pages never ship this script.
 *
 * It listens only where the admin can speak to it: in the live-preview frame or a window the
 * admin opened. A preview opened in a tab of its own gets no saves to listen for, and Payload's
 * listener would still re-render the page once on arrival, for nothing (a second server render
 * of the draft, and a page that changes under the reader's first click).
 */
export function LivePreviewListener({ serverURL }: { serverURL: string }) {
  const router = useRouter()
  // Known only in the browser (false in the server render); a window's frame and opener never change.
  const inAdmin = useSyncExternalStore(
    noSubscription,
    () => window.parent !== window || Boolean(window.opener),
    () => false,
  )
  return inAdmin ? <RefreshRouteOnSave refresh={() => router.refresh()} serverURL={serverURL} /> : null
}

const noSubscription = () => () => {}
