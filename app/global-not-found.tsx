import type { Metadata } from 'next'
import { headers } from 'next/headers'

import { t } from '@/site/i18n'

import './(site)/[locale]/site.css'

export const metadata: Metadata = { title: 'Page not found | صفحہ نہیں ملا', robots: { index: false } }

/**
 * The 404 for addresses that match no page at all (Next's global not-found, a whole document).
 * The route cannot tell it the language, so proxy.ts marks /ur addresses with a header: the page
 * then is an Urdu document (lang, dir). It speaks both languages either way, each part marked with
 * its own lang and dir, and links to both home pages.
 */
export default async function GlobalNotFound() {
  const en = t('en')
  const ur = t('ur')
  const urdu = (await headers()).get('x-daleel-locale') === 'ur'
  const first = urdu ? { locale: 'ur' as const, s: ur, home: '/ur' } : { locale: 'en' as const, s: en, home: '/' }
  const second = urdu ? { locale: 'en' as const, s: en, home: '/' } : { locale: 'ur' as const, s: ur, home: '/ur' }
  const dir = (locale: 'en' | 'ur') => (locale === 'ur' ? 'rtl' : 'ltr')
  return (
    <html lang={first.locale} dir={dir(first.locale)}>
      <body>
        <a className="skip-link" href="#main">
          {first.s.skipToContent}
        </a>
        <header className="site-header">
          <div className="wrap header-inner">
            <a className="site-name" href={first.home}>
              Daleel
            </a>
          </div>
        </header>
        <main id="main" className="wrap">
          <div>
            <h1>{first.s.notFoundTitle}</h1>
            <p>{first.s.notFoundBody}</p>
            <p>
              <a href={first.home}>{first.s.goHome}</a>
            </p>
          </div>
          <div lang={second.locale} dir={dir(second.locale)}>
            <h2>{second.s.notFoundTitle}</h2>
            <p>{second.s.notFoundBody}</p>
            <p>
              <a href={second.home} hrefLang={second.locale}>
                {second.s.goHome}
              </a>
            </p>
          </div>
        </main>
      </body>
    </html>
  )
}
