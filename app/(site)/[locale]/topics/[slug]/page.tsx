import type { Metadata } from 'next'

import { Breadcrumbs } from '@/site/components/Breadcrumbs'
import { JsonLd } from '@/site/components/JsonLd'
import { LanguageSwitcher } from '@/site/components/LanguageSwitcher'
import { Subscribe } from '@/site/components/Subscribe'
import { CampaignList, ProgramList, StatementList } from '@/site/components/Lists'
import { Localized } from '@/site/components/Localized'
import { t } from '@/site/i18n'
import { loadBySlug, slugParams } from '@/site/params'
import { statementsPath, topicPath, topicsPath } from '@/site/paths'
import { ld } from '@/site/structuredData'
import { prerenderSlugs, getTopic, getUntranslated, listCampaigns, listPrograms, statementsWhere } from '@/site/queries'
import { absoluteUrl, pageMetadata } from '@/site/seo'
import { isFallback } from '@/site/translation'

type Props = { params: Promise<{ locale: string; slug: string }> }

export const dynamicParams = true

export async function generateStaticParams() {
  return slugParams(await prerenderSlugs('topics'))
}

async function load(props: Props) {
  const { locale, doc: topic } = await loadBySlug(props.params, getTopic)
  return { locale, topic }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, topic } = await load(props)
  return pageMetadata({ locale, path: `/topics/${topic.slug}`, title: topic.name, description: topic.description || t(locale).topicSummary(topic.name), json: `/api/topics/${topic.id}`, feeds: { topic: { slug: topic.slug, name: topic.name } } })
}

export default async function TopicPage(props: Props) {
  const { locale, topic } = await load(props)
  const dict = t(locale)
  const byTopic = { topics: { in: [topic.id] } }
  const [statements, programs, campaigns, untranslated] = await Promise.all([
    statementsWhere(locale, byTopic, 20),
    listPrograms(locale, byTopic),
    listCampaigns(locale, byTopic),
    locale === 'ur' ? getUntranslated('topics', topic.id) : Promise.resolve(null),
  ])
  const fb = (path: string, value: unknown) => isFallback(locale, value, untranslated, path)
  return (
    <>
      <LanguageSwitcher locale={locale} path={`/topics/${topic.slug}`} />
      <main id="main" className="wrap">
        <Breadcrumbs locale={locale} trail={[{ name: dict.topics, path: topicsPath(locale) }, { name: topic.name, path: topicPath(locale, topic.slug) }]} />
        {/* A topic page lists everything about one subject. */}
        <JsonLd
          data={ld({
            '@type': 'CollectionPage',
            name: topic.name,
            description: topic.description ?? undefined,
            url: absoluteUrl(topicPath(locale, topic.slug)),
            inLanguage: locale,
            about: { '@type': 'DefinedTerm', name: topic.name, termCode: topic.slug },
          })}
        />
        <p className="eyebrow">{dict.topics}</p>
        <Localized as="h1" fallback={fb('name', topic.name)}>
          {topic.name}
        </Localized>
        {topic.description ? (
          <Localized as="p" className="lead" fallback={fb('description', topic.description)}>
            {topic.description}
          </Localized>
        ) : null}
        <section aria-labelledby="t-statements">
          <h2 id="t-statements">{dict.statements}</h2>
          <StatementList locale={locale} items={statements} />
          {statements.length ? (
            <p>
              <a href={`${statementsPath(locale)}?topic=${topic.slug}`}>{dict.allStatements}</a>
            </p>
          ) : null}
        </section>
        <section aria-labelledby="t-programs">
          <h2 id="t-programs">{dict.programs}</h2>
          <ProgramList locale={locale} items={programs} />
        </section>
        <section aria-labelledby="t-campaigns">
          <h2 id="t-campaigns">{dict.campaigns}</h2>
          <CampaignList locale={locale} items={campaigns} />
        </section>
        <Subscribe locale={locale} scope={{ topic: { slug: topic.slug, name: topic.name } }} what={dict.topicFeedWhat(topic.name)} />
      </main>
    </>
  )
}
