import type { Metadata } from 'next'

import { Breadcrumbs } from '@/site/components/Breadcrumbs'
import { JsonLd } from '@/site/components/JsonLd'
import { LanguageSwitcher } from '@/site/components/LanguageSwitcher'
import { CampaignDates, relName } from '@/site/components/Lists'
import { Localized } from '@/site/components/Localized'
import { MediaItem, type MediaDoc } from '@/site/components/MediaItem'
import { ChangeHistory, WithdrawnNotice } from '@/site/components/PublishingRecord'
import { ProgramLinks, TopicLinks } from '@/site/components/Related'
import { RichText } from '@/site/components/RichText'
import { t } from '@/site/i18n'
import { loadBySlug, slugParams } from '@/site/params'
import { campaignPath, campaignsPath } from '@/site/paths'
import { ld, orgRef } from '@/site/structuredData'
import { isoDay } from '@/site/format'
import { prerenderSlugs, getCampaign, getSiteSettings, getUntranslated } from '@/site/queries'
import { absoluteUrl, pageMetadata } from '@/site/seo'
import { isFallback } from '@/site/translation'
import { comma } from '@/site/format'

type Props = { params: Promise<{ locale: string; slug: string }> }

export const dynamicParams = true

export async function generateStaticParams() {
  return slugParams(await prerenderSlugs('campaigns'))
}

async function load(props: Props) {
  const { locale, doc: campaign } = await loadBySlug(props.params, getCampaign)
  return { locale, campaign }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, campaign } = await load(props)
  const media = (campaign.media ?? []).find((m) => typeof m === 'object' && String((m as MediaDoc).mimeType).startsWith('image/'))
  return pageMetadata({
    locale,
    path: `/campaigns/${campaign.slug}`,
    title: campaign.seo?.title || campaign.title,
    description: campaign.seo?.description || campaign.summary,
    image: campaign.seo?.image || media,
    type: 'article',
    json: `/api/campaigns/${campaign.id}`,
    feeds: { kind: 'campaigns' },
  })
}

export default async function CampaignPage(props: Props) {
  const { locale, campaign: c } = await load(props)
  const dict = t(locale)
  const [untranslated, settings] = await Promise.all([
    locale === 'ur' ? getUntranslated('campaigns', c.id) : Promise.resolve(null),
    getSiteSettings(locale),
  ])
  const fb = (path: string, value: unknown) => isFallback(locale, value, untranslated, path)
  const media = (c.media ?? []).filter((m): m is MediaDoc => typeof m === 'object' && m !== null)
  const partners = (c.partners ?? []).map(relName).filter(Boolean) as string[]
  const cta = c.callToAction
  const hashtag = cta?.hashtag ? (cta.hashtag.startsWith('#') ? cta.hashtag : `#${cta.hashtag}`) : null
  // Whose campaign: its organisation, else the site's (content/organisation.ts).
  const owner = (c.organisation && typeof c.organisation === 'object' ? c.organisation : null) ?? (settings.organisation && typeof settings.organisation === 'object' ? settings.organisation : null)
  const url = absoluteUrl(campaignPath(locale, c.slug))
  return (
    <>
      <LanguageSwitcher locale={locale} path={`/campaigns/${c.slug}`} />
      <main id="main" className="wrap">
        <Breadcrumbs locale={locale} trail={[{ name: dict.campaigns, path: campaignsPath(locale) }, { name: c.title, path: campaignPath(locale, c.slug) }]} />
        {/* Only a dated campaign is an Event for search engines; an undated one is a piece of work by its organisation. */}
        <JsonLd
          data={ld(
            c.startDate
              ? {
                  '@type': 'Event',
                  name: c.title,
                  description: c.summary ?? undefined,
                  startDate: isoDay(c.startDate),
                  endDate: isoDay(c.endDate),
                  eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
                  eventStatus: 'https://schema.org/EventScheduled',
                  url,
                  organizer: orgRef(owner) ?? { '@type': 'Organization', name: settings.organisationName },
                  inLanguage: locale,
                }
              : {
                  '@type': 'CreativeWork',
                  name: c.title,
                  description: c.summary ?? undefined,
                  url,
                  author: orgRef(owner) ?? { '@type': 'Organization', name: settings.organisationName },
                  inLanguage: locale,
                },
          )}
        />
        <article>
          <p className="eyebrow">
            {dict.campaigns}
            {c.status ? <> · {dict[c.status]}</> : null}
          </p>
          <Localized as="h1" fallback={fb('title', c.title)}>
            {c.title}
          </Localized>
          <WithdrawnNotice locale={locale} doc={c} untranslated={untranslated} />
          <p className="meta">
            <CampaignDates locale={locale} campaign={c} />
          </p>
          {owner ? (
            <p className="meta">
              {dict.organisation}: {owner.website ? <a href={owner.website}>{owner.name}</a> : owner.name}
            </p>
          ) : null}
          {c.summary ? (
            <Localized as="p" className="lead" fallback={fb('summary', c.summary)}>
              {c.summary}
            </Localized>
          ) : null}
          <div className="layout">
            <div>
              {c.body ? (
                <Localized fallback={fb('body', c.body)}>
                  <RichText data={c.body} locale={locale} />
                </Localized>
              ) : null}
              {cta?.text || cta?.url || hashtag ? (
                <section aria-labelledby="cta" className="type-explainer">
                  <h2 id="cta">{dict.callToAction}</h2>
                  {cta?.text ? (
                    cta.url ? (
                      <p>
                        <a className="button" href={cta.url}>
                          <Localized as="span" fallback={fb('callToAction.text', cta.text)}>
                            {cta.text}
                          </Localized>
                        </a>
                      </p>
                    ) : (
                      <Localized as="p" fallback={fb('callToAction.text', cta.text)}>
                        {cta.text}
                      </Localized>
                    )
                  ) : cta?.url ? (
                    <p>
                      <a href={cta.url}>{cta.url}</a>
                    </p>
                  ) : null}
                  {hashtag ? (
                    <p>
                      {dict.hashtag}: <strong dir="auto">{hashtag}</strong>
                    </p>
                  ) : null}
                </section>
              ) : null}
              {media.length ? (
                <section aria-labelledby="media">
                  <h2 id="media">{dict.relatedMedia}</h2>
                  <ul className="gallery">
                    {media.map((m) => (
                      <li key={m.id}>
                        <MediaItem locale={locale} media={m} />
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              <ChangeHistory locale={locale} doc={c} />
            </div>
            <aside className="aside" aria-label={dict.relatedPrograms}>
              {partners.length ? (
                <section aria-labelledby="partners">
                  <h2 id="partners">{dict.partners}</h2>
                  <p>{partners.join(comma(locale))}</p>
                </section>
              ) : null}
              <TopicLinks locale={locale} topics={c.topics} />
              <ProgramLinks locale={locale} programs={c.relatedPrograms} />
            </aside>
          </div>
        </article>
      </main>
    </>
  )
}
