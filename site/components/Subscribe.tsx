import type { Locale } from '@/content/locales'
import { feedsOf, type FeedScope } from '@/site/feeds'
import { t } from '@/site/i18n'

/**
 * "Subscribe": the feeds of this page's section or topic, with a plain explanation of what a
 * feed is (most readers have never heard the word). Links only: works without JavaScript.
 */
export function Subscribe({ locale, scope, what }: { locale: Locale; scope: FeedScope; what: string }) {
  const dict = t(locale)
  const feeds = feedsOf(locale, scope)
  return (
    <section className="subscribe" aria-labelledby="subscribe">
      <h2 id="subscribe">{dict.subscribe}</h2>
      <p>{dict.subscribeExplained(what)}</p>
      <ul className="plain inline">
        {feeds.map((f) => (
          <li key={f.format}>
            <a href={f.url} type={f.type}>
              {dict.feedLink(f.format)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
