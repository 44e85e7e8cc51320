import type { Metadata } from 'next'

import { Breadcrumbs } from '@/site/components/Breadcrumbs'
import { Img } from '@/site/components/Img'
import { JsonLd } from '@/site/components/JsonLd'
import { LanguageSwitcher } from '@/site/components/LanguageSwitcher'
import { CampaignList, ProgramList, relName, StatementList } from '@/site/components/Lists'
import { Localized } from '@/site/components/Localized'
import { t } from '@/site/i18n'
import { loadBySlug, slugParams } from '@/site/params'
import { prerenderSlugs, getPerson, getUntranslated, listCampaigns, listPrograms, statementsWhere } from '@/site/queries'
import { absoluteUrl, pageMetadata } from '@/site/seo'
import { peoplePath, personPath } from '@/site/paths'
import { ld, personLd } from '@/site/structuredData'
import { isFallback } from '@/site/translation'
import type { Program } from '@/payload-types'
import { comma } from '@/site/format'

type Props = { params: Promise<{ locale: string; slug: string }> }

export const dynamicParams = true

export async function generateStaticParams() {
  return slugParams(await prerenderSlugs('people'))
}

async function load(props: Props) {
  const { locale, doc: person } = await loadBySlug(props.params, getPerson)
  return { locale, person }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, person } = await load(props)
  return pageMetadata({
    locale,
    path: `/people/${person.slug}`,
    title: person.name,
    description: person.bio || person.role,
    image: person.photo,
    json: `/api/people/${person.id}`,
  })
}

export default async function PersonPage(props: Props) {
  const { locale, person } = await load(props)
  const dict = t(locale)
  const [statements, untranslated] = await Promise.all([
    statementsWhere(locale, { speaker: { equals: person.id } }, 50),
    locale === 'ur' ? getUntranslated('people', person.id) : Promise.resolve(null),
  ])
  // A person's programs and campaigns are those their statements are about.
  const statementIds = statements.map((s) => s.id)
  const [programs, campaigns] = await Promise.all([
    statementIds.length ? listPrograms(locale, { id: { in: relatedProgramIds(statements) } }) : Promise.resolve([] as Program[]),
    statementIds.length && relatedProgramIds(statements).length
      ? listCampaigns(locale, { relatedPrograms: { in: relatedProgramIds(statements) } })
      : Promise.resolve([]),
  ])
  const fb = (path: string, value: unknown) => isFallback(locale, value, untranslated, path)
  const org = relName(person.organisation)
  return (
    <>
      <LanguageSwitcher locale={locale} path={`/people/${person.slug}`} />
      <main id="main" className="wrap">
        <Breadcrumbs locale={locale} trail={[{ name: dict.people, path: peoplePath(locale) }, { name: person.name, path: personPath(locale, person.slug) }]} />
        <JsonLd
          data={ld(
            personLd(locale, person, {
              description: person.bio ?? undefined,
              image: person.photo && typeof person.photo === 'object' && person.photo.url ? absoluteUrl(person.photo.url) : undefined,
            }),
          )}
        />
        <p className="eyebrow">{dict.people}</p>
        <Localized as="h1" fallback={fb('name', person.name)}>
          {person.name}
        </Localized>
        {person.role || org ? (
          <p className="lead">
            {person.role ? (
              <Localized as="span" fallback={fb('role', person.role)}>
                {person.role}
              </Localized>
            ) : null}
            {person.role && org ? comma(locale) : null}
            {org}
          </p>
        ) : null}
        <Img media={person.photo} use="thumb" eager />
        {person.bio ? (
          <Localized as="p" fallback={fb('bio', person.bio)}>
            {person.bio}
          </Localized>
        ) : null}
        <section aria-labelledby="p-statements">
          <h2 id="p-statements">{dict.statements}</h2>
          <StatementList locale={locale} items={statements} />
        </section>
        {programs.length ? (
          <section aria-labelledby="p-programs">
            <h2 id="p-programs">{dict.programs}</h2>
            <ProgramList locale={locale} items={programs} />
          </section>
        ) : null}
        {campaigns.length ? (
          <section aria-labelledby="p-campaigns">
            <h2 id="p-campaigns">{dict.campaigns}</h2>
            <CampaignList locale={locale} items={campaigns} />
          </section>
        ) : null}
      </main>
    </>
  )
}

function relatedProgramIds(statements: { relatedPrograms?: unknown[] | null }[]): number[] {
  const ids = new Set<number>()
  for (const s of statements) for (const p of s.relatedPrograms ?? []) ids.add(typeof p === 'object' && p ? (p as Program).id : (p as number))
  return [...ids]
}
