import type { Metadata } from 'next'

import { LanguageSwitcher } from '@/site/components/LanguageSwitcher'
import { telHref } from '@/site/phone'
import { t } from '@/site/i18n'
import { localeParam } from '@/site/params'
import { getSiteSettings, listOffices } from '@/site/queries'
import { absoluteUrl, pageMetadata } from '@/site/seo'
import { JsonLd } from '@/site/components/JsonLd'
import { homePath } from '@/site/paths'
import { ld, organisationLd } from '@/site/structuredData'
import type { Office, Organisation } from '@/payload-types'
import { isFallback } from '@/site/translation'
import { Localized } from '@/site/components/Localized'

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params)
  return pageMetadata({ locale, path: '/contact', title: t(locale).contact, description: t(locale).contactDescription })
}

export default async function ContactPage({ params }: Props) {
  const locale = await localeParam(params)
  const dict = t(locale)
  const [offices, settings] = await Promise.all([listOffices(locale), getSiteSettings(locale)])
  // Each organisation with its offices: addresses, and telephones as ContactPoints.
  const byOrganisation = new Map<string, { org: Organisation | null; offices: Office[] }>()
  for (const o of offices) {
    const org = o.organisation && typeof o.organisation === 'object' ? o.organisation : null
    const key = String(org?.id ?? '')
    if (!byOrganisation.has(key)) byOrganisation.set(key, { org, offices: [] })
    byOrganisation.get(key)!.offices.push(o)
  }
  return (
    <>
      <LanguageSwitcher locale={locale} path="/contact" />
      <main id="main" className="wrap">
        {[...byOrganisation.values()].map(({ org, offices: own }) => (
          <JsonLd
            key={org?.id ?? 'site'}
            data={ld(
              organisationLd(
                org
                  ? { name: org.name, url: org.website }
                  : { name: settings.organisationName, url: absoluteUrl(homePath(locale)), logo: settings.logo, email: settings.contactEmail },
                own,
              ),
            )}
          />
        ))}
        <h1>{dict.contact}</h1>
        {settings.contactEmail ? (
          <p>
            {dict.email}: <a href={`mailto:${settings.contactEmail}`}>{settings.contactEmail}</a>
          </p>
        ) : null}
        {offices.length ? null : <p>{dict.nothingYet}</p>}
        <ul className="offices">
          {offices.map((o) => {
            const lat = o.coordinates?.latitude
            const lng = o.coordinates?.longitude
            const hasMap = typeof lat === 'number' && typeof lng === 'number'
            return (
              <li key={o.id} className="card">
                <Localized as="h2" fallback={isFallback(locale, o.name)}>
                  {o.name}
                </Localized>
                {o.organisation && typeof o.organisation === 'object' ? (
                  <Localized as="p" className="eyebrow" fallback={isFallback(locale, o.organisation.name)}>
                    {o.organisation.name}
                  </Localized>
                ) : null}
                {o.headOffice ? <p className="eyebrow">{dict.headOffice}</p> : null}
                <h3 className="small-heading">{dict.address}</h3>
                <address>
                  {o.addressLines?.map((l, i) => (
                    <span key={l.id ?? i} lang={isFallback(locale, l.line) ? 'en' : undefined} dir={isFallback(locale, l.line) ? 'ltr' : undefined}>
                      {l.line}
                      <br />
                    </span>
                  ))}
                  {o.country}
                </address>
                {o.addressLines?.some((l) => isFallback(locale, l.line)) ? <p className="untranslated" lang="ur">{t('ur').missingTranslation}</p> : null}
                {o.phones?.length ? (
                  <>
                    <h3 className="small-heading">{dict.phone}</h3>
                    <ul className="plain">
                      {o.phones.map((p, i) => (
                        <li key={p.id ?? i}>
                          {p.label && !['phone', 'فون'].includes(p.label.trim().toLowerCase()) ? <>{p.label}: </> : null}
                          <a href={telHref(p.number, o.countryCallingCode ?? '92')} dir="ltr">
                            {p.number}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {o.email ? (
                  <>
                    <h3 className="small-heading">{dict.email}</h3>
                    <p>
                      <a href={`mailto:${o.email}`}>{o.email}</a>
                    </p>
                  </>
                ) : null}
                {o.openingHours ? (
                  <>
                    <h3 className="small-heading">{dict.openingHours}</h3>
                    <Localized as="p" fallback={isFallback(locale, o.openingHours)}>
                      {o.openingHours}
                    </Localized>
                  </>
                ) : null}
                {hasMap ? (
                  <p>
                    <a href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`}>
                      {dict.map}
                      <span className="visually-hidden">: {o.name}</span>
                    </a>
                  </p>
                ) : null}
              </li>
            )
          })}
        </ul>
      </main>
    </>
  )
}
