import { createHash } from 'node:crypto'

import { unstable_cache } from 'next/cache'
import { draftMode, headers } from 'next/headers'
import type { Where } from 'payload'
import { cache } from 'react'

import type { Locale } from '@/content/locales'
import { findSorted } from '@/platform/findSorted'
import { payloadClient } from '@/platform/payload'
import { serverURL } from '@/platform/serverUrl'
import type { Campaign, Media, Navigation, Office, Person, Program, SiteSetting, Statement, Topic } from '@/payload-types'

/**
 * Every read the public pages make. All go through the Local API with `overrideAccess: false`, so
 * the collections' own access rules decide what a reader may see (published only, no private
 * fields). In draft mode (entered by staff through the preview route) the logged-in user is
 * passed along with `draft: true`: access still decides, so only staff ever see drafts.
 * Each function is wrapped in React `cache` so generateMetadata and the page share one query.
 */

const STATEMENTS_PER_PAGE = 10

type Viewer = { draft: boolean; user?: any }

/** Only reads request headers when draft mode is on, so ordinary pages stay static. */
const viewer = cache(async (): Promise<Viewer> => {
  let enabled = false
  try {
    enabled = (await draftMode()).isEnabled
  } catch {
    // Outside a request (generateStaticParams at build time): never draft.
    return { draft: false }
  }
  if (!enabled) return { draft: false }
  const payload = await payloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  return user ? { draft: true, user } : { draft: false }
})

async function base(locale: Locale) {
  const v = await viewer()
  return { locale, overrideAccess: false as const, draft: v.draft, user: v.user }
}

const published: Where = {}

/** A sorted page of a list, read as platform/findSorted.ts explains (ids first, then those documents). */
async function sortedPage<T>(
  locale: Locale,
  args: { collection: 'statements' | 'programs' | 'campaigns'; where: Where; sort: string; limit: number; page?: number; depth: number; select: Record<string, true> },
): Promise<{ docs: T[]; totalDocs: number; totalPages: number; page?: number }> {
  return findSorted<T>(await payloadClient(), { ...(await base(locale)), ...args })
}

// Site settings and navigation are on every page, the same for every reader. Pages Next renders per
// request (search results, the filtered statement list) read them each time: two Payload reads, about
// a third of such a render. So they are kept in Next's data cache across requests. A change to either
// global revalidates every page (revalidatePath('/', 'layout'), app/next/revalidate), which expires
// these too: a read checks the reading page's implicit tags, all under that root layout; with
// REDIS_URL the cache and its revalidations are shared by every server. Keyed by the build (Next
// keeps its data cache across builds; a database restored or reseeded meanwhile would otherwise
// show the old settings), the database and the site's address (hashed: a database address may hold
// a password), so servers of another site sharing the build's cache (tests' extra servers) never
// read each other's.
const scope = createHash('sha256')
  .update(`${process.env.DALEEL_BUILD_ID ?? ''}|${process.env.DATABASE_URI ?? ''}|${serverURL()}`)
  .digest('hex')
  .slice(0, 16)
// Production only: `next dev` revalidates nothing (content/changes/freshness.ts), so there every
// render reads them afresh.
const kept = <A extends unknown[], R>(read: (...args: A) => Promise<R>, name: string) =>
  process.env.NODE_ENV === 'production' ? unstable_cache(read, [name, scope]) : read
const siteSettingsFor = kept(async (locale: Locale) => {
  const payload = await payloadClient()
  return (await payload.findGlobal({ slug: 'site-settings', locale, overrideAccess: false, depth: 1 })) as unknown as SiteSetting
}, 'site-settings')
const navigationFor = kept(async (locale: Locale) => {
  const payload = await payloadClient()
  return (await payload.findGlobal({ slug: 'navigation', locale, overrideAccess: false, depth: 0 })) as unknown as Navigation
}, 'navigation')

export const getSiteSettings = cache((locale: Locale) => siteSettingsFor(locale))
export const getNavigation = cache((locale: Locale) => navigationFor(locale))

// ---------- Programs ----------

export const listPrograms = cache(async (locale: Locale, where: Where = published, limit = 50) => {
  const res = await sortedPage<Program>(locale, {
    collection: 'programs',
    where,
    limit,
    depth: 1,
    sort: '-publishedAt',
    select: { title: true, slug: true, summary: true, programStatus: true, startDate: true, endDate: true, heroImage: true },
  })
  return res.docs
})

export const getProgram = cache(async (locale: Locale, slug: string) => {
  const payload = await payloadClient()
  const res = await payload.find({
    ...(await base(locale)),
    collection: 'programs',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 1,
  })
  return (res.docs[0] as unknown as Program | undefined) ?? null
})

// ---------- Statements ----------

export type StatementFilters = { topic?: string; type?: string; year?: number; speaker?: string; page?: number }

const statementListSelect = {
  title: true,
  slug: true,
  summary: true,
  statementType: true,
  deliveredOn: true,
  speaker: true,
  speakerName: true,
  issuingOrganisation: true,
  withdrawal: true,
  relatedPrograms: true,
} as const

export const listStatements = cache(async (locale: Locale, filters: StatementFilters = {}, limit = STATEMENTS_PER_PAGE) => {
  const and: Where[] = []
  if (filters.topic) and.push({ 'topics.slug': { equals: filters.topic } })
  if (filters.type) and.push({ statementType: { equals: filters.type } })
  if (filters.speaker) and.push({ 'speaker.slug': { equals: filters.speaker } })
  if (filters.year) {
    and.push({ deliveredOn: { greater_than_equal: `${filters.year}-01-01T00:00:00.000Z` } })
    and.push({ deliveredOn: { less_than: `${filters.year + 1}-01-01T00:00:00.000Z` } })
  }
  return sortedPage<Statement>(locale, {
    collection: 'statements',
    where: and.length ? { and } : {},
    limit,
    page: filters.page && filters.page > 0 ? filters.page : 1,
    depth: 1,
    sort: '-deliveredOn',
    select: statementListSelect,
  })
})

export const statementsWhere = cache(async (locale: Locale, where: Where, limit = 20) => {
  const res = await sortedPage<Statement>(locale, { collection: 'statements', where, limit, depth: 1, sort: '-deliveredOn', select: statementListSelect })
  return res.docs
})

export const getStatement = cache(async (locale: Locale, slug: string) => {
  const payload = await payloadClient()
  const res = await payload.find({
    ...(await base(locale)),
    collection: 'statements',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 1,
  })
  return (res.docs[0] as unknown as Statement | undefined) ?? null
})

/**
 * Values for the statement filter form: every year with a published statement, and the speakers.
 * Distinct values straight from the database (two small queries), not every statement loaded: the
 * index is rendered per request, and with a thousand statements loading them all took over a second.
 * Access decides as for every read: readers get the values of published statements. `findDistinct`
 * has no draft mode: in a preview, staff (who may read every statement) also see the values of
 * statements never published, which only widens the form.
 */
export const statementFacets = cache(async (locale: Locale) => {
  const payload = await payloadClient()
  const { draft: _draft, ...options } = await base(locale)
  const [dates, speakerValues] = await Promise.all([
    payload.findDistinct({ ...options, collection: 'statements', field: 'deliveredOn', depth: 0 }),
    payload.findDistinct({ ...options, collection: 'statements', field: 'speaker', depth: 1 }),
  ])
  const years = new Set<number>()
  for (const { deliveredOn } of dates.values) if (deliveredOn) years.add(new Date(deliveredOn as string).getUTCFullYear())
  const speakers = new Map<string, string>()
  for (const { speaker } of speakerValues.values) {
    const person = speaker as Person | number | string | null | undefined
    if (person && typeof person === 'object' && person.slug) speakers.set(person.slug, person.name)
  }
  return {
    years: [...years].sort((a, b) => b - a),
    speakers: [...speakers.entries()].map(([slug, name]) => ({ slug, name })).sort((a, b) => a.name.localeCompare(b.name)),
  }
})

// ---------- Campaigns ----------

const campaignListSelect = {
  title: true,
  slug: true,
  summary: true,
  startDate: true,
  endDate: true,
  status: true,
  callToAction: true,
} as const

export const listCampaigns = cache(async (locale: Locale, where: Where = published, limit = 100) => {
  const res = await sortedPage<Campaign>(locale, { collection: 'campaigns', where, limit, depth: 0, sort: '-startDate', select: campaignListSelect })
  return res.docs
})

export const getCampaign = cache(async (locale: Locale, slug: string) => {
  const payload = await payloadClient()
  const res = await payload.find({
    ...(await base(locale)),
    collection: 'campaigns',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 1,
  })
  return (res.docs[0] as unknown as Campaign | undefined) ?? null
})

// ---------- Media, offices, people, topics ----------

export const listMedia = cache(async (locale: Locale) => {
  const payload = await payloadClient()
  const res = await payload.find({
    ...(await base(locale)),
    collection: 'media',
    limit: 200,
    // depth 1 brings each recording's caption file.
    depth: 1,
    sort: '-createdAt',
  })
  return res.docs as unknown as Media[]
})

/** Head office first, then staff's display order. */
export const listOffices = cache(async (locale: Locale) => {
  const payload = await payloadClient()
  const res = await payload.find({
    ...(await base(locale)),
    collection: 'offices',
    limit: 100,
    // Depth 1: the organisation each office belongs to (contact page, printed statements, JSON-LD).
    depth: 1,
    sort: ['-headOffice', 'displayOrder'],
  })
  return res.docs as unknown as Office[]
})

export const getPerson = cache(async (locale: Locale, slug: string) => {
  const payload = await payloadClient()
  const res = await payload.find({ ...(await base(locale)), collection: 'people', where: { slug: { equals: slug } }, limit: 1, depth: 1 })
  return (res.docs[0] as unknown as Person | undefined) ?? null
})

export const listPeople = cache(async (locale: Locale) => {
  const payload = await payloadClient()
  const res = await payload.find({ ...(await base(locale)), collection: 'people', limit: 200, depth: 1, sort: 'name' })
  return res.docs as unknown as Person[]
})

export const getTopic = cache(async (locale: Locale, slug: string) => {
  const payload = await payloadClient()
  const res = await payload.find({ ...(await base(locale)), collection: 'topics', where: { slug: { equals: slug } }, limit: 1, depth: 0 })
  return (res.docs[0] as unknown as Topic | undefined) ?? null
})

export const listTopics = cache(async (locale: Locale) => {
  const payload = await payloadClient()
  const res = await payload.find({ ...(await base(locale)), collection: 'topics', limit: 200, depth: 0, sort: 'name' })
  return res.docs as unknown as Topic[]
})

/**
 * How many documents of each type `next build` renders ahead (the most recently changed). The rest
 * are rendered on their first request and cached from then on, exactly as new ones are; so build
 * time and memory stay flat however much an organisation has published (1,000 statements made
 * the build take 138 s instead of about 60 s; docs/performance.md).
 */
const PRERENDER_PER_COLLECTION = 50

/** Slugs for generateStaticParams (published documents only, as the public sees them). */
export async function prerenderSlugs(collection: 'programs' | 'statements' | 'campaigns' | 'people' | 'topics'): Promise<string[]> {
  try {
    const payload = await payloadClient()
    const res = await payload.find({
      collection,
      overrideAccess: false,
      limit: PRERENDER_PER_COLLECTION,
      sort: '-updatedAt',
      depth: 0,
      select: { slug: true },
    })
    return res.docs.map((d: any) => d.slug).filter(Boolean)
  } catch {
    // No database yet (first build): pages are rendered on first request instead.
    return []
  }
}

/**
 * The Urdu document without falling back to English, to see which fields are untranslated.
 * One cheap query (depth 0) per page, only on Urdu pages.
 */
export const getUntranslated = cache(
  async (collection: 'programs' | 'statements' | 'campaigns' | 'people' | 'topics', id: number | string) => {
    const payload = await payloadClient()
    const v = await viewer()
    try {
      return (await payload.findByID({
        collection,
        id,
        locale: 'ur',
        fallbackLocale: false,
        overrideAccess: false,
        draft: v.draft,
        user: v.user,
        depth: 0,
      })) as Record<string, unknown>
    } catch {
      return null
    }
  },
)
