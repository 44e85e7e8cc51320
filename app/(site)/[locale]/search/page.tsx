import type { Metadata } from 'next'
import { headers } from 'next/headers'

import { locales, otherLocale, type Locale } from '@/content/locales'
import { clientIp } from '@/partner-api/gateway'
import { addressKey, consume } from '@/partner-api/rateLimit'
import { payloadClient } from '@/platform/payload'
import type { Segment } from '@/search/highlight'
import { MAX_QUERY_LENGTH, MAX_WORDS } from '@/search/query'
import { isParamProblem, readSearchParams, searchCaching, searchSite, type SearchResults } from '@/search/search'
import { LanguageSwitcher } from '@/site/components/LanguageSwitcher'
import { SameForEveryReader } from '@/site/components/SameForEveryReader'
import { formatDate, formatNumber, formatYear, isoDay } from '@/site/format'
import { t } from '@/site/i18n'
import { localeParam } from '@/site/params'
import { searchPath, topicsPath } from '@/site/paths'
import { pageMetadata } from '@/site/seo'

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

const text = {
  en: {
    title: 'Search',
    label: 'Search this site',
    button: 'Search',
    hint: 'Statements, programs, campaigns and their documents, in English. Put "quotes" around words that belong together.',
    results: (n: string, q: string) => `${n} results for “${q}”`,
    oneResult: (q: string) => `1 result for “${q}”`,
    none: (q: string) => `No results for “${q}”`,
    onlyFirst: (n: string) => `Showing the ${n} most relevant. Use the filters to narrow the search.`,
    filters: 'Filter results',
    type: 'Type',
    topic: 'Topic',
    year: 'Year',
    language: 'Language',
    anyType: 'All types',
    anyTopic: 'All topics',
    anyYear: 'All years',
    count: (n: string) => `${n} results`,
    selected: 'selected',
    removeFilter: (what: string) => `Remove filter: ${what}`,
    otherScript: 'Your search is in Urdu letters. Urdu pages are searched separately:',
    inOther: (n: string) => `${n} results on the Urdu pages`,
    inOtherNone: 'Search the Urdu pages',
    suggestionsTitle: 'Suggestions',
    checkSpelling: 'Check the spelling, or try a word with the same meaning.',
    withoutFilters: (n: string) => `Search without the filters (${n} results)`,
    eachWord: 'Search for one word at a time:',
    wordCount: (w: string, n: string) => `${w} (${n} results)`,
    browseTopics: 'Browse the topics',
    page: (n: string, of: string) => `Page ${n} of ${of}`,
    limited: (s: string) => `You have searched many times in the last minute. Please wait ${s} seconds and try again.`,
  },
  ur: {
    title: 'تلاش',
    label: 'اس سائٹ میں تلاش کریں',
    button: 'تلاش کریں',
    hint: 'بیانات، پروگرام، مہمات اور ان کی دستاویزات، اردو میں۔ ساتھ آنے والے الفاظ کو "قوسین" میں لکھیں۔',
    results: (n: string, q: string) => `«${q}» کے ${n} نتائج`,
    oneResult: (q: string) => `«${q}» کا 1 نتیجہ`,
    none: (q: string) => `«${q}» کا کوئی نتیجہ نہیں ملا`,
    onlyFirst: (n: string) => `سب سے زیادہ متعلقہ ${n} نتائج دکھائے جا رہے ہیں۔ تلاش محدود کرنے کے لیے فلٹر استعمال کریں۔`,
    filters: 'نتائج چھانٹیں',
    type: 'قسم',
    topic: 'موضوع',
    year: 'سال',
    language: 'زبان',
    anyType: 'تمام اقسام',
    anyTopic: 'تمام موضوعات',
    anyYear: 'تمام سال',
    count: (n: string) => `${n} نتائج`,
    selected: 'منتخب',
    removeFilter: (what: string) => `فلٹر ہٹائیں: ${what}`,
    otherScript: 'آپ کی تلاش انگریزی حروف میں ہے۔ انگریزی صفحات الگ سے تلاش ہوتے ہیں:',
    inOther: (n: string) => `انگریزی صفحات پر ${n} نتائج`,
    inOtherNone: 'انگریزی صفحات میں تلاش کریں',
    suggestionsTitle: 'تجاویز',
    checkSpelling: 'ہجے دیکھ لیں، یا اسی معنی کا کوئی اور لفظ آزمائیں۔',
    withoutFilters: (n: string) => `فلٹر کے بغیر تلاش کریں (${n} نتائج)`,
    eachWord: 'ایک وقت میں ایک لفظ تلاش کریں:',
    wordCount: (w: string, n: string) => `${w} (${n} نتائج)`,
    browseTopics: 'موضوعات دیکھیں',
    page: (n: string, of: string) => `صفحہ ${n} از ${of}`,
    limited: (s: string) => `آپ نے پچھلے ایک منٹ میں بہت بار تلاش کی ہے۔ براہِ کرم ${s} سیکنڈ انتظار کر کے دوبارہ کوشش کریں۔`,
  },
} satisfies Record<Locale, unknown>

/** Problems with a query, in the reader's language (search/query.ts codes). */
const problems: Record<Locale, Record<string, string>> = {
  en: {
    empty: 'Type what you are looking for.',
    too_short: 'Type at least two letters.',
    too_long: `A search can be at most ${MAX_QUERY_LENGTH} characters long.`,
    too_many_words: `Use at most ${MAX_WORDS} words.`,
  },
  ur: {
    empty: 'جو آپ تلاش کر رہے ہیں وہ لکھیں۔',
    too_short: 'کم از کم دو حروف لکھیں۔',
    too_long: `تلاش زیادہ سے زیادہ ${MAX_QUERY_LENGTH} حروف کی ہو سکتی ہے۔`,
    too_many_words: `زیادہ سے زیادہ ${MAX_WORDS} الفاظ استعمال کریں۔`,
  },
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params)
  // Result pages are not pages for search engines.
  return pageMetadata({ locale, path: '/search', title: text[locale].title, description: text[locale].label, noindex: true })
}

type Filters = { type?: string; topic?: string; year?: number }

/** The address of a search: query, filters and page (the page is left out when it is 1). */
function searchHref(locale: Locale, q: string, f: Filters, page?: number): string {
  const p = new URLSearchParams({ q })
  if (f.type) p.set('type', f.type)
  if (f.topic) p.set('topic', f.topic)
  if (f.year) p.set('year', String(f.year))
  if (page && page > 1) p.set('page', String(page))
  return `${searchPath(locale)}?${p.toString()}`
}

function Marked({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  )
}

/**
 * /search?q=…: a GET form, results as plain links, filters as plain links: everything works
 * without JavaScript. Anonymous searches are rate limited per address (SEARCH_RATE_LIMIT a minute).
 */
export default async function SearchPage({ params, searchParams }: Props) {
  const locale = await localeParam(params)
  const s = text[locale]
  const raw = await searchParams
  const query = new URLSearchParams()
  for (const [k, v] of Object.entries(raw)) if (typeof (Array.isArray(v) ? v[0] : v) === 'string') query.set(k, (Array.isArray(v) ? v[0] : v)!)
  const payload = await payloadClient()
  const request = readSearchParams(payload, query, { locale, limit: 10 })
  // The page's own language decides; a bad filter in a hand-made address is simply dropped.
  const asked = isParamProblem(request) ? { q: query.get('q'), locale } : { ...request, locale }
  const q = String(asked.q ?? '').trim()

  let result: SearchResults | null = null
  let retryAfter: number | null = null
  if (q) {
    const rate = await consume('search', addressKey(clientIp(await headers())))
    if (rate.allowed) result = await searchSite(payload, asked)
    else retryAfter = rate.resetSeconds
  }
  const filters: Filters = result?.filters ?? {}
  const hasFilters = Boolean(filters.type || filters.topic || filters.year)
  const other = otherLocale(locale)
  const otherLabel = locales.find((l) => l.code === other)!.nativeLabel
  const typeLabel = (type: string) => (t(locale) as Record<string, unknown>)[type] as string | undefined ?? type
  const topicName = (slug: string) => result?.facets.topic.find((x) => x.value === slug)?.name ?? slug
  const otherCount = result?.facets.language.find((l) => l.value === other)?.count ?? 0
  const shown = result ? Math.min(result.total, result.pages * result.limit) : 0

  return (
    <>
      {/* Until the index changes (the search subscriber then purges it); never an answer to one reader's exhausted allowance. */}
      {retryAfter === null && searchCaching() ? <SameForEveryReader /> : null}
      <LanguageSwitcher locale={locale} path="/search" query={q ? new URLSearchParams({ q }).toString() : undefined} />
      <main id="main" className="wrap">
        <h1>{s.title}</h1>
        <form method="get" action={searchPath(locale)} role="search" className="search-form">
          <label htmlFor="search-q">{s.label}</label>
          <p id="search-hint" className="hint">
            {s.hint}
          </p>
          <div className="search-row">
            <input id="search-q" name="q" type="search" defaultValue={q} maxLength={MAX_QUERY_LENGTH} aria-describedby="search-hint" dir="auto" />
            <button type="submit">{s.button}</button>
          </div>
        </form>

        {retryAfter !== null ? (
          <p className="notice" role="alert">
            {s.limited(formatNumber(locale, retryAfter))}
          </p>
        ) : null}

        {result?.problem ? (
          <p className="notice" role="alert">
            {problems[locale][result.problem.code]}
          </p>
        ) : null}

        {result && !result.problem ? (
          <>
            {result.otherScript ? (
              <p className="notice search-elsewhere">
                {s.otherScript}{' '}
                <a href={searchHref(other, q, {})} hrefLang={other} lang={other}>
                  {otherCount ? s.inOther(formatNumber(locale, otherCount)) : s.inOtherNone}
                </a>
              </p>
            ) : null}
            <p role="status" className="search-summary">
              {result.total === 0 ? s.none(q) : result.total === 1 ? s.oneResult(q) : s.results(formatNumber(locale, result.total), q)}
              {result.total > shown ? <> {s.onlyFirst(formatNumber(locale, shown))}</> : null}
            </p>

            <div className="search-layout">
              {result.total > 0 || hasFilters ? (
                <nav className="search-facets" aria-label={s.filters}>
                  <h2>{s.filters}</h2>
                  <Facet
                    title={s.type}
                    any={s.anyType}
                    anyHref={searchHref(locale, q, { ...filters, type: undefined })}
                    selected={filters.type}
                    items={result.facets.type.map((x) => ({ value: x.value, label: typeLabel(x.value), count: x.count, href: searchHref(locale, q, { ...filters, type: x.value }) }))}
                    locale={locale}
                  />
                  <Facet
                    title={s.topic}
                    any={s.anyTopic}
                    anyHref={searchHref(locale, q, { ...filters, topic: undefined })}
                    selected={filters.topic}
                    items={result.facets.topic.map((x) => ({ value: x.value, label: x.name, count: x.count, href: searchHref(locale, q, { ...filters, topic: x.value }) }))}
                    locale={locale}
                  />
                  <Facet
                    title={s.year}
                    any={s.anyYear}
                    anyHref={searchHref(locale, q, { ...filters, year: undefined })}
                    selected={filters.year ? String(filters.year) : undefined}
                    items={result.facets.year.map((x) => ({ value: x.value, label: formatYear(locale, Number(x.value)), count: x.count, href: searchHref(locale, q, { ...filters, year: Number(x.value) }) }))}
                    locale={locale}
                  />
                  <section className="facet">
                    <h3>{s.language}</h3>
                    <ul>
                      {result.facets.language.map((l) => {
                        const info = locales.find((x) => x.code === l.value)!
                        // In the language it names, digits too: the link to English is all English (lang="en").
                        const label = `${info.nativeLabel} (${formatNumber(l.value as Locale, l.count)})`
                        return (
                          <li key={l.value}>
                            {l.value === locale ? (
                              <span aria-current="true">
                                {label} <span className="visually-hidden">({s.selected})</span>
                              </span>
                            ) : (
                              <a href={searchHref(l.value as Locale, q, filters)} hrefLang={l.value} lang={l.value}>
                                {label}
                              </a>
                            )}
                          </li>
                        )
                      })}
                    </ul>
                  </section>
                </nav>
              ) : null}

              <div className="search-main">
                {hasFilters ? (
                  <ul className="search-active-filters">
                    {filters.type ? (
                      <li>
                        <a href={searchHref(locale, q, { ...filters, type: undefined })}>{s.removeFilter(typeLabel(filters.type))}</a>
                      </li>
                    ) : null}
                    {filters.topic ? (
                      <li>
                        <a href={searchHref(locale, q, { ...filters, topic: undefined })}>{s.removeFilter(topicName(filters.topic))}</a>
                      </li>
                    ) : null}
                    {filters.year ? (
                      <li>
                        <a href={searchHref(locale, q, { ...filters, year: undefined })}>{s.removeFilter(formatYear(locale, filters.year))}</a>
                      </li>
                    ) : null}
                  </ul>
                ) : null}

                {result.results.length ? (
                  <ol className="search-results" start={(result.page - 1) * result.limit + 1}>
                    {result.results.map((hit) => (
                      <li key={`${hit.type}-${hit.id}`}>
                        <p className="eyebrow">
                          {typeLabel(hit.type)}
                          {hit.date && ['statements', 'campaigns'].includes(hit.type) ? (
                            <>
                              {' · '}
                              <time dateTime={isoDay(hit.date)}>{formatDate(locale, hit.date)}</time>
                            </>
                          ) : null}
                        </p>
                        <h2>
                          <a href={hit.path}>
                            <Marked segments={hit.titleSegments} />
                          </a>
                        </h2>
                        {hit.snippet.length ? (
                          <p className="snippet">
                            <Marked segments={hit.snippet} />
                          </p>
                        ) : null}
                        {hit.topics.length ? <p className="meta">{hit.topics.map((x) => x.name).join(locale === 'ur' ? '، ' : ', ')}</p> : null}
                      </li>
                    ))}
                  </ol>
                ) : null}

                {result.total === 0 ? (
                  <section aria-labelledby="search-suggestions" className="search-suggestions">
                    <h2 id="search-suggestions">{s.suggestionsTitle}</h2>
                    <ul>
                      {otherCount && !result.otherScript ? (
                        <li>
                          <a href={searchHref(other, q, filters)} hrefLang={other}>
                            {otherLabel}: {s.inOther(formatNumber(locale, otherCount))}
                          </a>
                        </li>
                      ) : null}
                      {hasFilters && result.suggestions?.withoutFilters ? (
                        <li>
                          <a href={searchHref(locale, q, {})}>{s.withoutFilters(formatNumber(locale, result.suggestions.withoutFilters))}</a>
                        </li>
                      ) : null}
                      {result.suggestions?.words?.some((w) => w.count > 0) ? (
                        <li>
                          {s.eachWord}
                          <ul>
                            {result.suggestions.words
                              .filter((w) => w.count > 0)
                              .map((w) => (
                                <li key={w.text}>
                                  <a href={searchHref(locale, w.text, filters)}>{s.wordCount(w.text, formatNumber(locale, w.count))}</a>
                                </li>
                              ))}
                          </ul>
                        </li>
                      ) : null}
                      <li>{s.checkSpelling}</li>
                      <li>
                        <a href={topicsPath(locale)}>{s.browseTopics}</a>
                      </li>
                    </ul>
                  </section>
                ) : null}

                {result.pages > 1 ? (
                  <nav aria-label={t(locale).pagination}>
                    <ul className="pagination">
                      {result.page > 1 ? (
                        <li>
                          <a href={searchHref(locale, q, filters, result.page - 1)} rel="prev">
                            <span className="arrow" aria-hidden="true">
                              ←
                            </span>{' '}
                            {t(locale).previous}
                          </a>
                        </li>
                      ) : null}
                      <li aria-current="page">{s.page(formatNumber(locale, result.page), formatNumber(locale, result.pages))}</li>
                      {result.page < result.pages ? (
                        <li>
                          <a href={searchHref(locale, q, filters, result.page + 1)} rel="next">
                            {t(locale).next}{' '}
                            <span className="arrow" aria-hidden="true">
                              →
                            </span>
                          </a>
                        </li>
                      ) : null}
                    </ul>
                  </nav>
                ) : null}
              </div>
            </div>
          </>
        ) : null}
      </main>
    </>
  )
}

/** One facet: links that set the filter (with counts), the selected value marked, a link to clear it. */
function Facet({
  title,
  any,
  anyHref,
  selected,
  items,
  locale,
}: {
  title: string
  any: string
  anyHref: string
  selected?: string
  items: Array<{ value: string; label: string; count: number; href: string }>
  locale: Locale
}) {
  if (!items.length && !selected) return null
  return (
    <section className="facet">
      <h3>{title}</h3>
      <ul>
        {selected ? (
          <li>
            <a href={anyHref}>{any}</a>
          </li>
        ) : null}
        {items.map((item) => {
          const label = `${item.label} (${formatNumber(locale, item.count)})`
          return (
            <li key={item.value}>
              {item.value === selected ? (
                <span aria-current="true">
                  <strong>{label}</strong> <span className="visually-hidden">({text[locale].selected})</span>
                </span>
              ) : (
                <a href={item.href}>{label}</a>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
