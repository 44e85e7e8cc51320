import type { Metadata } from 'next'

import { LanguageSwitcher } from '@/site/components/LanguageSwitcher'
import { Subscribe } from '@/site/components/Subscribe'
import { CampaignList } from '@/site/components/Lists'
import type { CampaignStatus } from '@/content/campaignStatus'
import { t } from '@/site/i18n'
import { localeParam } from '@/site/params'
import { listCampaigns } from '@/site/queries'
import { pageMetadata } from '@/site/seo'

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params)
  return pageMetadata({ locale, path: '/campaigns', title: t(locale).campaigns, description: t(locale).campaignsDescription, feeds: { kind: 'campaigns' } })
}

const GROUPS: CampaignStatus[] = ['ongoing', 'upcoming', 'past']

export default async function CampaignsPage({ params }: Props) {
  const locale = await localeParam(params)
  const dict = t(locale)
  const campaigns = await listCampaigns(locale)
  return (
    <>
      <LanguageSwitcher locale={locale} path="/campaigns" />
      <main id="main" className="wrap">
        <h1>{dict.campaigns}</h1>
        {campaigns.length ? null : <p>{dict.nothingYet}</p>}
        {GROUPS.map((status) => {
          const items = campaigns.filter((c) => c.status === status)
          if (!items.length) return null
          // Upcoming soonest first; ongoing and past most recent first (the query's order).
          const ordered = status === 'upcoming' ? [...items].reverse() : items
          return (
            <section key={status} aria-labelledby={`group-${status}`}>
              <h2 id={`group-${status}`}>{dict[status]}</h2>
              <CampaignList locale={locale} items={ordered} />
            </section>
          )
        })}
        {/* No dates, no status: these are not said to be ongoing (content/campaignStatus.ts). */}
        {campaigns.some((c) => !c.status) ? (
          <section aria-labelledby="group-undated">
            <h2 id="group-undated">{dict.campaignsWithoutDates}</h2>
            <CampaignList locale={locale} items={campaigns.filter((c) => !c.status)} />
          </section>
        ) : null}
        <Subscribe locale={locale} scope={{ kind: 'campaigns' }} what={dict.feedWhat.campaigns} />
      </main>
    </>
  )
}
