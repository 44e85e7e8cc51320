import type { Metadata } from 'next'

import { LanguageSwitcher } from '@/site/components/LanguageSwitcher'
import { relName } from '@/site/components/Lists'
import { t } from '@/site/i18n'
import { localeParam } from '@/site/params'
import { personPath } from '@/site/paths'
import { listPeople } from '@/site/queries'
import { pageMetadata } from '@/site/seo'
import { comma } from '@/site/format'

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params)
  return pageMetadata({ locale, path: '/people', title: t(locale).people, description: t(locale).peopleDescription })
}

export default async function PeoplePage({ params }: Props) {
  const locale = await localeParam(params)
  const dict = t(locale)
  const people = await listPeople(locale)
  return (
    <>
      <LanguageSwitcher locale={locale} path="/people" />
      <main id="main" className="wrap">
        <h1>{dict.people}</h1>
        {people.length ? (
          <ul className="cards">
            {people.map((p) => (
              <li key={p.id} className="card">
                <h2>
                  <a href={personPath(locale, p.slug)}>{p.name}</a>
                </h2>
                {p.role ? <p className="meta">{[p.role, relName(p.organisation)].filter(Boolean).join(comma(locale))}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{dict.nothingYet}</p>
        )}
      </main>
    </>
  )
}
