'use client'
/**
 * Around the whole admin (a Payload provider):
 * - dates in the admin's language (translations/urduDates.ts), and the names of the rich-text
 *   editor's controls that Lexical writes in English outside its translations (lexical-ur.ts);
 * - the language a staff member chose is kept with their account. Payload's selector on the
 *   account page sets the `payload-lng` cookie for this browser only; this stores the choice in the
 *   account's preferences, and logging in anywhere brings it back (restoreAdminLanguage). A
 *   language merely guessed from the browser sets no cookie and is not stored.
 */
import { useAuth, usePreferences, useTranslation } from '@payloadcms/ui'
import { useEffect, type ReactNode } from 'react'

import { ADMIN_LANGUAGE_COOKIE, ADMIN_LANGUAGE_PREFERENCE, isAdminLanguage, relationshipEditButton } from './languages'
import { lexicalControlNames } from './lexical-ur'
import { setAdminDateLanguage } from './urduDates'

function chosenLanguage(): string | undefined {
  const entry = document.cookie.split('; ').find((c) => c.startsWith(`${ADMIN_LANGUAGE_COOKIE}=`))
  return entry?.slice(ADMIN_LANGUAGE_COOKIE.length + 1)
}

export function AdminLanguage({ children }: { children?: ReactNode }) {
  const { i18n } = useTranslation()
  const { user } = useAuth()
  const { getPreference, setPreference } = usePreferences()
  const userId = user?.id

  // While rendering, so that no date is drawn in the previous language first.
  setAdminDateLanguage(i18n.language)

  useEffect(() => {
    const chosen = chosenLanguage()
    if (!userId || !isAdminLanguage(chosen) || chosen !== i18n.language) return
    let cancelled = false
    void getPreference<string>(ADMIN_LANGUAGE_PREFERENCE).then((stored) => {
      if (!cancelled && stored !== chosen) void setPreference(ADMIN_LANGUAGE_PREFERENCE, chosen)
    })
    return () => {
      cancelled = true
    }
  }, [userId, i18n.language, getPreference, setPreference])

  useEffect(() => {
    if (!isAdminLanguage(i18n.language)) return
    const language = i18n.language
    const rename = (el: Element, name: string) => {
      if (el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name)
    }
    const name = () => {
      for (const [selector, names] of Object.entries(lexicalControlNames)) {
        for (const el of document.querySelectorAll(selector)) rename(el, names[language])
      }
      for (const el of document.querySelectorAll(relationshipEditButton.selector)) {
        const label = el.closest(relationshipEditButton.chip)?.getAttribute('title') ?? ''
        rename(el, i18n.t('general:editLabel', { label }))
      }
    }
    name()
    // The editor adds these controls (and remounts them) as staff work.
    const observer = new MutationObserver(name)
    observer.observe(document.body, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [i18n])

  return <>{children}</>
}
