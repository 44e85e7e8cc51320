/**
 * Issue 15, the admin panel in Urdu, right to left, in a real browser against the production server:
 * - the login page follows the browser's language; a staff member chooses Urdu on the account page
 *   and the choice follows their account to another browser;
 * - a contributor with the admin in Urdu writes a statement, saves a draft and submits it for
 *   review, switching the content language with the Locale menu in place; each field carries its
 *   content's language and direction;
 * - an editor with the admin in Urdu publishes it;
 * - dashboard, list, edit and account views are dir="rtl" with no English string of Payload's own
 *   left, and axe finds nothing there that the English admin does not already have (Payload's own
 *   findings are listed in docs/admin-accessibility.md); screenshots saved for people to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { enTranslations } from '@payloadcms/translations/languages/en'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { organisations, statement as demoStatement } from '../../seed/content'
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL, axe, describeViolations, launchBrowser, newContext, screenshot } from '../helpers/browser'

const stamp = Date.now().toString(36)
const statement = { en: `Statement on legal aid ${stamp}`, ur: `قانونی امداد پر بیان ${stamp}` }
const people = {
  contributor: { email: `ur-contributor-${stamp}@daleel.test`, password: `Contributor-password-${stamp}!`, name: 'Urdu Contributor' },
  editor: { email: `ur-editor-${stamp}@daleel.test`, password: `Editor-password-${stamp}!`, name: 'Urdu Editor' },
}
// Browsers that ask for Urdu first, and for English.
const URDU_BROWSER = { locale: 'ur-PK' }
const ENGLISH_BROWSER = { locale: 'en-GB' }

let browser: Browser
let adminToken: string
let id: string | undefined

async function api(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const res = await fetch(`${BASE_URL}/api${path}`, {
    method: init.method ?? 'GET',
    headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `JWT ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const text = await res.text()
  try {
    return { status: res.status, body: JSON.parse(text) }
  } catch {
    return { status: res.status, body: text as any }
  }
}

async function token(email: string, password: string): Promise<string> {
  const res = await api('/users/login', { method: 'POST', body: { email, password } })
  if (!res.body?.token) throw new Error(`Login failed for ${email} (${res.status})`)
  return res.body.token
}

async function loginAs(page: Page, who: { email: string; password: string }) {
  await page.goto('/admin/login', { waitUntil: 'load' })
  await page.locator('#field-email').fill(who.email)
  await page.locator('#field-password').fill(who.password)
  await page.locator('button[type="submit"]').first().click()
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.startsWith('/admin/login'), { timeout: 60_000 })
}

const htmlLangDir = (page: Page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir.toLowerCase()])

/** Poll the latest draft until `check` passes (autosave runs every 2 s). */
async function waitForDraft(locale: 'en' | 'ur', check: (doc: any) => boolean, timeoutMs = 40_000): Promise<any> {
  const start = Date.now()
  let last: any
  while (Date.now() - start < timeoutMs) {
    if (id !== undefined) {
      last = (await api(`/statements/${id}?draft=true&locale=${locale}&fallback-locale=none&depth=0`, { token: adminToken })).body
      if (last && check(last)) return last
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`The draft did not reach the expected state in ${timeoutMs} ms. Last seen: ${JSON.stringify(last)?.slice(0, 400)}`)
}

/**
 * Payload's English strings, as patterns a visible text would match whole ("Search by {{label}}"
 * matches "Search by Title"). Single words shorter than 4 letters ("Or", "of") and the name of the
 * content language ("English", Payload's `thisLanguage`, shown by the Locale menu) are left out.
 */
function englishPatterns(): RegExp[] {
  const out: RegExp[] = []
  const walk = (o: Record<string, unknown>) => {
    for (const v of Object.values(o)) {
      if (typeof v !== 'string') walk(v as Record<string, unknown>)
      else {
        const plain = v.replace(/<\/?\d+>/g, '').trim()
        if (plain.replace(/\{\{[^}]+\}\}/g, '').trim().length < 4 || plain === 'English') continue
        const escaped = plain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\\\{[^}]+\\\}\\\}/g, '.+')
        out.push(new RegExp(`^${escaped}$`, 'i'))
      }
    }
  }
  walk(enTranslations as unknown as Record<string, unknown>)
  return out
}
const ENGLISH = englishPatterns()

/** Visible texts and accessible names on the page that are one of Payload's English strings. */
async function englishLeftovers(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const found: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      // Content in English (marked lang="en") is the document's text, not the admin's.
      if (!el || el.closest('script, style, [lang="en"]')) continue
      const t = (n.textContent ?? '').replace(/\s+/g, ' ').trim()
      if (t) found.push(t)
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      if (el.closest('[lang="en"]')) continue
      for (const a of ['aria-label', 'placeholder', 'title']) {
        const v = el.getAttribute(a)?.trim()
        if (v) found.push(v)
      }
    }
    return found
  })
  return [...new Set(texts.filter((t) => ENGLISH.some((re) => re.test(t))))]
}

/**
 * Axe's findings on each view in both admin languages, written to test-results/admin-urdu-axe.json
 * (and printed) after the run: the figures docs/admin-accessibility.md reports.
 */
const findings: Record<string, { en: Record<string, number>; ur: Record<string, number> }> = {}

/** Axe's findings per rule, for comparing the Urdu admin with the English one. */
async function axeCounts(page: Page): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (const v of await axe(page)) counts.set(v.id, (counts.get(v.id) ?? 0) + v.nodes.length)
  return counts
}

async function settle(page: Page) {
  await page.waitForLoadState('load')
  // The admin renders its forms and tables on the client after load.
  await page.waitForFunction(() => !document.querySelector('.shimmer-effect, .loading-overlay--active'), undefined, { timeout: 30_000 }).catch(() => undefined)
  await page.waitForTimeout(1000)
}

beforeAll(async () => {
  adminToken = await token(ADMIN_EMAIL, ADMIN_PASSWORD)
  for (const [role, person] of Object.entries(people)) {
    const res = await api('/users', { method: 'POST', token: adminToken, body: { ...person, role } })
    if (res.status !== 201) throw new Error(`Could not create the ${role} (${res.status}): ${JSON.stringify(res.body)}`)
  }
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  if (!Object.keys(findings).length) return
  const dir = path.join(process.cwd(), 'test-results')
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'admin-urdu-axe.json'), `${JSON.stringify(findings, null, 2)}\n`)
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)
  console.log(
    `axe (WCAG 2.2 AA), elements per view, English / Urdu admin:\n${Object.entries(findings)
      .map(([view, f]) => `  ${view}: ${total(f.en)} / ${total(f.ur)}  ${JSON.stringify(f.ur)}`)
      .join('\n')}`,
  )
})

describe('choosing the admin language', () => {
  test('the login page follows the browser: Urdu and right to left for a browser that asks for Urdu', async () => {
    const urdu = await newContext(browser, URDU_BROWSER)
    const english = await newContext(browser, ENGLISH_BROWSER)
    const [u, e] = [await urdu.newPage(), await english.newPage()]
    await u.goto('/admin/login', { waitUntil: 'load' })
    await e.goto('/admin/login', { waitUntil: 'load' })
    expect(await htmlLangDir(u)).toEqual(['ur', 'rtl'])
    expect(await htmlLangDir(e)).toEqual(['en', 'ltr'])
    await expect(u.locator('button[type="submit"]').first().textContent()).resolves.toContain('لاگ اِن')
    expect(await englishLeftovers(u)).toEqual([])
    await Promise.all([urdu.close(), english.close()])
  })

  test("a contributor chooses Urdu on the account page; it follows them to another browser", async () => {
    const first = await newContext(browser, ENGLISH_BROWSER)
    const page = await first.newPage()
    await loginAs(page, people.contributor)
    await page.goto('/admin/account', { waitUntil: 'load' })
    expect(await htmlLangDir(page)).toEqual(['en', 'ltr'])
    await page.locator('.payload-settings__language .rs__control').click()
    await page.locator('.rs__option', { hasText: 'اردو' }).first().click()
    await page.waitForFunction(() => document.documentElement.dir.toLowerCase() === 'rtl', undefined, { timeout: 30_000 })
    expect(await htmlLangDir(page)).toEqual(['ur', 'rtl'])
    // Kept with the account, not only in this browser's cookie.
    const mine = await token(people.contributor.email, people.contributor.password)
    const start = Date.now()
    let stored: unknown
    while (Date.now() - start < 20_000 && stored !== 'ur') {
      stored = (await api('/payload-preferences/admin-language', { token: mine })).body?.value
      if (stored !== 'ur') await new Promise((r) => setTimeout(r, 500))
    }
    expect(stored).toBe('ur')
    await first.close()

    // Another computer whose browser asks for English: the login page is English, the admin after login Urdu.
    const second = await newContext(browser, ENGLISH_BROWSER)
    const other = await second.newPage()
    await other.goto('/admin/login', { waitUntil: 'load' })
    expect(await htmlLangDir(other)).toEqual(['en', 'ltr'])
    await loginAs(other, people.contributor)
    await other.goto('/admin', { waitUntil: 'load' })
    expect(await htmlLangDir(other)).toEqual(['ur', 'rtl'])
    await second.close()
  })
})

describe('a contributor with the admin in Urdu', () => {
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    context = await newContext(browser, ENGLISH_BROWSER)
    page = await context.newPage()
    await loginAs(page, people.contributor) // their account says Urdu
  })
  afterAll(async () => {
    await context?.close()
  })

  test('writes a statement in English content; the draft is saved', async () => {
    await page.goto('/admin/collections/statements/create?locale=en', { waitUntil: 'load' })
    expect(await htmlLangDir(page)).toEqual(['ur', 'rtl'])
    await page.locator('#field-title').fill(statement.en)
    await page.locator('#field-speakerName').fill('A. Researcher')
    await page.locator('#field-statementType').click()
    await page.locator('.rs__option', { hasText: 'پیش کردہ بیان' }).first().click()
    await page.locator('#field-issuingOrganisation').click()
    await page.locator('.rs__option', { hasText: organisations.cgr.name }).first().click()
    const date = page.locator('#field-deliveredOn input').first()
    await date.click()
    await date.fill('03/01/2024')
    await date.press('Enter')
    await page.locator('#field-title').click()

    await page.waitForURL(/\/admin\/collections\/statements\/\d+/, { timeout: 60_000 })
    id = page.url().match(/statements\/(\d+)/)?.[1]
    const saved = await waitForDraft('en', (d) => d.title === statement.en && Boolean(d.issuingOrganisation))
    expect(saved._status).toBe('draft')
    // Contributors have no Publish button, in Urdu either.
    expect(await page.locator('#action-save').count()).toBe(0)
  })

  test('English content in the Urdu admin reads left to right, in English', async () => {
    await page.goto(`/admin/collections/statements/${id}?locale=en`, { waitUntil: 'load' })
    await settle(page)
    const title = page.locator('#field-title')
    await expect(title.getAttribute('lang')).resolves.toBe('en')
    await expect(title.getAttribute('dir')).resolves.toBe('ltr')
    expect(await title.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr')
    const editor = page.locator('.rich-text-lexical [contenteditable="true"]').first()
    await expect(editor.getAttribute('lang')).resolves.toBe('en')
    await screenshot(page, 'admin-statement-form', 'ur')
  })

  test('switches the content language with the Locale menu, in place, and writes the Urdu title', async () => {
    await page.locator('.localizer .localizer-button').first().click()
    await page.locator('.localizer__locale-code[data-locale="ur"]').first().click()
    await page.waitForURL(/[?&]locale=ur/)
    // No reload: the form itself must come back in the new content language.
    await page.waitForFunction(
      () => document.querySelector('.localizer .localizer-button')?.getAttribute('data-locale') === 'ur' && document.querySelector('#field-title'),
      undefined,
      { timeout: 30_000 },
    )
    const title = page.locator('#field-title')
    await expect(title.inputValue()).resolves.toBe('')
    await expect(title.getAttribute('lang')).resolves.toBe('ur')
    await expect(title.getAttribute('dir')).resolves.toBe('rtl')
    await title.fill(statement.ur)
    await page.locator('#field-speakerName').click()
    const saved = await waitForDraft('ur', (d) => d.title === statement.ur)
    expect(saved.hasUrdu).toBe(true)
  })

  test('submits it for review', async () => {
    await page.goto(`/admin/collections/statements/${id}?locale=en`, { waitUntil: 'load' })
    await page.locator('#field-reviewState .rs__control').click()
    await page.locator('.rs__option', { hasText: 'جائزے کا منتظر' }).first().click()
    const saved = await waitForDraft('en', (d) => d.reviewState === 'inReview')
    expect(saved._status).toBe('draft')
  })
})

describe('an editor with the admin in Urdu publishes it', () => {
  let urdu: BrowserContext
  let english: BrowserContext
  let page: Page
  let englishPage: Page
  let demoId: string | undefined
  const views = () => ({
    dashboard: '/admin',
    list: '/admin/collections/statements',
    edit: `/admin/collections/statements/${id}?locale=en`,
    // The demo statement: the longest form staff meet (speaker, event, 3 proposals, attachments).
    'demo statement': `/admin/collections/statements/${demoId}?locale=en`,
    account: '/admin/account',
  })

  beforeAll(async () => {
    urdu = await newContext(browser, URDU_BROWSER)
    english = await newContext(browser, ENGLISH_BROWSER)
    page = await urdu.newPage()
    englishPage = await english.newPage()
    await loginAs(page, people.editor)
    await loginAs(englishPage, people.editor)
    const found = await api(`/statements?where[slug][equals]=${demoStatement.slug}&depth=0&limit=1`, { token: adminToken })
    demoId = found.body?.docs?.[0]?.id === undefined ? undefined : String(found.body.docs[0].id)
    if (!demoId) throw new Error(`The seeded statement ${demoStatement.slug} is missing (${found.status})`)
  })
  afterAll(async () => {
    await Promise.all([urdu?.close(), english?.close()])
  })

  test('the dashboard shows it waiting for review, in Urdu', async () => {
    await page.goto('/admin', { waitUntil: 'load' })
    const section = page.locator('section[aria-label="اشاعت کا کام"]')
    await section.waitFor({ timeout: 30_000 })
    await expect(section.getByText(statement.en).count()).resolves.toBeGreaterThan(0)
    await expect(section.textContent()).resolves.toContain('جائزے کے منتظر')
    await screenshot(page, 'admin-dashboard', 'ur')
  })

  for (const view of ['dashboard', 'list', 'edit', 'demo statement', 'account'] as const) {
    test(`${view}: right to left, no English string of Payload's, nothing new for axe`, async () => {
      const path = views()[view]
      await page.goto(path, { waitUntil: 'load' })
      await settle(page)
      expect(await htmlLangDir(page)).toEqual(['ur', 'rtl'])
      expect(await englishLeftovers(page)).toEqual([])
      // Nothing wider than the window (a mirrored layout that overflows scrolls sideways).
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true)

      await englishPage.goto(path, { waitUntil: 'load' })
      await settle(englishPage)
      expect(await htmlLangDir(englishPage)).toEqual(['en', 'ltr'])
      const [inUrdu, inEnglish] = [await axeCounts(page), await axeCounts(englishPage)]
      findings[view] = { en: Object.fromEntries(inEnglish), ur: Object.fromEntries(inUrdu) }
      const worse = [...inUrdu].filter(([rule, n]) => n > (inEnglish.get(rule) ?? 0))
      if (worse.length) throw new Error(`axe finds more in the Urdu ${view} than in the English one: ${JSON.stringify(worse)}\n${describeViolations(await axe(page))}`)
      if (view === 'list') await screenshot(page, 'admin-statement-list', 'ur')
    })
  }

  test('publishes it; dates and status are in Urdu', async () => {
    await page.goto(`/admin/collections/statements/${id}?locale=en`, { waitUntil: 'load' })
    await settle(page)
    await page.locator('#action-save').click()
    const start = Date.now()
    let doc: any
    while (Date.now() - start < 40_000) {
      doc = (await api(`/statements/${id}?depth=0`)).body
      if (doc?._status === 'published') break
      await new Promise((r) => setTimeout(r, 500))
    }
    expect(doc?._status).toBe('published')
    expect(doc?.reviewState).toBe('published')
    await page.goto(`/admin/collections/statements?locale=en`, { waitUntil: 'load' })
    await settle(page)
    const row = page.locator('tr', { hasText: statement.en }).first()
    await expect(row.textContent()).resolves.toContain('شائع شدہ')
    // Dates in the list are in Urdu: an Urdu month name, no English one.
    const text = (await row.textContent()) ?? ''
    expect(text).toMatch(/جنوری|فروری|مارچ|اپریل|مئی|جون|جولائی|اگست|ستمبر|اکتوبر|نومبر|دسمبر/)
    expect(text).not.toMatch(/January|February|March|April|May|June|July|August|September|October|November|December/)
  })
})

describe('Urdu content in the English admin', () => {
  test('reads right to left, in Urdu', async () => {
    const context = await newContext(browser, ENGLISH_BROWSER)
    const page = await context.newPage()
    await loginAs(page, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
    await page.goto(`/admin/collections/statements/${id}?locale=ur`, { waitUntil: 'load' })
    await settle(page)
    expect(await htmlLangDir(page)).toEqual(['en', 'ltr'])
    const title = page.locator('#field-title')
    await expect(title.inputValue()).resolves.toBe(statement.ur)
    await expect(title.getAttribute('lang')).resolves.toBe('ur')
    expect(await title.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl')
    await context.close()
  })
})
