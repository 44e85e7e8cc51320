import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Img } from '@/site/components/Img'
import { JsonLd } from '@/site/components/JsonLd'
import { LanguageSwitcher } from '@/site/components/LanguageSwitcher'
import { CampaignList, StatementList } from '@/site/components/Lists'
import { Localized } from '@/site/components/Localized'
import { isLocale, type Locale } from '@/content/locales'
import { telHref } from '@/site/phone'
import { t } from '@/site/i18n'
import { campaignsPath, contactPath, homePath, programPath, programsPath, statementsPath } from '@/site/paths'
import { getSiteSettings, listCampaigns, listOffices, listPrograms, listStatements } from '@/site/queries'
import { absoluteUrl, pageMetadata } from '@/site/seo'
import { ld, officesOf, organisationLd } from '@/site/structuredData'
import { Subscribe } from '@/site/components/Subscribe'
import { isFallback } from '@/site/translation'

type Props = { params: Promise<{ locale: string }> }

async function localeOf(params: Props['params']): Promise<Locale> {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  return locale
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params)
  const settings = await getSiteSettings(locale)
  const meta = await pageMetadata({ locale, path: '/', title: settings.organisationName, description: settings.tagline, image: settings.logo })
  // The layout's template would repeat the name: the home page title is just the name.
  return { ...meta, title: { absolute: settings.organisationName } }
}

export default async function HomePage({ params }: Props) {
  const locale = await localeOf(params)
  const dict = t(locale)
  const [settings, programs, statements, campaigns, offices] = await Promise.all([
    getSiteSettings(locale),
    listPrograms(locale, {}, 1),
    listStatements(locale, {}, 3),
    listCampaigns(locale),
    listOffices(locale),
  ])
  const featured = programs[0]
  // Not past: ongoing, upcoming, and those without dates (nothing says they are over).
  const current = campaigns.filter((c) => c.status !== 'past')
  // The site's organisation (Site settings) and only its own offices: the demo's offices are CGR's.
  const own = settings.organisation && typeof settings.organisation === 'object' ? settings.organisation : null
  return (
    <>
      <LanguageSwitcher locale={locale} path="/" />
      <main id="main" className="wrap">
        <JsonLd
          data={ld(
            organisationLd(
              {
                name: settings.organisationName,
                url: absoluteUrl(homePath(locale)),
                logo: settings.logo,
                description: settings.about ?? settings.tagline,
                email: settings.contactEmail,
                sameAs: settings.socialLinks?.map((s) => s.url),
              },
              own ? officesOf(offices, own) : offices.filter((o) => !o.organisation),
            ),
          )}
        />
        <JsonLd data={ld({ '@type': 'WebSite', name: settings.organisationName, url: absoluteUrl(homePath(locale)), inLanguage: locale })} />
        <section className="intro" aria-labelledby="page-title">
          <h1 id="page-title">{settings.organisationName}</h1>
          {settings.tagline ? <p className="lead">{settings.tagline}</p> : null}
          {settings.about ? (
            <Localized as="p" fallback={isFallback(locale, settings.about)}>
              {settings.about}
            </Localized>
          ) : null}
        </section>

        {featured ? (
          <section aria-labelledby="featured" className="feature">
            <h2 id="featured">{dict.featuredProgram}</h2>
            <div className="feature-body">
              <Img media={featured.heroImage} use="card" eager sizes="(min-width: 48rem) 40vw, 100vw" />
              <div>
                <Localized as="h3" fallback={isFallback(locale, featured.title)}>
                  <a href={programPath(locale, featured.slug)}>{featured.title}</a>
                </Localized>
                {featured.summary ? (
                  <Localized as="p" fallback={isFallback(locale, featured.summary)}>
                    {featured.summary}
                  </Localized>
                ) : null}
                <p>
                  <a href={programsPath(locale)}>{dict.allPrograms}</a>
                </p>
              </div>
            </div>
          </section>
        ) : null}

        <section aria-labelledby="latest">
          <h2 id="latest">{dict.latestStatements}</h2>
          <StatementList locale={locale} items={statements.docs} />
          <p>
            <a href={statementsPath(locale)}>{dict.allStatements}</a>
          </p>
        </section>

        <section aria-labelledby="campaigns">
          <h2 id="campaigns">{dict.campaigns}</h2>
          <CampaignList locale={locale} items={current} />
          <p>
            <a href={campaignsPath(locale)}>{dict.allCampaigns}</a>
          </p>
        </section>

        {offices.length ? (
          <section aria-labelledby="offices">
            <h2 id="offices">{dict.offices}</h2>
            <ul className="cards">
              {offices.map((o) => (
                <li key={o.id} className="card">
                  <h3>{o.name}</h3>
                  <p {...(isFallback(locale, o.addressLines?.[0]?.line) ? { lang: 'en', dir: 'ltr' } : {})}>
                    {o.addressLines?.map((l) => l.line).filter(Boolean).join(', ')}
                  </p>
                  {o.phones?.length ? (
                    <p>
                      {o.phones.map((p, i) => (
                        <span key={p.id ?? i}>
                          {i ? ', ' : null}
                          <a href={telHref(p.number, o.countryCallingCode ?? '92')} dir="ltr">
                            {p.number}
                          </a>
                        </span>
                      ))}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
            <p>
              <a href={contactPath(locale)}>{dict.contactUs}</a>
            </p>
          </section>
        ) : null}
        <Subscribe locale={locale} scope={{ kind: 'all' }} what={dict.feedWhat.all} />
      </main>
    </>
  )
}
