/**
 * Site search on a generated corpus (search/corpus.ts: statements in English and Urdu made from the
 * demo content's words at their real frequencies, the same corpus `npm run bench` searches), added
 * to the demo content through Payload like any save, so the change pipeline builds the index. What
 * each query must find is worked out here from the generated text itself, document by document, and
 * compared with what search answers: not one hand-picked document, but every one.
 */
import type { Payload } from 'payload'

import { generateStatements, loadCorpus } from '../../search/corpus'
import { WORD } from '../../search/normalise'
import { searchSite, type SearchResults } from '../../search/search'
import { seed } from '../../seed/index'
import { closePayload, testPayload } from '../helpers/payload'

const COUNT = 120

let payload: Payload
/** Each generated statement: its path, its words per field (English) and its Urdu text. */
let corpus: Array<{ path: string; title: string; rest: string; urdu: string }>

beforeAll(async () => {
  payload = await testPayload()
  await seed(payload)
  const organisation = (await payload.find({ collection: 'organisations', limit: 1, overrideAccess: true })).docs[0]
  const topics = (await payload.find({ collection: 'topics', limit: 20, sort: 'id', overrideAccess: true, locale: 'en' })).docs as Array<{ id: number | string; name: string }>
  const topicsUr = new Map(
    ((await payload.find({ collection: 'topics', limit: 20, overrideAccess: true, locale: 'ur' })).docs as Array<{ id: number | string; name: string }>).map((t) => [t.id, t.name]),
  )
  const organisationUr = (await payload.findByID({ collection: 'organisations', id: organisation.id, overrideAccess: true, locale: 'ur' })) as unknown as { name: string }
  const statements = generateStatements(COUNT, { words: 120 })
  await loadCorpus(payload, statements, { organisation: organisation.id, topics: topics.map((t) => t.id) })
  corpus = statements.map((s) => ({
    path: `/statements/${s.slug}`,
    title: s.en.title,
    // Every other field an entry is made of: summary, body, the speaker, the issuer and the topics' names.
    rest: [s.en.summary, ...s.en.paragraphs, 'Generated speaker', organisation.name, ...s.topicIndexes.map((i) => topics[i % topics.length].name)].join(' '),
    urdu: [s.ur.title, s.ur.summary, ...s.ur.paragraphs, organisationUr.name, ...s.topicIndexes.map((i) => topicsUr.get(topics[i % topics.length].id) ?? '')].join(' '),
  }))
}, 900_000)
afterAll(closePayload)

/** Every result of a query (all pages), as paths. */
async function all(q: string, locale: 'en' | 'ur', type = 'statements'): Promise<{ paths: string[]; first: SearchResults }> {
  const first = await searchSite(payload, { q, locale, type, limit: 50 })
  const paths = first.results.map((h) => h.path)
  for (let page = 2; page <= first.pages; page++) paths.push(...(await searchSite(payload, { q, locale, type, limit: 50, page })).results.map((h) => h.path))
  return { paths, first }
}
const generated = (paths: string[]) => paths.filter((p) => /\/statements\/generated-/.test(p)).sort()
const has = (text: string, word: RegExp) => word.test(text)

test('words that are keys of the stored rich-text JSON find no generated statement', async () => {
  for (const word of ['format', 'text', 'version', 'paragraph', 'textFormat']) {
    expect({ word, found: generated((await all(word, 'en')).paths) }).toEqual({ word, found: [] })
  }
})

test('"trafficked" finds every generated statement with a word of that stem (trafficking, traffickers…), and only those, over every page', async () => {
  const stem = /\btraffick(?:ed|ing|ers?|s)?\b/i
  const expected = corpus.filter((d) => has(`${d.title} ${d.rest}`, stem)).map((d) => d.path).sort()
  expect(expected.length).toBeGreaterThan(10)
  expect(expected.length).toBeLessThan(COUNT)
  const { paths, first } = await all('trafficked', 'en')
  expect(new Set(paths).size).toBe(paths.length) // paging repeats nothing
  expect(generated(paths)).toEqual(expected)
  expect(first.total).toBe(paths.length)
})

test('two words found in different fields (one in the title, the other only in the text) find the statement', async () => {
  const a = /\btraffick(?:ed|ing|ers?|s)?\b/i
  const b = /\bpakistan\b/i
  const expected = corpus.filter((d) => has(`${d.title} ${d.rest}`, a) && has(`${d.title} ${d.rest}`, b)).map((d) => d.path).sort()
  // The corpus has statements whose two words are only in different fields: the case that matters.
  const split = corpus.filter((d) => (has(d.title, a) && !has(d.title, b) && has(d.rest, b) && !has(d.rest, a)) || (has(d.title, b) && !has(d.title, a) && has(d.rest, a) && !has(d.rest, b)))
  expect(split.length).toBeGreaterThan(0)
  const { paths } = await all('trafficking Pakistan', 'en')
  expect(generated(paths)).toEqual(expected)
  for (const d of split) expect(paths).toContain(d.path)
})

test('a title match comes before every match in the text only', async () => {
  const { first } = await all('trafficking', 'en')
  const inTitle = first.results.map((h) => /traffick/i.test(h.title))
  expect(inTitle.some(Boolean)).toBe(true)
  expect(inTitle.some((x) => !x)).toBe(true)
  // Once a result without the word in its title appears, none with it follows.
  expect(inTitle.slice(inTitle.indexOf(false)).some(Boolean)).toBe(false)
})

test('Urdu typed with Arabic-keyboard letters (ك for ک) finds exactly the statements whose Urdu text has the word', async () => {
  const expected = corpus.filter((d) => (d.urdu.match(WORD) ?? ([] as string[])).includes('پاکستان')).map((d) => `/ur${d.path}`).sort()
  expect(expected.length).toBeLessThan(COUNT)
  expect(expected.length).toBeGreaterThan(0)
  const arabicKeyboard = await all('پاكستان', 'ur')
  expect(generated(arabicKeyboard.paths)).toEqual(expected)
  expect(generated((await all('پاکستان', 'ur')).paths)).toEqual(expected)
})
