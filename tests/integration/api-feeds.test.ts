/** RSS, Atom and JSON Feed: valid, full text, published only, absolute links from SERVER_URL. */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { Payload } from 'payload'

import { GET as campaignsRss } from '../../app/(site)/[locale]/campaigns/feed.xml/route'
import { GET as programsJson } from '../../app/(site)/[locale]/programs/feed.json/route'
import { GET as allAtom } from '../../app/(site)/[locale]/feed.atom/route'
import { GET as allJson } from '../../app/(site)/[locale]/feed.json/route'
import { GET as allRss } from '../../app/(site)/[locale]/feed.xml/route'
import { GET as statementsRss } from '../../app/(site)/[locale]/statements/feed.xml/route'
import { GET as topicJson } from '../../app/(site)/[locale]/topics/[slug]/feed.json/route'
import { GET as topicRss } from '../../app/(site)/[locale]/topics/[slug]/feed.xml/route'
import { richText } from '../../content/richText'
import { makeCampaign, makeOrganisation, makePdf, makeProgram, makeStatement, makeTopic } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'

let payload: Payload
let topic: any

type Route = (req: Request, ctx: { params: Promise<{ locale: string; slug?: string }> }) => Promise<Response>
async function get(route: Route, locale: string, slug?: string, headers: Record<string, string> = {}) {
  // A hostile Host header must not leak into links.
  const res = await route(new Request('http://evil.example/feed', { headers: { Host: 'evil.example', ...headers } }), {
    params: Promise.resolve({ locale, slug }),
  })
  return { status: res.status, headers: res.headers, text: await res.text() }
}
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'entry', 'category'].includes(name) })

beforeAll(async () => {
  payload = await testPayload()
  const org = await makeOrganisation(payload)
  topic = await makeTopic(payload, { name: 'Trafficking in persons' })
  const s = await makeStatement(payload, {
    issuingOrganisation: org.id,
    title: 'Statement on trafficking & <justice>',
    summary: 'A short summary.',
    body: richText(['Full text of the statement.', { list: ['First point'] }]),
    proposals: [{ text: 'Fund shelters.' }],
    topics: [topic.id],
    _status: 'published',
  })
  await payload.update({ collection: 'statements', id: s.id, locale: 'ur', data: { title: 'اسمگلنگ پر بیان' } })
  await makeStatement(payload, { issuingOrganisation: org.id, title: 'Draft statement never in feeds', topics: [topic.id] })
  await makeCampaign(payload, { title: 'Sixteen days campaign', _status: 'published' })
}, 120_000)
afterAll(closePayload)

test('RSS 2.0 is well-formed, has the required elements, full text and absolute links', async () => {
  const res = await get(allRss, 'en')
  expect(res.status).toBe(200)
  expect(res.headers.get('Content-Type')).toMatch(/application\/rss\+xml/)
  expect(XMLValidator.validate(res.text)).toBe(true)
  const channel = parser.parse(res.text).rss.channel
  expect(parser.parse(res.text).rss['@_version']).toBe('2.0')
  for (const el of ['title', 'link', 'description']) expect(channel[el]).toBeTruthy()
  const titles = channel.item.map((i: any) => i.title)
  expect(titles).toEqual(expect.arrayContaining(['Statement on trafficking & <justice>', 'Sixteen days campaign']))
  expect(res.text).not.toContain('Draft statement never in feeds')
  const item = channel.item.find((i: any) => i.title.startsWith('Statement on'))
  expect(item.link.startsWith('http://localhost:3000/statements/')).toBe(true)
  expect(item['content:encoded']).toContain('<p>Full text of the statement.</p>')
  expect(item.category).toContain('Trafficking in persons')
  expect(new Date(item.pubDate).toString()).not.toBe('Invalid Date')
  expect(res.text).not.toContain('evil.example')
})

test('Atom is well-formed with id, title, updated, author and entries', async () => {
  const res = await get(allAtom, 'en')
  expect(XMLValidator.validate(res.text)).toBe(true)
  const feed = parser.parse(res.text).feed
  expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
  for (const el of ['id', 'title', 'updated', 'author']) expect(feed[el]).toBeTruthy()
  for (const entry of feed.entry) for (const el of ['id', 'title', 'updated']) expect(entry[el]).toBeTruthy()
  expect(res.text).not.toContain('Draft statement')
})

test('JSON Feed 1.1 has the version URL and required fields', async () => {
  const res = await get(allJson, 'en')
  const feed = JSON.parse(res.text)
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
  expect(feed.title).toBeTruthy()
  expect(feed.feed_url).toBe('http://localhost:3000/feed.json')
  for (const item of feed.items) {
    expect(item.id).toBeTruthy()
    expect(item.content_html || item.content_text).toBeTruthy()
  }
})

test('per-collection, per-topic and Urdu feeds', async () => {
  const statements = parser.parse((await get(statementsRss, 'en')).text).rss.channel.item
  expect(statements.map((i: any) => i.title)).not.toContain('Sixteen days campaign')
  const campaigns = parser.parse((await get(campaignsRss, 'en')).text).rss.channel.item
  expect(campaigns.map((i: any) => i.title)).toEqual(['Sixteen days campaign'])

  const byTopic = await get(topicRss, 'en', topic.slug)
  expect(byTopic.status).toBe(200)
  expect(parser.parse(byTopic.text).rss.channel.item.map((i: any) => i.title)).toEqual(['Statement on trafficking & <justice>'])
  expect((await get(topicRss, 'en', 'no-such-topic')).status).toBe(404)

  const ur = await get(topicJson, 'ur', topic.slug)
  const feed = JSON.parse(ur.text)
  expect(feed.language).toBe('ur')
  expect(feed.feed_url).toBe(`http://localhost:3000/ur/topics/${topic.slug}/feed.json`)
  expect(feed.items[0].title).toBe('اسمگلنگ پر بیان')
  expect(feed.items[0].url.startsWith('http://localhost:3000/ur/statements/')).toBe(true)
  expect(ur.text).not.toContain('Draft statement')
  expect((await get(allRss, 'xx')).status).toBe(404)
})

test('feeds answer If-None-Match with 304', async () => {
  const first = await get(allRss, 'en')
  const again = await get(allRss, 'en', undefined, { 'If-None-Match': first.headers.get('ETag')! })
  expect(again.status).toBe(304)
})

test('programs have feeds; key activities and proposals stand where the text places them, once; internal links are absolute', async () => {
  const org = await makeOrganisation(payload)
  const program = await makeProgram(payload, {
    title: 'Programme with activities',
    body: richText([{ heading: 'Our Key Contributions' }, 'Here are some highlights:', { placement: 'keyActivities' }, { heading: 'Future Directions' }]),
    keyActivities: [{ title: 'Workshops', description: 'Training.', funder: org.id }],
    _status: 'published',
  })
  const pdf = await makePdf(payload)
  const link = (text: string, relationTo: string, value: unknown) => ({
    type: 'link', version: 3, format: '', indent: 0, direction: 'ltr',
    fields: { linkType: 'internal', doc: { relationTo, value }, newTab: false },
    children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
  })
  const body = richText(['Before the proposals:', { placement: 'proposals' }, 'After.'])
  body.root.children.push({ type: 'paragraph', version: 1, format: '', indent: 0, direction: 'ltr', textFormat: 0, textStyle: '', children: [link('the programme', 'programs', program.id), link('the file', 'media', pdf.id)] } as any)
  await makeStatement(payload, { issuingOrganisation: org.id, title: 'Statement placing proposals', body, proposals: [{ text: 'One.' }, { text: 'Two.' }], _status: 'published' })

  const programs = JSON.parse((await get(programsJson, 'en')).text)
  expect(programs.feed_url).toBe('http://localhost:3000/programs/feed.json')
  const item = programs.items.find((i: any) => i.title === 'Programme with activities')
  expect(item.url).toBe(`http://localhost:3000/programs/${program.slug}`)
  const html: string = item.content_html
  expect(html.indexOf('Workshops')).toBeGreaterThan(html.indexOf('Our Key Contributions'))
  expect(html.indexOf('Workshops')).toBeLessThan(html.indexOf('Future Directions'))
  expect(html.split('Workshops').length - 1).toBe(1)

  const all = JSON.parse((await get(allJson, 'ur')).text)
  const statementItem = all.items.find((i: any) => i.title === 'Statement placing proposals')
  const shtml: string = statementItem.content_html
  expect(shtml).toMatch(/Before the proposals:<\/p><ol><li id="proposal-1">One\.<\/li><li id="proposal-2">Two\.<\/li><\/ol><p>After\.<\/p>/)
  expect(shtml).toContain(`href="http://localhost:3000/ur/programs/${program.slug}"`)
  expect(shtml).toContain(`href="http://localhost:3000${pdf.url.replace(/^https?:\/\/[^/]+/, '')}"`)
  expect(shtml).not.toContain('href="#"')
  // The whole-site feed lists programs too.
  expect(all.items.map((i: any) => i.url)).toContain(`http://localhost:3000/ur/programs/${program.slug}`)
})
