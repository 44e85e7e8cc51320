import type { Metadata } from 'next'

import { Breadcrumbs } from '@/site/components/Breadcrumbs'
import { JsonLd } from '@/site/components/JsonLd'
import { ProposalList } from '@/site/components/Proposals'
import { LanguageSwitcher } from '@/site/components/LanguageSwitcher'
import { relName, speakerOf, StatementList } from '@/site/components/Lists'
import { Localized, Qualifier } from '@/site/components/Localized'
import { DocumentLink, type MediaDoc } from '@/site/components/MediaItem'
import { ChangeHistory, WithdrawnNotice } from '@/site/components/PublishingRecord'
import { ProgramLinks, TopicLinks } from '@/site/components/Related'
import { RichText } from '@/site/components/RichText'
import type { Locale } from '@/content/locales'
import { statementTypes, type StatementType } from '@/content/statementTypes'
import { formatDate, isoDay, comma } from '@/site/format'
import { t } from '@/site/i18n'
import { loadBySlug, slugParams } from '@/site/params'
import { hasBlock } from '@/site/links'
import { homePath, personPath, statementPath, statementsPath } from '@/site/paths'
import { PROPOSALS_BLOCK } from '@/content/placements'
import { StatementPrint } from '@/site/components/PrintPage'
import { prerenderSlugs, getSiteSettings, getStatement, getUntranslated, listOffices, statementsWhere } from '@/site/queries'
import { absoluteUrl, pageMetadata } from '@/site/seo'
import { officesOf, orgRef } from '@/site/structuredData'
import { isFallback } from '@/site/translation'
import type { Organisation, Statement, Topic } from '@/payload-types'

type Props = { params: Promise<{ locale: string; slug: string }> }

export const dynamicParams = true

export async function generateStaticParams() {
  return slugParams(await prerenderSlugs('statements'))
}

async function load(props: Props) {
  const { locale, doc: statement } = await loadBySlug(props.params, getStatement)
  return { locale, statement }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, statement } = await load(props)
  const { name: author } = speakerOf(statement)
  const pdf = (statement.attachments ?? []).find((m): m is MediaDoc => typeof m === 'object' && m !== null && m.mimeType === 'application/pdf')
  const day = isoDay(statement.deliveredOn)
  return pageMetadata({
    locale,
    path: `/statements/${statement.slug}`,
    title: statement.seo?.title || statement.title,
    description: statement.seo?.description || statement.summary,
    image: statement.seo?.image,
    type: 'article',
    json: `/api/statements/${statement.id}`,
    feeds: { kind: 'statements' },
    // For reference managers and scholarly indexes (Highwire Press tags, as Google Scholar reads them).
    meta: {
      citation_title: statement.title,
      citation_author: author ?? relName(statement.issuingOrganisation) ?? undefined,
      citation_publication_date: day?.replace(/-/g, '/'),
      citation_publisher: relName(statement.issuingOrganisation) ?? undefined,
      citation_conference_title: statement.event ?? undefined,
      citation_language: locale,
      citation_abstract_html_url: absoluteUrl(statementPath(locale, statement.slug)),
      citation_pdf_url: pdf?.url ? absoluteUrl(pdf.url) : undefined,
    },
  })
}

/** A citation readers can paste: issuer, speaker and role, title, forum, date, address. */
function citation(locale: Locale, s: Statement, url: string): string {
  const { name } = speakerOf(s)
  const org = relName(s.issuingOrganisation as Organisation)
  const who = [name, s.speakerRole].filter(Boolean).join(comma(locale))
  const where = [s.event, s.eventSegment, s.location].filter(Boolean).join(comma(locale))
  const quoted = locale === 'ur' ? `«${s.title}»` : `“${s.title}”`
  return [org, who, quoted, where, formatDate(locale, s.deliveredOn)].filter(Boolean).join(comma(locale)) + `${locale === 'ur' ? '۔' : '.'}\n${url}`
}

export default async function StatementPage(props: Props) {
  const { locale, statement: s } = await load(props)
  const dict = t(locale)
  const topicIds = (s.topics ?? []).map((x) => (typeof x === 'object' ? (x as Topic).id : x))
  const [untranslated, related, settings, offices] = await Promise.all([
    locale === 'ur' ? getUntranslated('statements', s.id) : Promise.resolve(null),
    topicIds.length
      ? statementsWhere(locale, { and: [{ topics: { in: topicIds } }, { id: { not_equals: s.id } }] }, 4)
      : Promise.resolve([] as Statement[]),
    getSiteSettings(locale),
    listOffices(locale),
  ])
  const fb = (path: string, value: unknown) => isFallback(locale, value, untranslated, path)
  const type = statementTypes[s.statementType as StatementType]
  const { name: speakerName, person } = speakerOf(s)
  const org = s.issuingOrganisation && typeof s.issuingOrganisation === 'object' ? (s.issuingOrganisation as Organisation) : null
  const url = absoluteUrl(statementPath(locale, s.slug))
  const attachments = (s.attachments ?? []).filter((m): m is MediaDoc => typeof m === 'object' && m !== null)
  const proposals = s.proposals?.length ? (
    <ProposalList locale={locale} proposals={s.proposals} isFallback={(i) => fb(`proposals.${i}.text`, s.proposals?.[i]?.text)} />
  ) : null
  const proposalsInText = hasBlock(s.body, PROPOSALS_BLOCK)
  const shareText = encodeURIComponent(s.title)
  const shareUrl = encodeURIComponent(url)
  return (
    <>
      <LanguageSwitcher locale={locale} path={`/statements/${s.slug}`} />
      <StatementPrint locale={locale} organisation={org?.name ?? settings.organisationName} offices={officesOf(offices, org)} />
      <main id="main" className="wrap">
        <Breadcrumbs locale={locale} trail={[{ name: dict.statements, path: statementsPath(locale) }, { name: s.title, path: statementPath(locale, s.slug) }]} />
        <JsonLd
          data={{
            '@context': 'https://schema.org',
            '@type': 'Article',
            articleSection: type?.label.en,
            headline: s.title,
            description: s.summary ?? undefined,
            inLanguage: locale,
            url,
            datePublished: s.firstPublishedAt ?? s.deliveredOn,
            dateModified: s.publishedAt ?? undefined,
            dateCreated: s.deliveredOn,
            author: speakerName
              ? { '@type': 'Person', name: speakerName, jobTitle: s.speakerRole ?? undefined, url: person ? absoluteUrl(personPath(locale, person.slug)) : undefined }
              : undefined,
            publisher: orgRef(org) ?? { '@type': 'Organization', name: settings.organisationName, url: absoluteUrl(homePath(locale)) },
            about: (s.topics ?? []).filter((x): x is Topic => typeof x === 'object').map((x) => x.name),
            contentLocation: s.location ? { '@type': 'Place', name: s.location } : undefined,
            recordedAt: s.event ? { '@type': 'Event', name: s.event, startDate: isoDay(s.deliveredOn) } : undefined,
          }}
        />
        <article>
          <p className="eyebrow">{type?.label[locale]}</p>
          <Localized as="h1" fallback={fb('title', s.title)}>
            {s.title}
          </Localized>
          <WithdrawnNotice locale={locale} doc={s} untranslated={untranslated} />
          {type ? <p className="type-explainer">{type.explanation[locale]}</p> : null}
          {s.summary ? (
            <Localized as="p" className="lead" fallback={fb('summary', s.summary)}>
              {s.summary}
            </Localized>
          ) : null}
          <div className="layout">
            <div>
              <dl className="facts">
                {speakerName ? (
                  <>
                    <dt>{dict.speaker}</dt>
                    <dd>
                      {person ? <a href={personPath(locale, person.slug)}>{speakerName}</a> : speakerName}
                      <Qualifier locale={locale} value={s.speakerRole} fallback={fb('speakerRole', s.speakerRole)} />
                    </dd>
                  </>
                ) : null}
                {org ? (
                  <>
                    <dt>{dict.issuedBy}</dt>
                    <dd>{org.website ? <a href={org.website}>{org.name}</a> : org.name}</dd>
                  </>
                ) : null}
                {s.event ? (
                  <>
                    <dt>{dict.event}</dt>
                    <dd>
                      <Localized as="span" fallback={fb('event', s.event)}>
                        {s.event}
                      </Localized>
                      <Qualifier locale={locale} value={s.eventSegment} fallback={fb('eventSegment', s.eventSegment)} />
                    </dd>
                  </>
                ) : null}
                {s.location ? (
                  <>
                    <dt>{dict.location}</dt>
                    <dd>
                      <Localized as="span" fallback={fb('location', s.location)}>
                        {s.location}
                      </Localized>
                    </dd>
                  </>
                ) : null}
                <dt>{dict.delivered}</dt>
                <dd>
                  <time dateTime={isoDay(s.deliveredOn)}>{formatDate(locale, s.deliveredOn)}</time>
                </dd>
              </dl>

              {s.body ? (
                <Localized fallback={fb('body', s.body)}>
                  {/* The proposals stand where the text marks them (content/editor.ts), once. */}
                  <RichText data={s.body} locale={locale} placements={{ [PROPOSALS_BLOCK]: proposals }} />
                </Localized>
              ) : null}

              {proposals && !proposalsInText ? (
                <section aria-labelledby="proposals">
                  <h2 id="proposals">{dict.proposals}</h2>
                  {proposals}
                </section>
              ) : null}

              {attachments.length ? (
                <section aria-labelledby="attachments">
                  <h2 id="attachments">{dict.attachments}</h2>
                  <ul className="plain">
                    {attachments.map((m) => (
                      <li key={m.id}>
                        <DocumentLink locale={locale} media={m} />
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}

              <section aria-labelledby="cite">
                <h2 id="cite">{dict.citation}</h2>
                <p id="cite-help" className="meta">
                  {dict.citationHelp}
                </p>
                <pre className="citation" aria-describedby="cite-help" tabIndex={0}>
                  {citation(locale, s, url)}
                </pre>
              </section>

              <ChangeHistory locale={locale} doc={s} />
            </div>

            <aside className="aside" aria-label={dict.share}>
              <section aria-labelledby="share">
                <h2 id="share">{dict.share}</h2>
                <ul className="share">
                  <li>
                    <a href={`https://wa.me/?text=${shareText}%20${shareUrl}`}>{dict.shareWhatsApp}</a>
                  </li>
                  <li>
                    <a href={`https://x.com/intent/post?text=${shareText}&url=${shareUrl}`}>{dict.shareX}</a>
                  </li>
                  <li>
                    <a href={`https://www.facebook.com/sharer/sharer.php?u=${shareUrl}`}>{dict.shareFacebook}</a>
                  </li>
                  <li>
                    <a href={`mailto:?subject=${shareText}&body=${shareUrl}`}>{dict.shareEmail}</a>
                  </li>
                  <li>
                    <a href={url}>{dict.copyLink}</a>
                  </li>
                </ul>
              </section>
              <TopicLinks locale={locale} topics={s.topics} />
              <ProgramLinks locale={locale} programs={s.relatedPrograms} />
            </aside>
          </div>
          {related.length ? (
            <section aria-labelledby="related">
              <h2 id="related">{dict.relatedStatements}</h2>
              <StatementList locale={locale} items={related} />
            </section>
          ) : null}
        </article>
      </main>
    </>
  )
}
