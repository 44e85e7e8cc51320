import type { Locale } from '@/content/locales'
import { t } from '@/site/i18n'
import { programPath, topicPath } from '@/site/paths'
import { isFallback } from '@/site/translation'
import type { Program, Topic } from '@/payload-types'

import { Localized } from './Localized'

/** Topic links shown on every content page (topics are how readers browse across types). */
export function TopicLinks({ locale, topics }: { locale: Locale; topics: unknown[] | null | undefined }) {
  const list = (topics ?? []).filter((x): x is Topic => Boolean(x && typeof x === 'object'))
  if (!list.length) return null
  return (
    <section aria-labelledby="topics-heading">
      <h2 id="topics-heading">{t(locale).topicsLabel}</h2>
      <ul className="plain inline">
        {list.map((topic) => (
          <li key={topic.id}>
            <a href={topicPath(locale, topic.slug)}>{topic.name}</a>
          </li>
        ))}
      </ul>
    </section>
  )
}

export function ProgramLinks({ locale, programs }: { locale: Locale; programs: unknown[] | null | undefined }) {
  const list = (programs ?? []).filter((x): x is Program => Boolean(x && typeof x === 'object'))
  if (!list.length) return null
  return (
    <section aria-labelledby="related-programs">
      <h2 id="related-programs">{t(locale).relatedPrograms}</h2>
      <ul className="plain">
        {list.map((p) => (
          <Localized as="li" key={p.id} fallback={isFallback(locale, p.title)}>
            <a href={programPath(locale, p.slug)}>{p.title}</a>
          </Localized>
        ))}
      </ul>
    </section>
  )
}
