import type { Metadata } from 'next'

import { LanguageSwitcher } from '@/site/components/LanguageSwitcher'
import { Subscribe } from '@/site/components/Subscribe'
import { Localized } from '@/site/components/Localized'
import { t } from '@/site/i18n'
import { localeParam } from '@/site/params'
import { topicPath } from '@/site/paths'
import { listTopics } from '@/site/queries'
import { pageMetadata } from '@/site/seo'
import { isFallback } from '@/site/translation'

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
        <Subscribe locale={locale} scope={{ kind: 'all' }} what={dict.feedWhat.all} />
      </main>
    </>
  )
}
