/**
 * The search page as readers use it, on the production server, with JavaScript OFF: the GET form,
 * ranked results with marked snippets, facets and paging as plain links, the other language, the
 * no-results help, axe at WCAG 2.2 AA in both languages, no script; a publish through REST is
 * searchable on the next request (page and API), its unpublish gone again; result pages are kept
 * in the page cache until the index changes, except an answer to a reader whose allowance ran out.
 */
import { jest } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'

import { organisations, program, statement } from '../../seed/content'
import { adminApiToken, axe, BASE_URL, describeViolations, launchBrowser, newContext, open, screenshot } from '../helpers/browser'
import { freePort } from '../helpers/redis'
import { copyDatabase, startServer, stopServer } from '../helpers/server'

jest.setTimeout(180_000)

let browser: Browser
let context: BrowserContext
let axeContext: BrowserContext
let page: Page
let token = ''

async function json(path: string, init: RequestInit = {}) {
  const res = await fetch(`${BASE_URL}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}`, ...(init.headers ?? {}) },
  })
  return { status: res.status, body: await res.json() }
}

beforeAll(async () => {
  token = await adminApiToken()
  browser = await launchBrowser()
  // Readers' pages must work without JavaScript: the search page is tested with it off.
  context = await newContext(browser, { javaScriptEnabled: false })
  page = await context.newPage()
  // axe runs in the page, so it needs JavaScript: it checks the same address in a context that has it
  // (the page carries no script, which the tests assert, so what axe sees is what readers get).
  axeContext = await newContext(browser)
})
afterAll(async () => {
  await browser?.close()
})

const resultTitles = (p: Page) => p.locator('.search-results h2').allInnerTexts()

async function expectAccessible(p: Page) {
  const checked = await axeContext.newPage()
  try {
    await open(checked, p.url())
    expect(describeViolations(await axe(checked))).toBe('')
  } finally {
    await checked.close()
  }
}

test('typing a word in the form finds the statement and the program, with the word marked, no script', async () => {
  await open(page, '/search')
  await page.fill('#search-q', 'trafficked')
  await page.click('form[role="search"] button[type="submit"]')
  await page.waitForURL(/\/search\?q=trafficked/)
  const titles = await resultTitles(page)
  expect(titles).toEqual(expect.arrayContaining([statement.title, program.title]))
  expect(await page.locator('.search-results mark').first().innerText()).toMatch(/^traffick/i)
  expect(await page.locator('[role="status"]').innerText()).toMatch(/results for “trafficked”/)
  const html = await page.content()
  expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/)
  await expectAccessible(page)
  await screenshot(page, 'search-results', 'en')
})

test('facets are links with counts: choosing a type narrows the results, and the choice can be removed', async () => {
  await open(page, '/search?q=trafficking')
  const all = (await resultTitles(page)).length
  expect(all).toBeGreaterThan(2)
  const facet = page.locator('.search-facets a', { hasText: /^Statements \(\d+\)$/ })
  const count = Number((await facet.innerText()).match(/\((\d+)\)/)![1])
  await facet.click()
  await page.waitForURL(/type=statements/)
  expect(await resultTitles(page)).toContain(statement.title)
  expect(await page.locator('.search-results .eyebrow').allInnerTexts()).toEqual(Array(Math.min(count, 10)).fill(expect.stringMatching(/^Statements/)))
  await expect(page.locator('.search-facets [aria-current="true"]').first().innerText()).resolves.toMatch(/Statements/)
  await expectAccessible(page)
  await page.locator('.search-active-filters a').first().click()
  await page.waitForURL((url) => !url.search.includes('type='))
  expect((await resultTitles(page)).length).toBe(all)
})

test('Urdu: a query typed with Arabic-keyboard letters finds the Urdu statement on /ur/search, right to left', async () => {
  await open(page, `/ur/search?q=${encodeURIComponent('تعميري مكالمه')}`)
  expect(await page.getAttribute('html', 'dir')).toBe('rtl')
  expect(await resultTitles(page)).toContain(statement.demoUrdu.title)
  expect(await page.locator('.search-results mark').allInnerTexts()).toEqual(expect.arrayContaining(['تعمیری', 'مکالمہ']))
  await expectAccessible(page)
  await screenshot(page, 'search-results', 'ur')
})

test('a query in the other script says where to look, and the link goes there', async () => {
  await open(page, `/search?q=${encodeURIComponent('اسمگلنگ')}`)
  const notice = page.locator('.search-elsewhere')
  await expect(notice.innerText()).resolves.toMatch(/Urdu letters/)
  await notice.locator('a').click()
  await page.waitForURL(/\/ur\/search\?q=/)
  expect(await resultTitles(page)).toContain(statement.demoUrdu.title)

  await open(page, '/ur/search?q=children')
  await page.locator('.search-elsewhere a').click()
  await page.waitForURL((url) => url.pathname === '/search')
  expect(await resultTitles(page)).toContain(statement.title)
})

test('nothing found: a clear message, suggestions as links, accessible in both languages', async () => {
  await open(page, '/search?q=trafficking+zzyzxq')
  await expect(page.locator('[role="status"]').innerText()).resolves.toMatch(/No results for “trafficking zzyzxq”/)
  const suggestion = page.locator('.search-suggestions a', { hasText: /^trafficking \(/ })
  await expect(suggestion.count()).resolves.toBe(1)
  await expectAccessible(page)
  await suggestion.click()
  await page.waitForURL(/q=trafficking$/)
  expect((await resultTitles(page)).length).toBeGreaterThan(1)

  await open(page, `/ur/search?q=${encodeURIComponent('زززز')}`)
  await expect(page.locator('.search-suggestions').count()).resolves.toBe(1)
  await expectAccessible(page)
  // Too short: said plainly, nothing run.
  await open(page, '/search?q=a')
  await expect(page.locator('.notice[role="alert"]').innerText()).resolves.toMatch(/at least two letters/)
})

test('a publish is searchable on the next request (page and API), an unpublish is gone; paging works', async () => {
  const stamp = Date.now().toString(36)
  const word = `zorilla${stamp}`
  const org = await json(`/api/organisations?where[slug][equals]=${organisations.cgr.slug}&limit=1`)
  const ids: Array<number | string> = []
  for (let i = 0; i < 12; i++) {
    const created = await json('/api/statements', {
      method: 'POST',
      body: JSON.stringify({
        title: `Search paging check ${i + 1} ${word}`,
        statementType: 'press-release',
        speakerName: 'Search check',
        issuingOrganisation: org.body.docs[0].id,
        deliveredOn: `20${10 + i}-07-01T12:00:00.000Z`,
        _status: 'published',
      }),
    })
    expect(created.status).toBe(201)
    ids.push(created.body.doc.id)
  }
  await open(page, `/search?q=${word}`)
  await expect(page.locator('[role="status"]').innerText()).resolves.toMatch(/^12 results/)
  // Newest first at equal relevance: 2021 before 2020.
  expect((await resultTitles(page))[0]).toBe(`Search paging check 12 ${word}`)
  expect(await resultTitles(page)).toHaveLength(10)
  await page.locator('a[rel="next"]').click()
  await page.waitForURL(/page=2/)
  expect(await resultTitles(page)).toEqual([`Search paging check 2 ${word}`, `Search paging check 1 ${word}`])
  await expectAccessible(page)

  const api = async () => (await (await fetch(`${BASE_URL}/api/search?q=${word}&limit=50`)).json()).totalResults
  expect(await api()).toBe(12)
  // The page is now kept for every reader (so the unpublish below must reach the cache).
  const kept = await fetch(`${BASE_URL}/search?q=${word}`)
  expect(kept.headers.get('x-daleel-page-cache')).toBe('HIT')
  expect(await kept.text()).toContain('12 results')
  const unpublished = await json(`/api/statements/${ids[0]}`, { method: 'PATCH', body: JSON.stringify({ _status: 'draft' }) })
  expect(unpublished.status).toBe(200)
  await open(page, `/search?q=${word}`)
  await expect(page.locator('[role="status"]').innerText()).resolves.toMatch(/^11 results/)
  expect(await api()).toBe(11)
})

test('a result page is kept for every reader until the index changes; the answer to a reader whose allowance ran out is never kept', async () => {
  // A server of its own with an allowance of two searches a minute, on a copy of the test database.
  const work = mkdtempSync(path.join(os.tmpdir(), 'daleel-search-cache-'))
  await copyDatabase(process.env.DATABASE_URI || `file:${path.join(process.cwd(), 'data', 'browser-test.db')}`, path.join(work, 'db.sqlite'))
  // SERVER_URL is the shared server's: this one shares its build and Next's file cache.
  const server = await startServer(await freePort(), {
    DATABASE_URI: `file:${path.join(work, 'db.sqlite')}`,
    MEDIA_DIR: path.join(work, 'media'),
    SERVER_URL: BASE_URL,
    SEARCH_RATE_LIMIT: '2',
  })
  const get = async (p: string) => {
    const res = await fetch(`${server.url}${p}`)
    return { hit: res.headers.get('x-daleel-page-cache') === 'HIT', html: await res.text() }
  }
  try {
    const first = await get('/search?q=trafficking')
    expect(first.hit).toBe(false)
    expect(first.html).toContain(`href="/statements/${statement.slug}"`)
    const second = await get('/search?q=trafficking')
    expect(second.hit).toBe(true)
    expect(second.html).toBe(first.html)
    expect(second.html).not.toContain('daleel-page-cache')

    await get('/ur/search?q=%D8%A7%D8%B3%D9%85%DA%AF%D9%84%D9%86%DA%AF') // the second search of the allowance
    const limited = await get('/search?q=children')
    expect(limited.html).toMatch(/You have searched many times in the last minute/)
    // Not kept: the next reader to ask (here the same one, still limited) reaches the app again.
    const again = await get('/search?q=children')
    expect(again.hit).toBe(false)
    expect(again.html).toMatch(/You have searched many times/)
    // A kept page costs nothing to send, so it is not refused.
    expect((await get('/search?q=trafficking')).hit).toBe(true)
  } finally {
    await stopServer(server)
  }
})
