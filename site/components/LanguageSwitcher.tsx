import { locales, otherLocale, type Locale } from '@/content/locales'
import { t } from '@/site/i18n'
import { localizedPath } from '@/site/paths'

/**
 * Links to the same page in the other language. Pages pass their own path (without the /ur
 * prefix) and, where it matters, the query string, so filters survive the switch.
 */
export function LanguageSwitcher({ locale, path, query }: { locale: Locale; path: string; query?: string }) {
  const other = otherLocale(locale)
  const info = locales.find((l) => l.code === other)!
  const href = localizedPath(other, path) + (query ? `?${query}` : '')
  return (
    <nav className="lang-switch" aria-label={t(locale).languageNav}>
      <div className="wrap">
        <a href={href} hrefLang={other} lang={other} dir={info.rtl ? 'rtl' : 'ltr'}>
          {t(locale).switchTo}
        </a>
      </div>
    </nav>
  )
}
