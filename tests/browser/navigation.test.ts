/**
 * Moving around the site: the language switch keeps the page, Urdu is laid out right to left
 * (measured, not just the attribute), search finds the seeded statement in both languages, and
 * the statement filters work with JavaScript turned off.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { statement, topics } from '../../seed/content'
import { launchBrowser, newContext, open } from '../helpers/browser'

let browser: Browser
let context: BrowserContext
let page: Page
let noJs: BrowserContext

beforeAll(async () => {
  browser = await launchBrowser()
  context = await newContext(browser)
  page = await context.newPage()
  noJs = await newContext(browser, { javaScriptEnabled: false })
})
afterAll(async () => {
  await browser?.close()
})

const detail = `/statements/${statement.slug}`

test('the language switch opens the same page in the other language, and back', async () => {
  await open(page, detail)
  await page.locator('a[hreflang="ur"]').first().click()
  await page.waitForURL((u) => u.pathname === `/ur${detail}`)
  expect(await page.locator('h1').innerText()).toContain(statement.demoUrdu.title)

  await page.locator('a[hreflang="en"]').first().click()
  await page.waitForURL((u) => u.pathname === detail)
  expect(await page.locator('h1').innerText()).toContain(statement.title)
})

test('the language switch keeps the filters of a list', async () => {
  await open(page, `/statements?topic=${topics.traffickingInPersons.slug}`)
  const href = await page.locator('a[hreflang="ur"]').first().getAttribute('href')
  expect(href).toBe(`/ur/statements?topic=${topics.traffickingInPersons.slug}`)
})

/** Where the text of the h1 sits inside its box, and the order of the main menu's links. */
async function layout(p: Page) {
  return p.evaluate(() => {
    const h1 = document.querySelector('h1')!
    const range = document.createRange()
    range.selectNodeContents(h1)
    const text = range.getClientRects()[0]
    const box = h1.getBoundingClientRect()
    const links = [...document.querySelectorAll('header nav a')].map((a) => a.getBoundingClientRect().left)
    return {
      dir: getComputedStyle(document.documentElement).direction,
      textStartsLeft: Math.abs(text.left - box.left) < 2,
      textEndsRight: Math.abs(text.right - box.right) < 2,
      firstLinkX: links[0],
      lastLinkX: links[links.length - 1],
      linkCount: links.length,
    }
  })
}

test('Urdu pages are right to left and the layout is mirrored', async () => {
  await open(page, '/statements')
  const ltr = await layout(page)
  await open(page, '/ur/statements')
  expect(await page.getAttribute('html', 'dir')).toBe('rtl')
  const rtl = await layout(page)

  expect(ltr.dir).toBe('ltr')
  expect(rtl.dir).toBe('rtl')
  // The heading starts at the left in English and at the right in Urdu.
  expect(ltr.textStartsLeft).toBe(true)
  expect(rtl.textEndsRight).toBe(true)
  expect(rtl.textStartsLeft).toBe(false)
  // The menu runs left to right in English and right to left in Urdu.
  expect(ltr.linkCount).toBeGreaterThan(1)
  expect(ltr.firstLinkX).toBeLessThan(ltr.lastLinkX)
  expect(rtl.firstLinkX).toBeGreaterThan(rtl.lastLinkX)
})

test('search finds the seeded statement by an English word (form, no JavaScript)', async () => {
  const p = await noJs.newPage()
  await open(p, '/search')
  await p.getByLabel('Search this site').fill('UNTOC')
  await Promise.all([p.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === 'UNTOC'), p.keyboard.press('Enter')])
  const link = p.locator(`main a[href="${detail}"]`)
  expect(await link.count()).toBe(1)
  expect(await link.innerText()).toBe(statement.title)
  await p.close()
})

test('search finds the seeded statement by an Urdu word on the Urdu site', async () => {
  const p = await noJs.newPage()
  await open(p, '/ur/search')
  await p.locator('input[name="q"]').fill('اسمگلنگ')
  await Promise.all([p.waitForURL((u) => u.pathname === '/ur/search' && u.searchParams.get('q') === 'اسمگلنگ'), p.keyboard.press('Enter')])
  const link = p.locator(`main a[href="/ur${detail}"]`)
  expect(await link.count()).toBe(1)
  expect(await link.innerText()).toBe(statement.demoUrdu.title)
  await p.close()
})

test('statement filters work with JavaScript disabled, and their values are in the URL', async () => {
  const p = await noJs.newPage()
  await open(p, '/statements')
  await p.locator('select[name="topic"]').selectOption(topics.traffickingInPersons.slug)
  await Promise.all([p.waitForURL((u) => u.searchParams.get('topic') === topics.traffickingInPersons.slug), p.locator('form.filters button[type="submit"]').click()])
  expect(await p.locator(`main a[href="${detail}"]`).count()).toBe(1)
  // The choice survives the round trip (the form shows what the list is filtered by).
  expect(await p.locator('select[name="topic"]').inputValue()).toBe(topics.traffickingInPersons.slug)

  // A filter the seeded statement does not match hides it.
  await p.locator('select[name="topic"]').selectOption(topics.justiceSector.slug)
  await Promise.all([p.waitForURL((u) => u.searchParams.get('topic') === topics.justiceSector.slug), p.locator('form.filters button[type="submit"]').click()])
  expect(await p.locator(`main a[href="${detail}"]`).count()).toBe(0)
  await p.close()
})
