import type { Metadata } from 'next'

import { Breadcrumbs } from '@/site/components/Breadcrumbs'
import { Img } from '@/site/components/Img'
import { JsonLd } from '@/site/components/JsonLd'
import { LanguageSwitcher } from '@/site/components/LanguageSwitcher'
import { CampaignList, relName, StatementList } from '@/site/components/Lists'
import { Localized } from '@/site/components/Localized'
import { MediaItem } from '@/site/components/MediaItem'
import { ChangeHistory, WithdrawnNotice } from '@/site/components/PublishingRecord'
import { TopicLinks } from '@/site/components/Related'
import { RichText } from '@/site/components/RichText'
import { formatDate, isoDay, comma } from '@/site/format'
import { t } from '@/site/i18n'
import { loadBySlug, slugParams } from '@/site/params'
import { isRTL } from '@/content/locales'
import { CONTRIBUTIONS_BLOCK } from '@/content/placements'
import { hasBlock } from '@/site/links'
import { programPath, programsPath } from '@/site/paths'
import { prerenderSlugs, getProgram, getSiteSettings, getUntranslated, listCampaigns, statementsWhere } from '@/site/queries'
import { ld, orgRef } from '@/site/structuredData'
import { absoluteUrl, pageMetadata } from '@/site/seo'
import { isFallback } from '@/site/translation'
import type { Media, Organisation } from '@/payload-types'

type Props = { params: Promise<{ locale: string; slug: string }> }

// New programs published after the build are rendered on first request, then cached.
export const dynamicParams = true

export async function generateStaticParams() {
  return slugParams(await prerenderSlugs('programs'))
}

async function load(props: Props) {
  const { locale, doc: program } = await loadBySlug(props.params, getProgram)
  return { locale, program }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, program } = await load(props)
  return pageMetadata({
    locale,
    path: `/programs/${program.slug}`,
    title: program.seo?.title || program.title,
    description: program.seo?.description || program.summary,
    image: program.seo?.image || program.heroImage,
    type: 'article',
    json: `/api/programs/${program.id}`,
    feeds: { kind: 'programs' },
  })
}

export default async function ProgramPage(props: Props) {
  const { locale, program } = await load(props)
  const dict = t(locale)
  const [statements, campaigns, untranslated, settings] = await Promise.all([
    statementsWhere(locale, { relatedPrograms: { in: [program.id] } }),
    listCampaigns(locale, { relatedPrograms: { in: [program.id] } }),
    locale === 'ur' ? getUntranslated('programs', program.id) : Promise.resolve(null),
    getSiteSettings(locale),
  ])
  const fb = (path: string, value: unknown) => isFallback(locale, value, untranslated, path)
  const orgs = (list: unknown[] | null | undefined) => (list ?? []).map((o) => relName(o as Organisation)).filter(Boolean) as string[]
  const funders = orgs(program.funders)
  const partners = orgs(program.partners)
  const media = (program.relatedMedia ?? []).filter((m): m is Media => typeof m === 'object' && m !== null)
  // Whose program: its organisation, else the site's (content/organisation.ts).
  const owner = (program.organisation && typeof program.organisation === 'object' ? program.organisation : null) ?? (settings.organisation && typeof settings.organisation === 'object' ? settings.organisation : null)
  const url = absoluteUrl(programPath(locale, program.slug))
  const activities = program.keyActivities?.length ? (
    <div className="activities">
      {program.keyActivities.map((a, i) => (
        <div key={a.id ?? i}>
          <Localized as="h3" fallback={fb(`keyActivities.${i}.title`, a.title)}>
            {a.title}
          </Localized>
          {a.description ? (
            <Localized as="p" fallback={fb(`keyActivities.${i}.description`, a.description)}>
              {a.description}
            </Localized>
          ) : null}
          {relName(a.funder) ? (
            // In the page's language even inside an English fallback (the body not yet translated).
            <p className="meta" lang={locale} dir={isRTL(locale) ? 'rtl' : 'ltr'}>
              {dict.fundedBy}: {relName(a.funder)}
            </p>
          ) : null}
        </div>
      ))}
    </div>
  ) : null
  const activitiesInText = hasBlock(program.body, CONTRIBUTIONS_BLOCK)
  return (
    <>
      <LanguageSwitcher locale={locale} path={`/programs/${program.slug}`} />
      <main id="main">
        {/* A programme of work: schema.org's Project (its funders, the organisation it belongs to). */}
        <JsonLd
          data={ld({
            '@type': 'Project',
            name: program.title,
            description: program.summary ?? undefined,
            url,
            inLanguage: locale,
            parentOrganization: orgRef(owner),
            funder: [...(program.funders ?? []), ...(program.keyActivities ?? []).map((a) => a.funder)].map(orgRef).filter(Boolean),
            member: (program.partners ?? []).map(orgRef).filter(Boolean),
            foundingDate: isoDay(program.startDate),
            dissolutionDate: isoDay(program.endDate),
          })}
        />
        <div className="wrap">
          <Breadcrumbs locale={locale} trail={[{ name: dict.programs, path: programsPath(locale) }, { name: program.title, path: programPath(locale, program.slug) }]} />
        </div>
        <article>
          {program.heroImage ? (
            <div className="hero">
              <Img media={program.heroImage} use="hero" eager />
            </div>
          ) : null}
          <div className="wrap">
            <p className="eyebrow">{dict.programs}</p>
            <Localized as="h1" fallback={fb('title', program.title)}>
              {program.title}
            </Localized>
            <WithdrawnNotice locale={locale} doc={program} untranslated={untranslated} />
            {program.summary ? (
              <Localized as="p" className="lead" fallback={fb('summary', program.summary)}>
                {program.summary}
              </Localized>
            ) : null}
            <div className="layout">
              <div>
                {program.body ? (
                  <Localized fallback={fb('body', program.body)}>
                    {/* The key activities stand where the text marks them (content/editor.ts), once. */}
                    <RichText data={program.body} locale={locale} placements={{ [CONTRIBUTIONS_BLOCK]: activities }} />
                  </Localized>
                ) : null}
                {activities && !activitiesInText ? (
                  <section aria-labelledby="activities">
                    <h2 id="activities">{dict.keyActivities}</h2>
                    {activities}
                  </section>
                ) : null}
              </div>
              <aside className="aside" aria-label={dict.status}>
                <dl className="facts">
                  {owner ? (
                    <>
                      <dt>{dict.organisation}</dt>
                      <dd>{owner.website ? <a href={owner.website}>{owner.name}</a> : owner.name}</dd>
                    </>
                  ) : null}
                  <dt>{dict.status}</dt>
                  <dd>{dict[program.programStatus]}</dd>
                  {program.startDate || program.endDate ? (
                    <>
                      <dt>{dict.dates}</dt>
                      <dd>
                        {program.startDate ? <time dateTime={isoDay(program.startDate)}>{formatDate(locale, program.startDate)}</time> : null}
                        {' – '}
                        {program.endDate ? <time dateTime={isoDay(program.endDate)}>{formatDate(locale, program.endDate)}</time> : null}
                      </dd>
                    </>
                  ) : null}
                  {funders.length ? (
                    <>
                      <dt>{dict.funders}</dt>
                      <dd>{funders.join(comma(locale))}</dd>
                    </>
                  ) : null}
                  {partners.length ? (
                    <>
                      <dt>{dict.partners}</dt>
                      <dd>{partners.join(comma(locale))}</dd>
                    </>
                  ) : null}
                </dl>
                <TopicLinks locale={locale} topics={program.topics} />
              </aside>
            </div>

            {statements.length ? (
              <section aria-labelledby="rel-statements">
                <h2 id="rel-statements">{dict.relatedStatements}</h2>
                <StatementList locale={locale} items={statements} />
              </section>
            ) : null}
            {campaigns.length ? (
              <section aria-labelledby="rel-campaigns">
                <h2 id="rel-campaigns">{dict.relatedCampaigns}</h2>
                <CampaignList locale={locale} items={campaigns} />
              </section>
            ) : null}
            {media.length ? (
              <section aria-labelledby="rel-media">
                <h2 id="rel-media">{dict.relatedMedia}</h2>
                <ul className="gallery">
                  {media.map((m) => (
                    <li key={m.id}>
                      <MediaItem locale={locale} media={m} />
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <ChangeHistory locale={locale} doc={program} />
          </div>
        </article>
      </main>
    </>
  )
}
