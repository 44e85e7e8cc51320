import type { Locale } from '@/content/locales'
import { telHref } from '@/site/phone'
import { t } from '@/site/i18n'
import { contactPath, topicsPath, peoplePath } from '@/site/paths'
import { getSiteSettings, listOffices } from '@/site/queries'
import { isFallback } from '@/site/translation'

export async function Footer({ locale }: { locale: Locale }) {
  const [settings, offices] = await Promise.all([getSiteSettings(locale), listOffices(locale)])
  const dict = t(locale)
  return (
    <footer className="site-footer">
      <div className="wrap footer-grid">
        {offices.length ? (
          <div>
            <h2>{dict.offices}</h2>
            <ul className="plain">
              {offices.map((o) => {
                const phone = o.phones?.[0]?.number
                return (
                  <li key={o.id}>
                    <strong>{o.name}</strong>
                    {o.addressLines?.length ? (
                      <>
                        {' — '}
                        {/* Address lines not yet in Urdu are English: mark them so they are read as English. */}
                        <span className="muted" {...(isFallback(locale, o.addressLines[0]?.line) ? { lang: 'en', dir: 'ltr' } : {})}>
                          {o.addressLines.map((l) => l.line).filter(Boolean).join(', ')}
                        </span>
                      </>
                    ) : null}
                    {phone ? (
                      <>
                        {' '}
                        <a href={telHref(phone, o.countryCallingCode ?? '92')} dir="ltr">
                          {phone}
                        </a>
                      </>
                    ) : null}
                  </li>
                )
              })}
            </ul>
            <p>
              <a href={contactPath(locale)}>{dict.contactUs}</a>
            </p>
          </div>
        ) : null}
        <nav aria-label={dict.footerNav}>
          <ul className="plain">
            <li>
              <a href={topicsPath(locale)}>{dict.topics}</a>
            </li>
            <li>
              <a href={peoplePath(locale)}>{dict.people}</a>
            </li>
            <li>
              <a href={contactPath(locale)}>{dict.contact}</a>
            </li>
          </ul>
          {settings.socialLinks?.length ? (
            <>
              <h2 className="small-heading">{dict.followUs}</h2>
              <ul className="plain inline">
                {settings.socialLinks.map((s) => (
                  <li key={s.id ?? s.url}>
                    <a href={s.url} rel="me noopener">
                      {s.platform}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {settings.contactEmail ? (
            <p>
              <a href={`mailto:${settings.contactEmail}`}>{settings.contactEmail}</a>
            </p>
          ) : null}
        </nav>
      </div>
      {settings.footerText ? (
        <div className="wrap">
          <p className="footer-text">{settings.footerText}</p>
        </div>
      ) : null}
    </footer>
  )
}
