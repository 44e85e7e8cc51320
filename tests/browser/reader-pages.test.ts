/**
 * What readers get from the production server (server.mjs + site/page-cache.mjs): public
 * pages without the client runtime, compressed, answered from memory on repeat requests, and
 * fresh on the very next request after a publish; staff get Next's full page (live preview).
 */
import { organisations } from '../../seed/content'
import { BASE_URL, adminApiToken } from '../helpers/browser'

const stamp = Date.now().toString(36)
let token = ''
let id: number | string
let slug = ''

async function json(path: string, init: RequestInit = {}) {
  const res = await fetch(`${BASE_URL}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}), ...(init.headers ?? {}) },
  })
  return { status: res.status, body: await res.json() }
}

beforeAll(async () => {
  token = await adminApiToken()
  const org = await json(`/api/organisations?where[slug][equals]=${organisations.cgr.slug}&limit=1`)
  const created = await json('/api/statements', {
    method: 'POST',
    body: JSON.stringify({
      title: `Reader page check ${stamp}`,
      statementType: 'press-release',
      speakerName: 'Reader check',
      issuingOrganisation: org.body.docs[0].id,
      deliveredOn: '2022-07-01T12:00:00.000Z',
      _status: 'published',
    }),
  })
  expect(created.status).toBe(201)
  id = created.body.doc.id
  slug = created.body.doc.slug
})

const page = (path: string, headers: Record<string, string> = {}) => fetch(`${BASE_URL}${path}`, { headers })

test('a public page is plain HTML: no script but structured data, gzip-compressed', async () => {
  const res = await page(`/statements/${slug}`, { 'accept-encoding': 'gzip' })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-encoding')).toBe('gzip')
  const html = await res.text()
  expect(html).toContain(`Reader page check ${stamp}`)
  expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/)
  expect(html).not.toContain('__next_f')
  expect(html).toContain('application/ld+json')
})

test('a repeat request is answered from memory, in both languages', async () => {
  for (const path of [`/statements/${slug}`, `/ur/statements/${slug}`]) {
    await (await page(path)).text()
    const again = await page(path)
    expect(again.status).toBe(200)
    expect({ path, cache: again.headers.get('x-daleel-page-cache') }).toEqual({ path, cache: 'HIT' })
    // The security headers travel with the stored page.
    expect(again.headers.get('content-security-policy')).toContain("object-src 'none'")
  }
})

test('staff get the full Next page (never the stored one), so preview and live preview work', async () => {
  const res = await page(`/statements/${slug}`, { cookie: `payload-token=${token}` })
  expect(res.headers.get('x-daleel-page-cache')).toBeNull()
  expect(await res.text()).toMatch(/<script[^>]+src="\/_next\/static\//)
})

test('after a publish the very next request shows the change, in both languages', async () => {
  await (await page(`/statements/${slug}`)).text()
  await (await page(`/ur/statements/${slug}`)).text()
  const title = `Reader page check ${stamp} (updated)`
  const saved = await json(`/api/statements/${id}`, { method: 'PATCH', body: JSON.stringify({ title, _status: 'published' }) })
  expect(saved.status).toBe(200)
  expect(await (await page(`/statements/${slug}`)).text()).toContain(title)
  expect(await (await page(`/ur/statements/${slug}`)).text()).toContain(title) // Urdu falls back to English
})

test('a draft save changes nothing readers see', async () => {
  const before = await (await page(`/statements/${slug}`)).text()
  const saved = await json(`/api/statements/${id}?draft=true`, { method: 'PATCH', body: JSON.stringify({ title: `Secret draft title ${stamp}` }) })
  expect(saved.status).toBe(200)
  const after = await (await page(`/statements/${slug}`)).text()
  expect(after).not.toContain(`Secret draft title ${stamp}`)
  expect(after).toContain(before.match(/<h1[^>]*>([^<]*)</)![1])
})

test('the statement filters offer the years and speakers of published statements, never of a draft', async () => {
  const org = await json(`/api/organisations?where[slug][equals]=${organisations.cgr.slug}&limit=1`)
  const person = async (name: string) => (await json('/api/people', { method: 'POST', body: JSON.stringify({ name }) })).body.doc as { id: number | string; slug: string }
  const shown = await person(`Filter speaker ${stamp}`)
  const hidden = await person(`Draft-only speaker ${stamp}`)
  const statement = (speaker: { id: number | string }, year: number, status: string) =>
    json('/api/statements', {
      method: 'POST',
      body: JSON.stringify({
        title: `Filter check ${year} ${stamp}`,
        statementType: 'press-release',
        speaker: speaker.id,
        issuingOrganisation: org.body.docs[0].id,
        deliveredOn: `${year}-03-01T12:00:00.000Z`,
        _status: status,
      }),
    })
  expect((await statement(shown, 1998, 'published')).status).toBe(201)
  expect((await statement(hidden, 1997, 'draft')).status).toBe(201)

  for (const prefix of ['', '/ur']) {
    const html = await (await page(`${prefix}/statements`)).text()
    const options = (name: string) => [...html.matchAll(new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`, 'g'))].flatMap((m) => [...m[1].matchAll(/value="([^"]*)"/g)].map((v) => v[1]))
    expect(options('year')).toEqual(expect.arrayContaining(['2022', '1998']))
    expect(options('year')).not.toContain('1997')
    expect(options('speaker')).toContain(shown.slug)
    expect(options('speaker')).not.toContain(hidden.slug)
  }
})
