import type { ReactNode } from 'react'

import type { Locale } from '@/content/locales'
import { comma } from '@/site/format'
import { t } from '@/site/i18n'

type Tag = 'h1' | 'h2' | 'h3' | 'p' | 'div' | 'span' | 'li' | 'dd'

/**
 * Shows content that may be English standing in for a missing Urdu translation. When it is, the
 * element is marked lang="en" dir="ltr" (screen readers switch voice, text runs left to right)
 * and a visible Urdu note says so.
 */
export function Localized({
  as: Component = 'div',
  fallback,
  className,
  children,
  id,
}: {
  as?: Tag
  fallback: boolean
  className?: string
  children: ReactNode
  id?: string
}) {
  if (!fallback) {
    return (
      <Component className={className} id={id}>
        {children}
      </Component>
    )
  }
  const inline = Component === 'span'
  const Note = inline ? 'span' : 'p'
  const note = (
    <Note className="untranslated" lang="ur">
      {t('ur').missingTranslation}
    </Note>
  )
  // Readers meet the note before a block of English text; after a heading or inline text.
  const noteFirst = !inline && !/^h[1-3]$/.test(Component)
  return (
    <>
      {noteFirst ? note : null}
      <Component className={className ? `${className} fallback-text` : 'fallback-text'} id={id} lang="en" dir="ltr">
        {children}
      </Component>
      {noteFirst ? null : note}
    </>
  )
}

/**
 * ", qualifier" after a value (a speaker's role, an event's segment), with the comma of the page's
 * language; nothing when there is no qualifier.
 */
export function Qualifier({ locale, value, fallback }: { locale: Locale; value?: string | null; fallback: boolean }) {
  if (!value) return null
  return (
    <>
      {comma(locale)}
      <Localized as="span" fallback={fallback}>
        {value}
      </Localized>
    </>
  )
}
