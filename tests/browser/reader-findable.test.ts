/**
 * What readers, researchers and search engines find on the public pages, in both languages:
 * feeds announced on every page and resolving, a visible Subscribe section on index and topic
 * pages, structured data of the right schema.org type on every content page with visible
 * breadcrumbs, citation tags for reference managers, rich-text links that reach their page (on
 * the page and in the feed), and the source documents' facts shown once, where they belong.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { campaigns, offices, organisations, pageOfEveryType, people, program, statement, topics } from '../../seed/content'
import { BASE_URL, adminApiToken, launchBrowser, newContext, open } from '../helpers/browser'
import { pdfWith } from '../helpers/mediaFiles'

const stamp = Date.now().toString(36)
let token = ''
let browser: Browser
let context: BrowserContext
let page: Page
let linked: { slug: string; pdfPath: string }
let dated: { slug: string }

async function api(path: string, init: RequestInit = {}) {
  const res = await fetch(`${BASE_URL}/api${path}`, {
    ...init,
    headers: { ...(init.body instanceof FormData ? {} : { 'Content-Type': 'application/json' }), Authorization: `JWT ${token}`, ...(init.headers ?? {}) },
  })
  const body = await res.json()
  if (res.status >= 400) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${JSON.stringify(body)}`)
  return body
}
const idOf = async (collection: string, slug: string) => (await api(`/${collection}?where[slug][equals]=${slug}&limit=1&depth=0`)).docs[0].id

const text = (t: string) => ({ type: 'text', text: t, format: 0, detail: 0, mode: 'normal', style: '', version: 1 })
const internalLink = (t: string, relationTo: string, value: number | string) => ({
  type: 'link',
  version: 3,
  format: '',
  indent: 0,
  direction: 'ltr',
  fields: { linkType: 'internal', doc: { relationTo, value }, newTab: false },
  children: [text(t)],
})
const paragraph = (children: unknown[]) => ({ type: 'paragraph', version: 1, format: '', indent: 0, direction: 'ltr', textFormat: 0, textStyle: '', children })

beforeAll(async () => {
  token = await adminApiToken()
  browser = await launchBrowser()
  context = await newContext(browser)
  page = await context.newPage()

  // A statement whose text links to the program and to an uploaded PDF (attached as well).
  const form = new FormData()
  const pdf = await pdfWith({ pages: 2, title: `Linked document ${stamp}` })
  form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), `linked-${stamp}.pdf`)
  form.append('_payload', JSON.stringify({ alt: `Linked document ${stamp}` }))
  const media = (await api('/media', { method: 'POST', body: form })).doc
  const programId = await idOf('programs', program.slug)
  const created = await api('/statements', {
    method: 'POST',
    body: JSON.stringify({
      title: `Statement with links ${stamp}`,
      statementType: 'press-release',
      speakerName: 'Link check',
      issuingOrganisation: await idOf('organisations', organisations.cgr.slug),
      deliveredOn: '2023-03-08T12:00:00.000Z',
      attachments: [media.id],
      body: {
        root: {
          type: 'root', version: 1, format: '', indent: 0, direction: 'ltr',
          children: [paragraph([text('Read '), internalLink('the programme page', 'programs', programId), text(' and '), internalLink('the document', 'media', media.id), text('.')])],
        },
      },
      _status: 'published',
    }),
  })
  linked = { slug: created.doc.slug, pdfPath: new URL(media.url, BASE_URL).pathname }

  // A dated campaign: an Event for search engines.
  const campaign = await api('/campaigns', {
    method: 'POST',
    body: JSON.stringify({ title: `Dated campaign ${stamp}`, startDate: '2025-11-25T00:00:00.000Z', endDate: '2025-12-10T00:00:00.000Z', _status: 'published' }),
  })
  dated = { slug: campaign.doc.slug }
}, 120_000)

afterAll(async () => {
  await browser?.close()
})

const ur = (path: string) => (path === '/' ? '/ur' : `/ur${path}`)
const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/feed+json']

/** Every JSON-LD block on the page, parsed. */
async function structuredData(): Promise<any[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents()
  return blocks.map((b) => JSON.parse(b))
}

async function feedLinks(): Promise<Array<{ type: string; href: string; title: string }>> {
  return page.locator('link[rel="alternate"]').evaluateAll((links) =>
    links.map((l) => ({ type: l.getAttribute('type') ?? '', href: l.getAttribute('href') ?? '', title: l.getAttribute('title') ?? '' })),
  )
}

async function resolves(href: string, type: string) {
  const res = await fetch(href)
  expect({ href, status: res.status }).toEqual({ href, status: 200 })
  expect(res.headers.get('content-type')).toContain(type)
  return res.text()
}

describe.each(['en', 'ur'] as const)('%s', (locale) => {
  const at = (path: string) => (locale === 'en' ? path : ur(path))

  test.each([
    ['/', null],
    ['/statements', 'statements'],
    [`/statements/${statement.slug}`, 'statements'],
    ['/programs', 'programs'],
    [`/programs/${program.slug}`, 'programs'],
    ['/campaigns', 'campaigns'],
    [`/campaigns/${campaigns[0].slug}`, 'campaigns'],
    [`/topics/${topics.traffickingInPersons.slug}`, `topics/${topics.traffickingInPersons.slug}`],
    ['/contact', null],
  ])('%s announces the whole site’s feeds and its own, and they resolve', async (path, own) => {
    await open(page, at(path))
    const links = await feedLinks()
    for (const type of FEED_TYPES) {
      const ofType = links.filter((l) => l.type === type)
      const prefix = `${BASE_URL}${locale === 'en' ? '' : '/ur'}`
      expect(ofType.map((l) => l.href)).toContain(`${prefix}/${type.includes('rss') ? 'feed.xml' : type.includes('atom') ? 'feed.atom' : 'feed.json'}`)
      if (own) expect(ofType.some((l) => l.href.startsWith(`${prefix}/${own}/feed.`))).toBe(true)
      for (const l of ofType) {
        expect(l.title).toBeTruthy()
        await resolves(l.href, type)
      }
    }
  })

  test.each(['/statements', '/programs', '/campaigns', `/topics/${topics.traffickingInPersons.slug}`])(
    '%s has a visible Subscribe section explaining feeds, with working links',
    async (path) => {
      await open(page, at(path))
      const section = page.locator('section.subscribe')
      await expect(section.locator('h2').innerText()).resolves.toBe(locale === 'en' ? 'Subscribe' : 'سبسکرائب کریں')
      expect(await section.locator('p').innerText()).toMatch(locale === 'en' ? /feed reader/ : /فیڈ ریڈر/)
      const hrefs = await section.locator('a').evaluateAll((as) => as.map((a) => [a.getAttribute('href')!, a.getAttribute('type')!]))
      expect(hrefs).toHaveLength(3)
      for (const [href, type] of hrefs) await resolves(href, type)
    },
  )

  test.each([
    [`/statements/${statement.slug}`, 'Article'],
    [`/programs/${program.slug}`, 'Project'],
    [`/campaigns/${campaigns[0].slug}`, 'CreativeWork'], // no dates in the source: not an Event
    [`/people/${people.tariqKhosa.slug}`, 'Person'],
    [`/topics/${topics.traffickingInPersons.slug}`, 'CollectionPage'],
  ])('%s has structured data of type %s, a BreadcrumbList and visible breadcrumbs', async (path, type) => {
    await open(page, at(path))
    const data = await structuredData()
    expect(data.map((d) => d['@type'])).toEqual(expect.arrayContaining([type, 'BreadcrumbList']))
    for (const d of data) expect(d['@context']).toBe('https://schema.org')
    const trail = data.find((d) => d['@type'] === 'BreadcrumbList').itemListElement
    expect(trail[trail.length - 1].item).toBe(`${BASE_URL}${at(path)}`)
    // The same trail, visible: links up to the page itself.
    const crumbs = page.locator('nav.breadcrumbs li')
    expect(await crumbs.count()).toBe(trail.length)
    expect(await page.locator('nav.breadcrumbs li[aria-current="page"]').count()).toBe(1)
    for (const [i, crumb] of trail.slice(0, -1).entries()) {
      expect(await crumbs.nth(i).locator('a').getAttribute('href')).toBe(new URL(crumb.item).pathname)
    }
  })

  test.each(pageOfEveryType())('%s describes itself to search engines (a meta description)', async (path) => {
    await open(page, at(path))
    const description = (await page.locator('meta[name="description"]').getAttribute('content')) ?? ''
    expect({ path, description: description.trim().length > 0 }).toEqual({ path, description: true })
  })

  test('a dated campaign is an Event with its dates', async () => {
    await open(page, at(`/campaigns/${dated.slug}`))
    const event = (await structuredData()).find((d) => d['@type'] === 'Event')
    expect(event).toMatchObject({ startDate: '2025-11-25', endDate: '2025-12-10' })
  })

  test('the contact page describes each organisation with its addresses and telephones (ContactPoint)', async () => {
    await open(page, at('/contact'))
    const name = locale === 'en' ? organisations.cgr.name : organisations.cgr.demoUrdu.name
    const org = (await structuredData()).find((d) => d['@type'] === 'Organization' && d.name === name)
    expect(org.address.length).toBeGreaterThanOrEqual(offices.length)
    expect(org.address.map((a: any) => a['@type'])).toContain('PostalAddress')
    expect(new Set(org.contactPoint.map((c: any) => c['@type']))).toEqual(new Set(['ContactPoint']))
    // The letterhead's numbers, in international form.
    expect(org.contactPoint.map((c: any) => c.telephone)).toEqual(expect.arrayContaining(['+92512870852', '+92512870853', '+924235831352']))
  })

  test('the home page describes the site as an Organization and a WebSite', async () => {
    await open(page, at('/'))
    expect((await structuredData()).map((d) => d['@type'])).toEqual(expect.arrayContaining(['Organization', 'WebSite']))
  })

  test('a statement carries citation tags for reference managers, with the PDF when one is attached', async () => {
    await open(page, at(`/statements/${statement.slug}`))
    const meta = async (name: string) => page.locator(`meta[name="${name}"]`).evaluateAll((m) => m.map((x) => x.getAttribute('content')))
    expect(await meta('citation_title')).toEqual([locale === 'en' ? statement.title : statement.demoUrdu.title])
    expect(await meta('citation_author')).toEqual([locale === 'en' ? people.tariqKhosa.name : people.tariqKhosa.demoUrdu.name])
    expect(await meta('citation_publication_date')).toEqual(['2022/07/01'])
    expect(await meta('citation_pdf_url')).toEqual([]) // the demo statement has no PDF

    await open(page, at(`/statements/${linked.slug}`))
    expect(await meta('citation_pdf_url')).toEqual([`${BASE_URL}${linked.pdfPath}`])
    expect(await meta('citation_publication_date')).toEqual(['2023/03/08'])
  })

  test('an internal link in rich text reaches its page; a link to an upload reaches the file', async () => {
    await open(page, at(`/statements/${linked.slug}`))
    const doc = page.locator('main .prose a', { hasText: 'the document' })
    const docHref = new URL((await doc.getAttribute('href'))!, BASE_URL)
    expect(docHref.pathname).toBe(linked.pdfPath)
    await resolves(docHref.href, 'application/pdf')
    await Promise.all([page.waitForURL(`**${at(`/programs/${program.slug}`)}`), page.locator('main .prose a', { hasText: 'the programme page' }).click()])
    expect(await page.locator('h1').innerText()).toBe(locale === 'en' ? program.title : program.demoUrdu.title)
  })

  test('the feed writes the same links as absolute addresses (never href="#")', async () => {
    const feed = JSON.parse(await resolves(`${BASE_URL}${at('/statements/feed.json')}`, 'application/feed+json'))
    const item = feed.items.find((i: any) => i.url.endsWith(`/statements/${linked.slug}`))
    expect(item.content_html).toContain(`href="${BASE_URL}${at(`/programs/${program.slug}`)}"`)
    expect(item.content_html).toContain(`href="${BASE_URL}${linked.pdfPath}"`)
    expect(item.content_html).not.toContain('href="#"')
  })

  test('the statement shows its three proposals once, numbered and linkable, inside the text', async () => {
    await open(page, at(`/statements/${statement.slug}`))
    const body = await page.locator('main').innerText()
    for (const proposal of statement.proposals) expect(body.split(proposal).length - 1).toBe(1)
    const items = page.locator('main .prose ol.proposals > li')
    expect(await items.count()).toBe(3)
    expect(await items.evaluateAll((lis) => lis.map((li) => li.id))).toEqual(['proposal-1', 'proposal-2', 'proposal-3'])
    // In place: right after the sentence that introduces them, before the conclusion.
    const order = await page.locator('main .prose').evaluate((prose) => [...prose.children].map((el) => el.tagName + (el.textContent ?? '').slice(0, 30)))
    const intro = order.findIndex((x) => x.startsWith('PFor the purpose of this'))
    expect(intro).toBeGreaterThan(0)
    expect(order[intro + 1]).toMatch(/^OLNational strategies/)
    expect(await page.locator('h2#proposals').count()).toBe(0)
  })

  test('the program shows its key activities once, under "Our Key Contributions", and names its organisation', async () => {
    await open(page, at(`/programs/${program.slug}`))
    const main = await page.locator('main').innerText()
    const text = await page.locator('main .prose').innerText()
    for (const a of program.keyActivities) expect(text.split(a.description).length - 1).toBe(1)
    expect(await page.locator('h2#activities').count()).toBe(0)
    const order = await page.locator('main .prose').evaluate((prose) => [...prose.querySelectorAll('h2, h3')].map((h) => h.textContent))
    const heading = order.indexOf('Our Key Contributions')
    expect(order.slice(heading + 1, heading + 5)).toEqual(program.keyActivities.map((a) => a.title))
    expect(order.indexOf('Future Directions')).toBeGreaterThan(heading + 4)
    expect(main).toContain(locale === 'en' ? organisations.cpdi.name : organisations.cpdi.demoUrdu.name)
  })

  test('an undated campaign names its organisation and says no dates are given, never "Ongoing"', async () => {
    await open(page, at(`/campaigns/${campaigns[0].slug}`))
    const main = await page.locator('main').innerText()
    expect(main).toContain(locale === 'en' ? organisations.cpdi.name : organisations.cpdi.demoUrdu.name)
    expect(main).toContain(locale === 'en' ? 'No dates given' : 'تاریخیں نہیں دی گئیں')
    expect(main).not.toContain(locale === 'en' ? 'Ongoing' : 'جاری')
    // On the index they are listed under "without dates", with no status of their own.
    await open(page, at('/campaigns'))
    const undated = page.locator('section[aria-labelledby="group-undated"]')
    expect(await undated.locator('h2').innerText()).toBe(locale === 'en' ? 'Campaigns without dates' : 'بغیر تاریخوں کی مہمات')
    const listed = await undated.locator('li.card').allInnerTexts()
    for (const c of campaigns) {
      const card = listed.find((t) => t.includes(locale === 'en' ? c.title : c.demoUrdu.title))
      expect(card).toBeDefined()
      expect(card).not.toContain(locale === 'en' ? 'Ongoing' : 'جاری')
    }
  })
})
