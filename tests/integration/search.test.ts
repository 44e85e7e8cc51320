/**
 * Site search on the demo content, as readers meet it (issue #14): plain text only (no JSON keys),
 * English stemming, words split between fields, Urdu typed on an Arabic keyboard, words only in an
 * attached PDF, and the index following publish, unpublish, withdraw, trash and delete from the
 * Local API. Runs on whichever engine the database has (SQLite FTS5 or MongoDB's text index).
 */
import type { Payload } from 'payload'

import { richText } from '../../content/richText'
import { searchEngine } from '../../search/engine'
import { rebuildSearchIndex } from '../../search/indexer'
import { searchSite, type SearchResults } from '../../search/search'
import { seed } from '../../seed/index'
import { statement as demoStatement, program as demoProgram } from '../../seed/content'
import { createStaff, makeStatement } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { gql, rest } from '../helpers/rest'

let payload: Payload

beforeAll(async () => {
  payload = await testPayload()
  await seed(payload)
}, 120_000)
afterAll(closePayload)

const en = (q: string, extra: Record<string, unknown> = {}) => searchSite(payload, { q, locale: 'en', ...extra })
const ur = (q: string, extra: Record<string, unknown> = {}) => searchSite(payload, { q, locale: 'ur', ...extra })
const found = (r: SearchResults) => r.results.map((h) => `${h.type}:${h.path}`)
const statementPath = `/statements/${demoStatement.slug}`
const programPath = `/programs/${demoProgram.slug}`
const text = (segments: Array<{ text: string; mark?: boolean }>) => segments.map((s) => s.text).join('')
const marked = (segments: Array<{ text: string; mark?: boolean }>) => segments.filter((s) => s.mark).map((s) => s.text.toLowerCase())

async function org() {
  return (await payload.find({ collection: 'organisations', limit: 1, overrideAccess: true })).docs[0].id
}

describe('the demo content', () => {
  test('words that are keys of the stored rich-text JSON find nothing', async () => {
    for (const word of ['format', 'text', 'version', 'paragraph', 'mode', 'textFormat']) {
      const r = await en(word)
      expect({ word, total: r.total }).toEqual({ word, total: 0 })
    }
    // "direction" is a key of every paragraph too, and a word of the program's text ("Future
    // Directions", a heading of the source document): the program alone, for its heading.
    const direction = await en('direction')
    expect(found(direction)).toEqual([`programs:${programPath}`])
    expect(marked(direction.results[0].snippet)).toEqual(['directions'])
  })

  test('"children" finds only the statement (it is in its body)', async () => {
    const r = await en('children')
    expect(found(r)).toEqual([`statements:${statementPath}`])
    expect(marked(r.results[0].snippet)).toContain('children')
    expect(text(r.results[0].snippet)).toMatch(/women and children/)
  })

  test('"trafficked" finds the statement and the program (English stemming), not the campaigns', async () => {
    const r = await en('trafficked')
    expect(found(r)).toEqual(expect.arrayContaining([`statements:${statementPath}`, `programs:${programPath}`]))
    expect(r.results.some((h) => h.type === 'campaigns')).toBe(false)
    // The snippet marks the word as written in the text.
    for (const hit of r.results.filter((h) => h.type === 'statements' || h.type === 'programs')) {
      expect(marked([...hit.snippet, ...hit.titleSegments]).some((w) => w.startsWith('traffick'))).toBe(true)
    }
  })

  test('"trafficking Pakistan" finds documents whose words are in different fields', async () => {
    // The statement has "Trafficking" in its title and "Pakistan" only in its summary;
    // the program has "Trafficking" in its title and "Pakistan" only in its body.
    const r = await en('trafficking Pakistan')
    expect(found(r)).toEqual(expect.arrayContaining([`statements:${statementPath}`, `programs:${programPath}`]))
  })

  test('an Urdu query typed with Arabic-keyboard letters (ي ك ه) finds the Urdu statement, at its Urdu address', async () => {
    // The Urdu title reads "تعمیری مکالمہ"; an Arabic keyboard types ي for ی, ك for ک, ه for ہ.
    const r = await ur('تعميري مكالمه')
    expect(found(r)).toContain(`statements:/ur${statementPath}`)
    const hit = r.results.find((h) => h.type === 'statements')!
    expect(hit.title).toBe(demoStatement.demoUrdu.title)
    expect(hit.locale).toBe('ur')
    // Marks fall on the words as they are written on the page.
    expect(marked(hit.titleSegments)).toEqual(['تعمیری', 'مکالمہ'])
  })

  test('English text is not indexed as Urdu: an English word on /ur/search says where to look', async () => {
    const r = await ur('children')
    expect(r.total).toBe(0)
    expect(r.otherScript).toBe('en')
    expect(r.facets.language).toEqual(expect.arrayContaining([{ value: 'en', count: 1 }, { value: 'ur', count: 0 }]))
    const inUrdu = await en('اسمگلنگ')
    expect(inUrdu.total).toBe(0)
    expect(inUrdu.otherScript).toBe('ur')
    expect(inUrdu.facets.language.find((l) => l.value === 'ur')!.count).toBeGreaterThan(0)
  })

  test('facets count types, topics, years and languages', async () => {
    const r = await en('trafficking')
    const types = Object.fromEntries(r.facets.type.map((t) => [t.value, t.count]))
    expect(types.statements).toBe(1)
    expect(types.programs).toBe(1)
    expect(r.facets.topic.find((t) => t.value === 'trafficking-in-persons')).toMatchObject({ name: 'Trafficking in persons' })
    expect(r.facets.year).toContainEqual({ value: '2022', count: 1 })
    const filtered = await en('trafficking', { type: 'statements' })
    expect(found(filtered)).toEqual([`statements:${statementPath}`])
    const byTopic = await en('trafficking', { topic: 'gender-based-violence' })
    expect(found(byTopic)).toEqual([`programs:${programPath}`])
  })

  test('nothing found: suggestions say what each word alone and the other filters would find', async () => {
    const r = await en('trafficking zzyzxq', { type: 'campaigns' })
    expect(r.total).toBe(0)
    expect(r.suggestions?.withoutFilters).toBe(0)
    expect(r.suggestions?.words).toEqual([
      { text: 'trafficking', count: 0 },
      { text: 'zzyzxq', count: 0 },
    ])
    const plain = await en('trafficking zzyzxq')
    expect(plain.suggestions?.words?.find((w) => w.text === 'trafficking')!.count).toBeGreaterThan(1)
  })

  test('queries that are too short, too long or too many words are refused with a reason, not run', async () => {
    expect((await en('a')).problem?.code).toBe('too_short')
    expect((await en('')).problem?.code).toBe('empty')
    expect((await en('x'.repeat(201))).problem?.code).toBe('too_long')
    expect((await en('one two three four five six seven eight nine ten eleven')).problem?.code).toBe('too_many_words')
    // Quotes and operators are just text: nothing a reader types is an error in the engine.
    for (const q of ['"trafficking', 'trafficking AND OR NOT', 'NEAR(a b)', '{title}: x', '*', '-', "'; DROP TABLE x; --"]) {
      await expect(en(q)).resolves.toHaveProperty('query')
    }
    expect(found(await en('"women and children"'))).toEqual([`statements:${statementPath}`])
    expect(found(await en('"children and women"'))).toEqual([])
    expect(found(await en('traffick*'))).toEqual(expect.arrayContaining([`statements:${statementPath}`, `programs:${programPath}`]))
  })
})

describe('the index follows what readers can see', () => {
  test('a draft is found only once published, and no longer after unpublish, withdrawal, trash and delete', async () => {
    const doc = await makeStatement(payload, { title: 'Draft about quokkabridge', _status: 'draft', issuingOrganisation: await org() })
    expect((await en('quokkabridge')).total).toBe(0)

    await payload.update({ collection: 'statements', id: doc.id, data: { _status: 'published' }, overrideAccess: true })
    expect(found(await en('quokkabridge'))).toEqual([`statements:/statements/${doc.slug}`])

    // An unpublished edit of the published statement is not searchable...
    await payload.update({ collection: 'statements', id: doc.id, draft: true, data: { summary: 'Pending wallabyrinth edit.' }, overrideAccess: true })
    expect((await en('wallabyrinth')).total).toBe(0)
    expect((await en('quokkabridge')).total).toBe(1)

    await payload.update({ collection: 'statements', id: doc.id, data: { _status: 'draft' }, overrideAccess: true })
    expect((await en('quokkabridge')).total).toBe(0)

    await payload.update({ collection: 'statements', id: doc.id, data: { _status: 'published' }, overrideAccess: true })
    expect((await en('quokkabridge')).total).toBe(1)
    await payload.update({
      collection: 'statements',
      id: doc.id,
      data: { _status: 'published', withdrawal: { withdrawn: true, explanation: 'Out of date.' } },
      overrideAccess: true,
    })
    expect((await en('quokkabridge')).total).toBe(0)

    await payload.update({ collection: 'statements', id: doc.id, data: { _status: 'published', withdrawal: { withdrawn: false } }, overrideAccess: true })
    expect((await en('quokkabridge')).total).toBe(1)
    await payload.update({ collection: 'statements', id: doc.id, data: { deletedAt: new Date().toISOString() }, overrideAccess: true })
    expect((await en('quokkabridge')).total).toBe(0)
    await payload.update({ collection: 'statements', id: doc.id, data: { deletedAt: null }, trash: true, overrideAccess: true })
    expect((await en('quokkabridge')).total).toBe(1)

    await payload.delete({ collection: 'statements', id: doc.id, overrideAccess: true })
    expect((await en('quokkabridge')).total).toBe(0)
  })

  test('a word that is only in an attached PDF finds its document; a replaced PDF is searched anew', async () => {
    const pdf = await pdfWithText('The annex names the wombatross protocol.')
    const media = await payload.create({
      collection: 'media',
      data: { pdf: { title: 'Annex' } } as any,
      file: { data: pdf, mimetype: 'application/pdf', name: 'annex.pdf', size: pdf.length },
      overrideAccess: true,
    })
    expect((media as any).pdf.wordCount).toBeGreaterThan(3)
    // Partners never get the extracted text through the API.
    expect((media as any).pdf.text).toBeUndefined()
    expect((await en('wombatross')).total).toBe(0)

    const doc = await makeStatement(payload, { title: 'Statement with an annex', attachments: [media.id], _status: 'published', issuingOrganisation: await org() })
    const r = await en('wombatross')
    expect(found(r)).toEqual([`statements:/statements/${doc.slug}`])
    expect(marked(r.results[0].snippet)).toEqual(['wombatross'])

    // A new file for the same media item: its old words are gone, its new ones found.
    const next = await pdfWithText('Now it names the platypodium treaty.')
    await payload.update({
      collection: 'media',
      id: media.id,
      data: {},
      file: { data: next, mimetype: 'application/pdf', name: 'annex-2.pdf', size: next.length },
      overrideAccess: true,
    })
    expect((await en('wombatross')).total).toBe(0)
    expect(found(await en('platypodium'))).toEqual([`statements:/statements/${doc.slug}`])
  })

  test('renaming a topic updates the documents that carry it', async () => {
    const topic = await payload.create({ collection: 'topics', data: { name: 'Marsupial policy' }, overrideAccess: true })
    const doc = await makeStatement(payload, { title: 'A statement on policy', topics: [topic.id], _status: 'published', issuingOrganisation: await org() })
    expect(found(await en('marsupial'))).toEqual(expect.arrayContaining([`statements:/statements/${doc.slug}`]))
    await payload.update({ collection: 'topics', id: topic.id, data: { name: 'Monotreme policy' }, overrideAccess: true })
    expect(found(await en('marsupial'))).toEqual([])
    expect(found(await en('monotreme'))).toEqual(expect.arrayContaining([`statements:/statements/${doc.slug}`]))
  })

  test('the rebuild gives the same index as the changes did', async () => {
    const engine = await searchEngine(payload)
    const before = await engine.size()
    const children = found(await en('children'))
    const report = await rebuildSearchIndex(payload, { fresh: true })
    expect(await engine.size()).toEqual(before)
    expect(report.documents).toBeGreaterThan(5)
    expect(found(await en('children'))).toEqual(children)
  })
})

describe('every door reaches the index (the change pipeline)', () => {
  test('REST as the admin saves, GraphQL, the jobs runner (scheduled publish and unpublish), trash and restore', async () => {
    const { editor } = await createStaff(payload)
    const doc = await makeStatement(payload, { title: 'Door check on kookaburrow', _status: 'draft', issuingOrganisation: await org() })
    const where = [`statements:/statements/${doc.slug}`]
    const kookaburrow = async () => found(await en('kookaburrow'))
    expect(await kookaburrow()).toEqual([])

    // REST, as the admin's Publish button.
    expect((await rest('PATCH', `/statements/${doc.id}`, { token: editor.token, body: { _status: 'published' } })).status).toBe(200)
    expect(await kookaburrow()).toEqual(where)

    // GraphQL: unpublish.
    const unpublished = await gql(`mutation { updateStatement(id: ${JSON.stringify(doc.id)}, data: { _status: draft }) { id } }`, { token: editor.token })
    expect(unpublished.body.errors).toBeUndefined()
    expect(await kookaburrow()).toEqual([])

    // The jobs runner, outside any request: a scheduled publish, then a scheduled unpublish, queued as the admin's Schedule drawer queues them.
    const schedule = (type: 'publish' | 'unpublish') =>
      payload.jobs.queue({
        task: 'schedulePublish',
        input: { type, doc: { relationTo: 'statements', value: String(doc.id) }, user: { relationTo: 'users', value: editor.id } } as any,
        waitUntil: new Date(Date.now() - 1000),
      })
    await schedule('publish')
    await payload.jobs.run({ where: { taskSlug: { equals: 'schedulePublish' } } })
    expect(await kookaburrow()).toEqual(where)
    await schedule('unpublish')
    await payload.jobs.run({ where: { taskSlug: { equals: 'schedulePublish' } } })
    expect(await kookaburrow()).toEqual([])

    // Trash and restore through REST, as the admin does them.
    expect((await rest('PATCH', `/statements/${doc.id}`, { token: editor.token, body: { _status: 'published' } })).status).toBe(200)
    expect(await kookaburrow()).toEqual(where)
    expect((await rest('PATCH', `/statements/${doc.id}`, { token: editor.token, body: { deletedAt: new Date().toISOString() } })).status).toBe(200)
    expect(await kookaburrow()).toEqual([])
    expect((await rest('PATCH', `/statements/${doc.id}?trash=true`, { token: editor.token, body: { deletedAt: null, _status: 'published' } })).status).toBe(200)
    expect(await kookaburrow()).toEqual(where)
  })

  test('a topic renamed through REST is found under its new name in the documents filed under it', async () => {
    const { editor } = await createStaff(payload)
    const topic = await payload.create({ collection: 'topics', data: { name: 'Bilbyesque affairs' }, overrideAccess: true })
    const doc = await makeStatement(payload, { title: 'A statement on affairs', topics: [topic.id], _status: 'published', issuingOrganisation: await org() })
    const statements = async (q: string) => found(await en(q, { type: 'statements' }))
    expect(await statements('bilbyesque')).toEqual([`statements:/statements/${doc.slug}`])
    expect((await rest('PATCH', `/topics/${topic.id}`, { token: editor.token, body: { name: 'Quollish affairs' } })).status).toBe(200)
    expect(await statements('bilbyesque')).toEqual([])
    expect(await statements('quollish')).toEqual([`statements:/statements/${doc.slug}`])
  })
})

describe('ranking', () => {
  test('a title match comes before body matches, and newer before older at equal relevance', async () => {
    const organisation = await org()
    const body = (word: string) => richText([`Some text that mentions ${word} once, in passing, among other words about policy.`])
    const older = await makeStatement(payload, { title: 'Earlier note', body: body('numbat'), deliveredOn: '2019-03-01T12:00:00.000Z', _status: 'published', issuingOrganisation: organisation })
    const newer = await makeStatement(payload, { title: 'Later note', body: body('numbat'), deliveredOn: '2023-03-01T12:00:00.000Z', _status: 'published', issuingOrganisation: organisation })
    const titled = await makeStatement(payload, {
      title: 'Numbat',
      body: richText(['Nothing else here.']),
      deliveredOn: '2010-03-01T12:00:00.000Z',
      _status: 'published',
      issuingOrganisation: organisation,
    })
    const r = await en('numbat')
    expect(r.results.map((h) => h.id)).toEqual([String(titled.id), String(newer.id), String(older.id)])
  })
})

/** A one-page PDF whose text is `line` (pdf-lib, drawn with a standard font). */
async function pdfWithText(line: string): Promise<Buffer> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib')
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  doc.addPage([500, 200]).drawText(line, { x: 20, y: 100, size: 12, font })
  return Buffer.from(await doc.save())
}
