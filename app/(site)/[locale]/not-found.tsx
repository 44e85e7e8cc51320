import { t } from '@/site/i18n'

/**
 * 404 inside the site layout (header, footer, <html lang dir> in the page's language). Next does
 * not pass route params to not-found, so the message is given in both languages, each marked
 * with its own lang and dir; the header and footer around it are in the page's language.
 */
export default function NotFound() {
  const en = t('en')
  const ur = t('ur')
  return (
    <main id="main" className="wrap">
      <div lang="en" dir="ltr">
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
          <a href="/ur">{ur.goHome}</a>
        </p>
      </div>
    </main>
  )
}
