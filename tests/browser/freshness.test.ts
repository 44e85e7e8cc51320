/**
 * One change pipeline, seen from outside (the production server, server.mjs): a publish makes
 * exactly the pages it touches fresh at once (re-rendered into the cache, so the next reader gets
 * them from the cache), leaves every other page cached, and nothing else (no anonymous or failed
 * request, no autosave) empties a cache. Scheduled publishing and unpublishing, run by the jobs
 * runner outside any request, reach the pages the same way. Trash and restore too.
 */
import path from 'node:path'

import { organisations, topics } from '../../seed/content'
import { BASE_URL, adminApiToken } from '../helpers/browser'
import { eventually, queueSchedule } from '../helpers/schedule'

const databaseUri = process.env.DATABASE_URI || `file:${path.join(process.cwd(), 'data', 'browser-test.db')}`
const stamp = Date.now().toString(36)
let token = ''
let orgId: number | string
let topicId: number | string

async function api(p: string, init: RequestInit = {}) {
  const res = await fetch(`${BASE_URL}/api${p}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}`, ...(init.headers ?? {}) },
  })
  return { status: res.status, body: await res.json().catch(() => null) }
}

async function get(p: string): Promise<{ status: number; page: string | null; next: string | null; text: string }> {
  const res = await fetch(`${BASE_URL}${p}`, { redirect: 'manual' })
  const answer = { status: res.status, page: res.headers.get('x-daleel-page-cache'), next: res.headers.get('x-nextjs-cache'), text: await res.text() }
  // Searches from one address are rate limited (other test files search too): wait, never read "limited" as "not found".
  const wait = p.startsWith('/search') ? /Please wait (\d+) seconds/.exec(answer.text) : null
  if (wait) {
    await new Promise((r) => setTimeout(r, (Number(wait[1]) + 1) * 1000))
    return get(p)
  }
  return answer
}

/** The search page for these words (English). */
const searchFor = (words: string) => `/search?q=${encodeURIComponent(words)}`

/** Request a page until the page cache holds it (a second request is a HIT). */
async function cached(p: string) {
  await get(p)
  const again = await get(p)
  expect({ p, cache: again.page }).toEqual({ p, cache: 'HIT' })
}

async function statement(title: string, extra: Record<string, unknown> = {}) {
  const res = await api('/statements', {
    method: 'POST',
    body: JSON.stringify({
      title,
      statementType: 'press-release',
      speakerName: 'Freshness check',
      issuingOrganisation: orgId,
      // Newer than the demo statement, older than what later test files publish (the home page lists the latest three).
      deliveredOn: '2023-06-01T12:00:00.000Z',
      topics: [topicId],
      _status: 'published',
      ...extra,
    }),
  })
  expect(res.status).toBe(201)
  created.push(res.body.doc.id)
  return res.body.doc as { id: number | string; slug: string }
}

const created: Array<number | string> = []
afterAll(async () => {
  // Leave the shared test site as we found it (other files count what the home page lists).
  for (const id of created) await api(`/statements/${id}?trash=true`, { method: 'DELETE' })
})

beforeAll(async () => {
  token = await adminApiToken()
  orgId = (await api(`/organisations?where[slug][equals]=${organisations.cgr.slug}&limit=1`)).body.docs[0].id
  topicId = (await api(`/topics?where[slug][equals]=${topics.organisedCrime.slug}&limit=1`)).body.docs[0].id
})

describe('only a content change purges a cache', () => {
  test('an anonymous POST, a failed login and a refused write leave cached pages cached', async () => {
    await cached('/contact')
    await cached('/ur/topics')
    expect((await fetch(`${BASE_URL}/api/nothing`, { method: 'POST' })).status).toBeGreaterThanOrEqual(400)
    const login = await fetch(`${BASE_URL}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'nobody@example.org', password: 'wrong' }) })
    expect(login.status).toBe(401)
    expect((await fetch(`${BASE_URL}/api/statements`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(403)
    expect((await get('/contact')).page).toBe('HIT')
    expect((await get('/ur/topics')).page).toBe('HIT')
  })

  test('an autosave and a saved draft change nothing a reader or partner sees, and empty no cache', async () => {
    const doc = await statement(`Autosave check ${stamp}`)
    await cached(`/statements/${doc.slug}`)
    await cached('/contact')
    const apiFirst = await fetch(`${BASE_URL}/api/statements/${doc.id}`)
    const etag = apiFirst.headers.get('etag')
    expect(etag).toBeTruthy()
    expect((await api(`/statements/${doc.id}?draft=true&autosave=true`, { method: 'PATCH', body: JSON.stringify({ title: `Half-typed ${stamp}` }) })).status).toBe(200)
    expect((await api(`/statements/${doc.id}?draft=true`, { method: 'PATCH', body: JSON.stringify({ title: `Draft only ${stamp}` }) })).status).toBe(200)
    const page = await get(`/statements/${doc.slug}`)
    expect(page.page).toBe('HIT')
    expect(page.text).toContain(`Autosave check ${stamp}`)
    expect(page.text).not.toContain('Half-typed')
    expect((await get('/contact')).page).toBe('HIT')
    // Partners: the same answer, still from the response cache (304 on the validator).
    const apiAgain = await fetch(`${BASE_URL}/api/statements/${doc.id}`, { headers: { 'If-None-Match': etag! } })
    expect(apiAgain.status).toBe(304)
  })
})

test('publishing statement A makes its page, the index, the home page, its topic page and the feeds fresh at once; unrelated pages stay cached', async () => {
  const other = await statement(`Unrelated statement ${stamp}`, { topics: [] })
  const a = await statement(`Statement A ${stamp}`)
  const filtered = `/statements?topic=${topics.organisedCrime.slug}`
  for (const p of [`/statements/${a.slug}`, `/ur/statements/${a.slug}`, '/', '/statements', filtered, `/topics/${topics.organisedCrime.slug}`, '/contact', `/statements/${other.slug}`]) await cached(p)

  const title = `Statement A, corrected ${stamp}`
  const saved = await api(`/statements/${a.id}`, { method: 'PATCH', body: JSON.stringify({ title, _status: 'published' }) })
  expect(saved.status).toBe(200)

  // The very next request: fresh, and from the cache (re-rendered at publish time, not now).
  const page = await get(`/statements/${a.slug}`)
  expect(page.text).toContain(title)
  expect(page.next).toBe('HIT')
  expect((await get(`/ur/statements/${a.slug}`)).text).toContain(title)
  for (const p of ['/statements', filtered, '/', '/ur', `/topics/${topics.organisedCrime.slug}`, '/statements/feed.xml', '/feed.atom', `/topics/${topics.organisedCrime.slug}/feed.json`]) {
    expect({ p, fresh: (await get(p)).text.includes(title) }).toEqual({ p, fresh: true })
  }
  // Nothing else was touched.
  expect((await get('/contact')).page).toBe('HIT')
  expect((await get(`/statements/${other.slug}`)).page).toBe('HIT')
})

test('pages that show it elsewhere ("related statements" under a shared topic) follow just after, re-rendered in the background, not by the reader', async () => {
  const topic = await api('/topics', { method: 'POST', body: JSON.stringify({ name: `Freshness topic ${stamp}` }) })
  expect(topic.status).toBe(201)
  const sibling = await statement(`Sibling ${stamp}`, { topics: [topic.body.doc.id] })
  const changed = await statement(`Shown as related ${stamp}`, { topics: [topic.body.doc.id] })
  // The sibling's page was rendered when it was published, before the other existed: it follows.
  await eventually(async () => (await get(`/statements/${sibling.slug}`)).text.includes(`Shown as related ${stamp}`), 30_000, 250)
  await cached(`/statements/${sibling.slug}`)

  const title = `Shown as related, corrected ${stamp}`
  expect((await api(`/statements/${changed.id}`, { method: 'PATCH', body: JSON.stringify({ title, _status: 'published' }) })).status).toBe(200)
  const fresh = await eventually(async () => {
    const page = await get(`/statements/${sibling.slug}`)
    return page.text.includes(title) && page
  }, 30_000, 250)
  // From the cache: the background refresh rendered it, the reader did not wait for a render.
  expect(fresh.next).toBe('HIT')
})

test('trashing a published statement takes it off at once (both languages, index, feed, sitemap); restoring brings it back', async () => {
  const doc = await statement(`To be trashed ${stamp}`)
  await cached(`/statements/${doc.slug}`)
  expect((await get(searchFor(`To be trashed ${stamp}`))).text).toContain(`/statements/${doc.slug}`)
  expect((await api(`/statements/${doc.id}`, { method: 'PATCH', body: JSON.stringify({ deletedAt: new Date().toISOString() }) })).status).toBe(200)
  expect((await get(`/statements/${doc.slug}`)).status).toBe(404)
  expect((await get(`/ur/statements/${doc.slug}`)).status).toBe(404)
  for (const p of ['/statements', '/statements/feed.xml', '/sitemap.xml', searchFor(`To be trashed ${stamp}`)]) {
    expect({ p, gone: !(await get(p)).text.includes(doc.slug) }).toEqual({ p, gone: true })
  }

  expect((await api(`/statements/${doc.id}?trash=true`, { method: 'PATCH', body: JSON.stringify({ deletedAt: null, _status: 'published' }) })).status).toBe(200)
  const back = await get(`/statements/${doc.slug}`)
  expect(back.status).toBe(200)
  expect(back.text).toContain(`To be trashed ${stamp}`)
  expect((await get('/sitemap.xml')).text).toContain(doc.slug)
  expect((await get(searchFor(`To be trashed ${stamp}`))).text).toContain(`/statements/${doc.slug}`)
})

test('scheduled: an unpublish and a publish of an update, run by the jobs runner (outside any request), reach every page within a run of the runner', async () => {
  const down = await statement(`Scheduled takedown ${stamp}`)
  const update = await statement(`Scheduled update ${stamp}`)
  const newTitle = `Scheduled update, new text ${stamp}`
  // The new text waits as a draft; readers still see the old one.
  expect((await api(`/statements/${update.id}?draft=true`, { method: 'PATCH', body: JSON.stringify({ title: newTitle }) })).status).toBe(200)
  for (const p of [`/statements/${down.slug}`, `/ur/statements/${down.slug}`, `/statements/${update.slug}`, `/ur/statements/${update.slug}`, '/statements/feed.xml']) await cached(p)
  expect((await get(`/statements/${update.slug}`)).text).not.toContain(newTitle)
  // Before the runner: readers find the one to be taken down everywhere, and not the draft's new text.
  for (const p of ['/statements', '/statements/feed.xml', '/sitemap.xml', searchFor(`Scheduled takedown ${stamp}`)]) {
    expect({ p, listed: (await get(p)).text.includes(down.slug) }).toEqual({ p, listed: true })
  }
  expect((await get(searchFor(`new text ${stamp}`))).text).not.toContain(`/statements/${update.slug}`)

  await queueSchedule(databaseUri, [
    { collection: 'statements', id: down.id, type: 'unpublish' },
    { collection: 'statements', id: update.id, type: 'publish' },
  ])
  // The runner fires every minute: within one run plus a few seconds.
  await eventually(async () => (await get(`/statements/${down.slug}`)).status === 404, 75_000)
  expect((await get(`/ur/statements/${down.slug}`)).status).toBe(404)
  // The job refreshes the lists just after the page (a few seconds on a busy machine).
  for (const p of ['/statements', '/statements/feed.xml', '/sitemap.xml', searchFor(`Scheduled takedown ${stamp}`)]) {
    await eventually(async () => !(await get(p)).text.includes(down.slug), 15_000).catch(() => {
      throw new Error(`${p} still lists the statement taken down 15 s after its page went`)
    })
  }
  await eventually(async () => (await get(`/statements/${update.slug}`)).text.includes(newTitle), 15_000)
  expect((await get(`/ur/statements/${update.slug}`)).text).toContain(newTitle)
  expect((await get('/statements/feed.xml')).text).toContain(newTitle)
  expect((await get(searchFor(`new text ${stamp}`))).text).toContain(`/statements/${update.slug}`)
}, 300_000)

test('changing a published slug: the old address answers 301 to the new one in both languages (and the JSON twin asked by slug); the citation shows the new address', async () => {
  const doc = await statement(`Moving statement ${stamp}`)
  const oldSlug = doc.slug
  await cached(`/statements/${oldSlug}`)
  const newSlug = `moved-statement-${stamp}`
  expect((await api(`/statements/${doc.id}`, { method: 'PATCH', body: JSON.stringify({ slug: newSlug, _status: 'published' }) })).status).toBe(200)

  for (const prefix of ['', '/ur']) {
    const res = await fetch(`${BASE_URL}${prefix}/statements/${oldSlug}`, { redirect: 'manual' })
    expect({ prefix, status: res.status, location: res.headers.get('location') }).toEqual({ prefix, status: 301, location: `${prefix}/statements/${newSlug}` })
  }
  const twin = await fetch(`${BASE_URL}/api/statements?where[slug][equals]=${oldSlug}&locale=en`, { redirect: 'manual' })
  expect(twin.status).toBe(301)
  expect(twin.headers.get('location')).toContain(`where%5Bslug%5D%5Bequals%5D=${newSlug}`)

  const page = await get(`/statements/${newSlug}`)
  expect(page.status).toBe(200)
  // The "How to cite" box carries the new address.
  const citation = /<pre class="citation"[^>]*>([\s\S]*?)<\/pre>/.exec(page.text)?.[1] ?? ''
  expect(citation).toContain(`/statements/${newSlug}`)
  expect(citation).not.toContain(oldSlug)
  // A browser following the old link lands on the page.
  const followed = await fetch(`${BASE_URL}/ur/statements/${oldSlug}`)
  expect(followed.status).toBe(200)
  expect(followed.url).toBe(`${BASE_URL}/ur/statements/${newSlug}`)
})
