import type { Locale } from '@/content/locales'
import { t } from '@/site/i18n'
import { homePath } from '@/site/paths'
import { absoluteUrl } from '@/site/seo'

import { JsonLd } from './JsonLd'

type Crumb = { name: string; path: string }

/**
 * Where the page sits (Home › Statements › this statement): visible above the title on detail
 * pages, and the same trail as schema.org BreadcrumbList for search engines. The last crumb is
 * the page itself (aria-current, not a link).
 */
export function Breadcrumbs({ locale, trail }: { locale: Locale; trail: Crumb[] }) {
  const dict = t(locale)
  const crumbs: Crumb[] = [{ name: dict.home, path: homePath(locale) }, ...trail]
  return (
    <>
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'BreadcrumbList',
          itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: absoluteUrl(c.path) })),
        }}
      />
      <nav className="breadcrumbs" aria-label={dict.breadcrumbs}>
        <ol>
          {crumbs.map((c, i) =>
            i === crumbs.length - 1 ? (
              <li key={c.path} aria-current="page">
                {c.name}
              </li>
            ) : (
              <li key={c.path}>
                <a href={c.path}>{c.name}</a>
              </li>
            ),
          )}
        </ol>
      </nav>
    </>
  )
}
