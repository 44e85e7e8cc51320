import type { Metadata } from 'next'

import { LanguageSwitcher } from '@/components/site/LanguageSwitcher'
import { Localized } from '@/components/site/Localized'
import { t } from '@/lib/site/i18n'
import { localeParam } from '@/lib/site/params'
import { topicPath } from '@/lib/site/paths'
import { listTopics } from '@/lib/site/queries'
import { pageMetadata } from '@/lib/site/seo'
import { isFallback } from '@/lib/site/translation'

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params)
  return pageMetadata({ locale, path: '/topics', title: t(locale).topics, description: t(locale).topicsDescription })
}

export default async function TopicsPage({ params }: Props) {
  const locale = await localeParam(params)
  const dict = t(locale)
  const topics = await listTopics(locale)
  return (
    <>
      <LanguageSwitcher locale={locale} path="/topics" />
      <main id="main" className="wrap">
        <h1>{dict.topics}</h1>
        {topics.length ? (
          <ul className="cards">
            {topics.map((topic) => (
              <li key={topic.id} className="card">
                <Localized as="h2" fallback={isFallback(locale, topic.name)}>
                  <a href={topicPath(locale, topic.slug)}>{topic.name}</a>
                </Localized>
                {topic.description ? (
                  <Localized as="p" fallback={isFallback(locale, topic.description)}>
                    {topic.description}
                  </Localized>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{dict.nothingYet}</p>
        )}
      </main>
    </>
  )
}
