import type { Metadata } from 'next'

import { LanguageSwitcher } from '@/components/site/LanguageSwitcher'
import { CampaignList } from '@/components/site/Lists'
import type { CampaignStatus } from '@/lib/campaignStatus'
import { t } from '@/lib/site/i18n'
import { localeParam } from '@/lib/site/params'
import { listCampaigns } from '@/lib/site/queries'
import { pageMetadata } from '@/lib/site/seo'

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params)
  return pageMetadata({ locale, path: '/campaigns', title: t(locale).campaigns, description: t(locale).campaignsDescription })
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
          const items = campaigns.filter((c) => (c.status ?? 'ongoing') === status)
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
      </main>
    </>
  )
}
