/**
 * The media library in the admin, the way staff use it: upload a photo, set its focal point in
 * the image editor, describe it in English and (after switching the admin to Urdu) in Urdu; then
 * a published program uses it and readers get the right description in each language and a
 * `srcset` of the sizes made at upload. The item's edit view then says where it is used.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'

import { BASE_URL, adminApiToken, adminLogin, fetchText, launchBrowser, newContext, screenshot } from '../helpers/browser'

let browser: Browser
let staff: BrowserContext
let readers: BrowserContext
let page: Page
let tmp: string
let token: string

const stamp = Date.now().toString(36)
const file = `focal-test-${stamp}.jpg`
const alt = {
  en: `Volunteers at a legal aid desk ${stamp}`,
  ur: `قانونی امداد کی میز پر رضاکار ${stamp}`,
}
const focal = { x: 30, y: 70 }
const program = { title: `Legal aid desks ${stamp}`, slug: `legal-aid-desks-${stamp}` }
let mediaId = ''

async function staffGet(urlPath: string): Promise<any> {
  const res = await fetch(`${BASE_URL}/api${urlPath}`, { headers: { Authorization: `JWT ${token}` } })
  if (res.status !== 200) throw new Error(`GET /api${urlPath} answered ${res.status}`)
  return res.json()
}

/**
 * Switch the admin's content locale with its "Locale" menu. Payload remembers the last choice per
 * user, and other tests log in as the same admin, so the starting locale is not known.
 *
 * The menu puts `?locale=xx` in the address and re-renders in place. In our production build that
 * in-place re-render never finishes (the form stays blank with the old locale shown; seen on the
 * statement edit view too, 2026-11-22, reported to the lead), so the test then loads the address
 * the menu chose.
 */
async function switchAdminLocale(p: Page, code: 'en' | 'ur') {
  const button = p.locator('.localizer .localizer-button').first()
  if ((await button.getAttribute('data-locale')) === code) return
  await button.click()
  await p.locator(`.localizer__locale-code[data-locale="${code}"]`).first().click()
  await p.waitForURL(new RegExp(`[?&]locale=${code}`))
  await p.reload({ waitUntil: 'load' })
  await p.waitForFunction((c) => document.querySelector('.localizer .localizer-button')?.getAttribute('data-locale') === c, code)
}

/**
 * Type into a field once the admin's form has taken over from the server-rendered HTML: a value
 * typed before hydration is silently reset. Payload enables Save only after a change it has seen.
 */
async function fillField(p: Page, selector: string, value: string) {
  const field = p.locator(selector)
  const saveEnabled = () => p.locator('#action-save:not([disabled])').count()
  for (let attempt = 0; attempt < 10; attempt++) {
    await field.fill(value)
    await p.waitForTimeout(300)
    if ((await field.inputValue()) === value && (await saveEnabled()) > 0) return
  }
  throw new Error(`${selector} did not keep "${value}" (or Save stayed disabled)`)
}

/** Save the form and wait for Payload's confirmation. */
async function save(p: Page) {
  await p.locator('#action-save').click()
  try {
    await p.getByText(/successfully (created|updated|saved)|(created|updated|saved) successfully/i).first().waitFor({ timeout: 60_000 })
  } catch (error) {
    // Say what the admin showed instead (an error toast, a field error) and keep a picture of it.
    await screenshot(p, `media-admin-save-failed-${stamp}`, 'en')
    const shown = await p.locator('.payload-toast-container, .field-error, .tooltip--show').allInnerTexts()
    throw new Error(`Saving did not succeed; the admin showed: ${shown.join(' | ') || '(nothing)'}\n${String(error)}`)
  }
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'media-admin-'))
  // A real photo-sized JPEG (1600x1000), so every size is made.
  const noise = await sharp({
    create: { width: 1600, height: 1000, channels: 3, background: '#336699', noise: { type: 'gaussian', mean: 120, sigma: 40 } },
  })
    .png()
    .toBuffer()
  await sharp(noise).blur(3).jpeg({ quality: 80 }).toFile(path.join(tmp, file))
  browser = await launchBrowser()
  staff = await newContext(browser)
  readers = await newContext(browser)
  page = await staff.newPage()
  token = await adminApiToken()
})
afterAll(async () => {
  // Leave the shared admin account's remembered locale as English for the tests that follow it.
  if (page) {
    await page
      .goto(mediaId ? `/admin/collections/media/${mediaId}` : '/admin/collections/media', { waitUntil: 'load' })
      .then(() => switchAdminLocale(page, 'en'))
      .catch(() => undefined)
  }
  await browser?.close()
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

test('staff upload an image, set its focal point and English description, and save', async () => {
  await adminLogin(page)
  await page.goto('/admin/collections/media/create', { waitUntil: 'load' })
  await switchAdminLocale(page, 'en')
  await page.locator('input[type="file"]').first().setInputFiles(path.join(tmp, file))

  // Payload's image editor: the focal point as percentages of width and height.
  await page.getByRole('button', { name: 'Edit image' }).click()
  const x = page.locator('input[name="X %"]')
  const y = page.locator('input[name="Y %"]')
  await x.fill(String(focal.x))
  await y.fill(String(focal.y))
  expect(await x.inputValue()).toBe(String(focal.x))
  expect(await y.inputValue()).toBe(String(focal.y))
  await page.getByRole('button', { name: 'Apply changes' }).click()
  await x.waitFor({ state: 'hidden' })

  await fillField(page, '#field-alt', alt.en)
  await save(page)
  await page.waitForURL(/\/admin\/collections\/media\/[^/?]+(\?|$)/, { timeout: 60_000 })
  mediaId = new URL(page.url()).pathname.split('/').pop() as string
  expect(mediaId).not.toBe('create')
  await screenshot(page, 'admin-media-uploaded', 'en')
})

test('switching the admin to Urdu, staff add the Urdu description', async () => {
  expect(await page.locator('.localizer .localizer-button').first().getAttribute('data-locale')).toBe('en')
  await switchAdminLocale(page, 'ur')
  // The form reloads in Urdu: no Urdu description yet (the English one is not copied in).
  await page.waitForFunction(() => (document.querySelector('#field-alt') as HTMLInputElement | null)?.value === '')
  await fillField(page, '#field-alt', alt.ur)
  await save(page)
  await screenshot(page, 'admin-media-urdu', 'ur')
})

test('the focal point and both descriptions are stored', async () => {
  const doc = await staffGet(`/media/${mediaId}?locale=all&depth=0`)
  expect(doc.alt).toEqual({ en: alt.en, ur: alt.ur })
  expect(doc.focalX).toBeCloseTo(focal.x, 0)
  expect(doc.focalY).toBeCloseTo(focal.y, 0)
  expect(doc.width).toBe(1600)
  expect(doc.height).toBe(1000)
  // The picture is used nowhere yet, so the edit view says so.
  expect(doc.usedIn).toEqual([])
})

test('a published program shows it with the right description and a srcset, in both languages', async () => {
  const res = await fetch(`${BASE_URL}/api/programs`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify({ ...program, heroImage: Number.isNaN(Number(mediaId)) ? mediaId : Number(mediaId), _status: 'published' }),
  })
  expect(res.status).toBe(201)

  const reader = await readers.newPage()
  for (const locale of ['en', 'ur'] as const) {
    const urlPath = `${locale === 'ur' ? '/ur' : ''}/programs/${program.slug}`
    const response = await reader.goto(urlPath, { waitUntil: 'load' })
    expect(response?.status()).toBe(200)
    const img = reader.locator(`img[alt="${alt[locale]}"]`).first()
    await img.waitFor()
    const srcset = (await img.getAttribute('srcset')) ?? ''
    const candidates = srcset.split(',').map((c) => c.trim().split(/\s+/))
    const widths = new Set(candidates.map(([, w]) => w))
    expect(widths.size).toBeGreaterThanOrEqual(2)
    for (const [, w] of candidates) expect(w).toMatch(/^\d+w$/)
    // The browser loaded one of the sizes, not the 1600x1000 original at full weight.
    expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true)

    const [sizeUrl] = candidates[0]
    const size = await fetch(new URL(sizeUrl, BASE_URL))
    expect(size.status).toBe(200)
    expect(size.headers.get('content-type') ?? '').toMatch(/^image\//)
    const meta = await sharp(Buffer.from(await size.arrayBuffer())).metadata()
    expect(meta.width).toBe(Number(candidates[0][1].replace('w', '')))
    await screenshot(reader, `media-on-program-${stamp}`, locale)
  }
  await reader.close()
})

test("the item's edit view lists the program that uses it, with a link", async () => {
  await page.goto(`/admin/collections/media/${mediaId}`, { waitUntil: 'load' })
  const panel = page.locator('.media-usage-panel')
  await panel.waitFor()
  expect(await panel.getByRole('link', { name: program.title }).getAttribute('href')).toMatch(/\/admin\/collections\/programs\/[^/]+$/)
  expect(await panel.innerText()).toContain('published')
  // And the public file is now served to readers (published content uses it).
  const doc = await fetchText(`/api/media/${mediaId}`)
  expect(doc.status).toBe(200)
  expect(doc.text).not.toContain('usedIn')
})
