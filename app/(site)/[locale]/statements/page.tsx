import type { Metadata } from 'next'

import { LanguageSwitcher } from '@/site/components/LanguageSwitcher'
import { SameForEveryReader } from '@/site/components/SameForEveryReader'
import { Subscribe } from '@/site/components/Subscribe'
import { StatementList } from '@/site/components/Lists'
import { statementTypes, type StatementType } from '@/content/statementTypes'
import { formatNumber, formatYear } from '@/site/format'
import { t } from '@/site/i18n'
import { localeParam, validSlug } from '@/site/params'
import { statementsPath } from '@/site/paths'
import { listStatements, listTopics, statementFacets, type StatementFilters } from '@/site/queries'
import { pageMetadata } from '@/site/seo'

type Search = Record<string, string | string[] | undefined>
type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Search> }

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined

/** Filters from the URL. Values the form could not have sent are ignored rather than failing. */
function readFilters(sp: Search): StatementFilters {
  const topic = one(sp.topic)
  const speaker = one(sp.speaker)
  const type = one(sp.type)
  const year = Number(one(sp.year))
  const page = Number(one(sp.page))
  return {
    topic: topic && validSlug(topic) ? topic : undefined,
    speaker: speaker && validSlug(speaker) ? speaker : undefined,
    type: type && type in statementTypes ? type : undefined,
    year: Number.isInteger(year) && year > 1900 && year < 2200 ? year : undefined,
    page: Number.isInteger(page) && page > 1 && page < 10000 ? page : undefined,
  }
}

function query(f: StatementFilters, page?: number): string {
  const q = new URLSearchParams()
  if (f.topic) q.set('topic', f.topic)
  if (f.type) q.set('type', f.type)
  if (f.year) q.set('year', String(f.year))
  if (f.speaker) q.set('speaker', f.speaker)
  if (page && page > 1) q.set('page', String(page))
  return q.toString()
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await localeParam(params)
  const filters = readFilters(await searchParams)
  const filtered = Boolean(filters.topic || filters.type || filters.year || filters.speaker || filters.page)
  // Filtered and paged lists are not separate pages for search engines.
  return pageMetadata({ locale, path: '/statements', title: t(locale).statements, description: t(locale).statementsDescription, noindex: filtered, feeds: { kind: 'statements' } })
}

export default async function StatementsPage({ params, searchParams }: Props) {
  const locale = await localeParam(params)
  const dict = t(locale)
  const filters = readFilters(await searchParams)
  const [result, topics, facets] = await Promise.all([listStatements(locale, filters), listTopics(locale), statementFacets(locale)])
  const page = result.page ?? 1
  const qs = query(filters, page)
  const link = (p: number) => {
    const q = query(filters, p)
    return statementsPath(locale) + (q ? `?${q}` : '')
  }
  return (
    <>
      {/* Drafts are seen only in draft mode, which never reaches the page cache; a change purges /statements. */}
      <SameForEveryReader />
      <LanguageSwitcher locale={locale} path="/statements" query={qs} />
      <main id="main" className="wrap">
        <h1>{dict.statements}</h1>
        <form method="get" action={statementsPath(locale)} className="filters" role="search" aria-label={dict.filterStatements}>
          <fieldset>
            <legend>{dict.filterStatements}</legend>
            <Select id="f-topic" name="topic" label={dict.topic} any={dict.topicAny} value={filters.topic} options={topics.map((x) => ({ value: x.slug, label: x.name }))} />
            <Select
              id="f-type"
              name="type"
              label={dict.type}
              any={dict.typeAny}
              value={filters.type}
              options={Object.entries(statementTypes).map(([value, v]) => ({ value, label: v.label[locale] }))}
            />
            <Select id="f-year" name="year" label={dict.year} any={dict.yearAny} value={filters.year ? String(filters.year) : undefined} options={facets.years.map((y) => ({ value: String(y), label: formatYear(locale, y) }))} />
            <Select id="f-speaker" name="speaker" label={dict.speaker} any={dict.speakerAny} value={filters.speaker} options={facets.speakers.map((s) => ({ value: s.slug, label: s.name }))} />
            <div className="field">
              <button type="submit">{dict.filter}</button>
            </div>
            {qs ? (
              <div className="field">
                <a href={statementsPath(locale)}>{dict.clearFilters}</a>
              </div>
            ) : null}
          </fieldset>
        </form>
        <p role="status">
          {result.totalDocs === 1 ? dict.resultCount1 : dict.resultsCount(formatNumber(locale, result.totalDocs))}
          {filters.type ? <> · {statementTypes[filters.type as StatementType].label[locale]}</> : null}
        </p>
        {result.docs.length ? <StatementList locale={locale} items={result.docs} heading="h2" /> : <p>{dict.noResults}</p>}
        {result.totalPages > 1 ? (
          <nav aria-label={dict.pagination}>
            <ul className="pagination">
              {page > 1 ? (
                <li>
                  <a href={link(page - 1)} rel="prev">
                    <span className="arrow" aria-hidden="true">←</span> {dict.previous}
                  </a>
                </li>
              ) : null}
              <li aria-current="page">{dict.page(formatNumber(locale, page), formatNumber(locale, result.totalPages))}</li>
              {page < result.totalPages ? (
                <li>
                  <a href={link(page + 1)} rel="next">
                    {dict.next} <span className="arrow" aria-hidden="true">→</span>
                  </a>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
        <Subscribe locale={locale} scope={{ kind: 'statements' }} what={dict.feedWhat.statements} />
      </main>
    </>
  )
}

function Select({ id, name, label, any, value, options }: { id: string; name: string; label: string; any: string; value?: string; options: { value: string; label: string }[] }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

