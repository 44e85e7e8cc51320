import { draftMode } from 'next/headers'

/**
 * True while a staff member previews drafts (draft mode is only ever turned on by
 * /next/preview after checking the logged-in user). Outside a request it is false.
 */
export async function isPreview(): Promise<boolean> {
  try {
    return (await draftMode()).isEnabled
  } catch {
    return false
  }
}
