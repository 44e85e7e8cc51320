/**
 * The organisation's identity from Site settings: its logo (with alternative text in both
 * languages) and brand colour appear in the header, the tab icon and shared-page pictures; a
 * colour on which the header's white text would fail WCAG AA is refused in the admin, with the
 * reason, and nothing is saved.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { siteSettings } from '../../seed/content'
import { BASE_URL, adminApiToken, adminLogin, fillAdminField, launchBrowser, newContext, open } from '../helpers/browser'

let browser: Browser
let context: BrowserContext
let page: Page
let token = ''

async function settings(method = 'GET', body?: unknown) {
  const res = await fetch(`${BASE_URL}/api/globals/site-settings?depth=1`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: body ? JSON.stringify(body) : undefined,
  })
  return { status: res.status, body: await res.json() }
}

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`

beforeAll(async () => {
  token = await adminApiToken()
  browser = await launchBrowser()
  context = await newContext(browser)
  page = await context.newPage()
})
afterAll(async () => {
  await browser?.close()
})

test.each(['en', 'ur'] as const)('%s: the header shows the logo with its alt text and the brand colour; tab icon and shared picture use them', async (locale) => {
  await open(page, locale === 'en' ? '/' : '/ur')
  const logo = page.locator('header.site-header img.logo')
  expect(await logo.getAttribute('alt')).toBe(locale === 'en' ? siteSettings.logoAlt : siteSettings.demoUrdu.logoAlt)
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  const background = await page.locator('header.site-header').evaluate((h) => getComputedStyle(h).backgroundColor)
  expect(background).toBe(rgb(siteSettings.brandColour))
  expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe(siteSettings.brandColour)
  // The demo logo is square, so it is the tab icon.
  const icon = await page.locator('link[rel="icon"]').first().getAttribute('href')
  const logoSrc = await logo.getAttribute('src')
  expect(icon).toMatch(/daleel-demo-logo/)
  expect(logoSrc).toMatch(/daleel-demo-logo/)
  // A page without a picture of its own is shared with the logo.
  await open(page, locale === 'en' ? '/statements' : '/ur/statements')
  expect(await page.locator('meta[property="og:image"]').first().getAttribute('content')).toMatch(/daleel-demo-logo/)
})

test('a low-contrast brand colour is refused in the admin with the reason, and the site keeps its colour', async () => {
  const before = await settings()
  const admin = await newContext(browser)
  const adminPage = await admin.newPage()
  try {
    await adminLogin(adminPage)
    await adminPage.goto('/admin/globals/site-settings', { waitUntil: 'load' })
    await fillAdminField(adminPage, '#field-brandColour', '#ffcc00')
    await adminPage.locator('#action-save').click()
    await adminPage.getByText(/too light for the white text of the page header/).first().waitFor({ timeout: 30_000 })
    expect(await adminPage.getByText(/WCAG AA needs at least 4\.5:1/).count()).toBeGreaterThan(0)
  } finally {
    await admin.close()
  }
  // Refused through the API as well (the same validation), and nothing was saved.
  const refused = await settings('POST', { brandColour: '#ffcc00' })
  expect(refused.status).toBe(400)
  expect(JSON.stringify(refused.body)).toContain('contrast is 1.')
  expect((await settings()).body.brandColour).toBe(before.body.brandColour)
  await open(page, '/')
  expect(await page.locator('header.site-header').evaluate((h) => getComputedStyle(h).backgroundColor)).toBe(rgb(siteSettings.brandColour))
})

test('a dark enough colour is saved and the header shows it at once; a logo without Urdu alt text is refused', async () => {
  // Pages rendered per request (search results, the filtered list) keep the settings between
  // requests: read them once before the change, so a kept copy would show.
  const perRequest = (n: number) => [`/ur/search?q=colour${n}`, `/statements?year=2022&colour=${n}`]
  for (const path of perRequest(1)) await open(page, path)
  const saved = await settings('POST', { brandColour: '#5b2a86' })
  expect(saved.status).toBe(200)
  try {
    for (const path of ['/ur', ...perRequest(2)]) {
      await open(page, path)
      expect(`${path}: ${await page.locator('header.site-header').evaluate((h) => getComputedStyle(h).backgroundColor)}`).toBe(`${path}: ${rgb('#5b2a86')}`)
    }
  } finally {
    expect((await settings('POST', { brandColour: siteSettings.brandColour })).status).toBe(200)
  }
  // A picture described only in English cannot be the logo.
  const form = new FormData()
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'english-only-logo.png')
  form.append('_payload', JSON.stringify({ alt: 'A logo described in English only' }))
  const upload = await fetch(`${BASE_URL}/api/media`, { method: 'POST', headers: { Authorization: `JWT ${token}` }, body: form })
  const media = (await upload.json()).doc
  const refused = await settings('POST', { logo: media.id })
  expect(refused.status).toBe(400)
  expect(JSON.stringify(refused.body)).toContain('needs a text description in Urdu')
})
