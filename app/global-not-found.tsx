import type { Metadata } from 'next'

import { t } from '@/lib/site/i18n'

import './(site)/[locale]/site.css'

export const metadata: Metadata = { title: 'Page not found | صفحہ نہیں ملا', robots: { index: false } }

/**
 * The 404 for addresses that match no page at all (Next's global not-found, a whole document).
 * It cannot know which language the reader wanted, so it speaks both, each marked with its own
 * lang and dir, and links to both home pages.
 */
export default function GlobalNotFound() {
  const en = t('en')
  const ur = t('ur')
  return (
    <html lang="en" dir="ltr">
      <body>
        <a className="skip-link" href="#main">
          {en.skipToContent}
        </a>
        <header className="site-header">
          <div className="wrap header-inner">
            <a className="site-name" href="/">
              Daleel
            </a>
          </div>
        </header>
        <main id="main" className="wrap">
          <div>
            <h1>{en.notFoundTitle}</h1>
            <p>{en.notFoundBody}</p>
            <p>
              <a href="/">{en.goHome}</a>
            </p>
          </div>
          <div lang="ur" dir="rtl">
            <h2>{ur.notFoundTitle}</h2>
            <p>{ur.notFoundBody}</p>
            <p>
              <a href="/ur" hrefLang="ur">
                {ur.goHome}
              </a>
            </p>
          </div>
        </main>
      </body>
    </html>
  )
}
