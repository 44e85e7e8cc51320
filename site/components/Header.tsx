import type { Locale } from '@/content/locales'
import { t } from '@/site/i18n'
import { homePath, localizedPath } from '@/site/paths'
import { headerLogo } from '@/site/identity'
import { getNavigation, getSiteSettings } from '@/site/queries'

/** Site name and the main menu (from the Navigation global; Urdu links get the /ur prefix). */
export async function Header({ locale }: { locale: Locale }) {
  const [settings, nav] = await Promise.all([getSiteSettings(locale), getNavigation(locale)])
  const dict = t(locale)
  const logo = headerLogo(settings.logo)
  return (
    <header className="site-header">
      <div className="wrap header-inner">
        <a className="site-name" href={homePath(locale)}>
          {logo ? <img className="logo" src={logo.src} width={logo.width} height={logo.height} alt={logo.alt} /> : null}
          <span>{settings.organisationName}</span>
        </a>
        {nav.items?.length ? (
          <nav aria-label={dict.mainNav} className="main-nav">
            <ul>
              {nav.items.map((item) => (
                <li key={item.id ?? item.path}>
                  <a href={localizedPath(locale, item.path)}>{item.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
    </header>
  )
}
