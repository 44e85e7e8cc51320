'use client'
/**
 * Marks every localized field's input (and rich-text editor) with the language and direction of
 * the content being edited, not the admin's: English content edited in the Urdu admin reads left
 * to right with lang="en", Urdu content in the English admin right to left with lang="ur" (screen
 * readers pronounce it right, and the Urdu font applies). Payload only adds `data-rtl` to a few
 * input types and leaves LTR content to inherit an RTL admin's direction.
 *
 * Localized fields are the ones whose label carries Payload's locale marker (`.localized`). Payload
 * renders fields on the client and re-renders them on every locale switch, so this watches the DOM.
 */
import { useLocale } from '@payloadcms/ui'
import { useEffect, type ReactNode } from 'react'

const TARGETS = 'input:not([type=checkbox]):not([type=radio]):not([type=hidden]), textarea, [contenteditable="true"]'

function mark(code: string, dir: 'rtl' | 'ltr') {
  for (const marker of document.querySelectorAll('.field-label .localized')) {
    const field = marker.closest('.field-type')
    if (!field) continue
    for (const el of field.querySelectorAll<HTMLElement>(TARGETS)) {
      // Only this field's own inputs, not those of fields nested inside it.
      if (el.closest('.field-type') !== field) continue
      if (el.getAttribute('lang') !== code) el.setAttribute('lang', code)
      if (el.getAttribute('dir') !== dir) el.setAttribute('dir', dir)
    }
  }
}

export function ContentLanguageFields({ children }: { children?: ReactNode }) {
  const locale = useLocale()
  const code = locale?.code
  const dir = locale?.rtl ? 'rtl' : 'ltr'

  useEffect(() => {
    if (!code) return
    let frame = 0
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), mark(code, dir)))
    }
    schedule()
    const observer = new MutationObserver(schedule)
    observer.observe(document.body, { childList: true, subtree: true })
    return () => {
      observer.disconnect()
      cancelAnimationFrame(frame)
    }
  }, [code, dir])

  return <>{children}</>
}
