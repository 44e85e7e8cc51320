import type { Metadata } from 'next'

import { LanguageSwitcher } from '@/site/components/LanguageSwitcher'
import type { Locale } from '@/content/locales'
import { payloadClient } from '@/platform/payload'
import { MAX_QUERY_LENGTH, normaliseQuery, searchSite } from '@/search/search'
import { formatNumber } from '@/site/format'
import { localeParam } from '@/site/params'
import { searchPath } from '@/site/paths'
import { pageMetadata } from '@/site/seo'

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

const text = {
  en: {
    title: 'Search',
    label: 'Search this site',
    button: 'Search',
    hint: 'Words in titles, summaries and text, in English.',
    resultsFor: (n: string, q: string) => `${n} results for “${q}”`,
    oneResultFor: (q: string) => `1 result for “${q}”`,
    none: (q: string) => `Nothing found for “${q}”. Try another word, or fewer words.`,
    tooShort: 'Type at least two letters.',
    groups: { statements: 'Statements', programs: 'Programs', campaigns: 'Campaigns', people: 'People', topics: 'Topics', offices: 'Offices' },
  },
  ur: {
    title: 'تلاش',
    label: 'اس سائٹ میں تلاش کریں',
    button: 'تلاش کریں',
    hint: 'اردو میں عنوانات، خلاصوں اور متن کے الفاظ۔',
    resultsFor: (n: string, q: string) => `«${q}» کے ${n} نتائج`,
    oneResultFor: (q: string) => `«${q}» کا 1 نتیجہ`,
    none: (q: string) => `«${q}» کے لیے کچھ نہیں ملا۔ کوئی اور لفظ یا کم الفاظ آزمائیں۔`,
    tooShort: 'کم از کم دو حروف لکھیں۔',
    groups: { statements: 'بیانات', programs: 'پروگرام', campaigns: 'مہمات', people: 'افراد', topics: 'موضوعات', offices: 'دفاتر' },
  },
} satisfies Record<Locale, unknown>

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params)
  // Result pages are not pages for search engines.
  return pageMetadata({ locale, path: '/search', title: text[locale].title, description: text[locale].label, noindex: true })
}

/** /search?q=…: a plain GET form, so it works without JavaScript; results grouped by type. */
export default async function SearchPage({ params, searchParams }: Props) {
  const locale = await localeParam(params)
  const s = text[locale]
  const raw = (await searchParams).q
  const q = normaliseQuery(raw)
  const result = q ? await searchSite(await payloadClient(), { query: q, locale }) : null
  return (
    <>
      <LanguageSwitcher locale={locale} path="/search" query={q ? new URLSearchParams({ q }).toString() : undefined} />
      <main id="main" className="wrap">
        <h1>{s.title}</h1>
        <form method="get" action={searchPath(locale)} role="search" className="search-form">
          <label htmlFor="search-q">{s.label}</label>
          <p id="search-hint" className="hint">
            {s.hint}
          </p>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={MAX_QUERY_LENGTH}
            aria-describedby="search-hint"
            dir="auto"
          />
          <button type="submit">{s.button}</button>
        </form>
        {result ? (
          <section aria-labelledby="search-summary">
            <h2 id="search-summary" aria-live="polite">
              {q.length < 2
                ? s.tooShort
                : result.total === 0
                  ? s.none(q)
                  : result.total === 1
                    ? s.oneResultFor(q)
                    : s.resultsFor(formatNumber(locale, result.total), q)}
            </h2>
            {result.groups.map((group) => (
              <section key={group.collection} aria-labelledby={`results-${group.collection}`} className="search-group">
                <h3 id={`results-${group.collection}`}>
                  {s.groups[group.collection as keyof typeof s.groups]} ({formatNumber(locale, group.results.length)})
                </h3>
                <ul className="search-results">
                  {group.results.map((r) => (
                    <li key={`${r.collection}-${r.id}`}>
                      <a href={r.path}>{r.title}</a>
                      {r.summary ? <p>{r.summary}</p> : null}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </section>
        ) : null}
      </main>
    </>
  )
}
