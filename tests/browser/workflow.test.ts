/**
 * Issue 4, the editorial workflow in a real browser against the production server:
 * - a contributor writes a statement in English and Urdu in the admin and submits it for review;
 *   they have no Publish button, and the API refuses their publish with 403;
 * - an editor sees it waiting on the dashboard, previews it in the real site layout, publishes it,
 *   and the public site shows it in both languages.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { organisations } from '../../seed/content'
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL, fetchText, launchBrowser, newContext, screenshot } from '../helpers/browser'

const stamp = Date.now().toString(36)
const statement = { en: `Statement on witness protection ${stamp}`, ur: `گواہوں کے تحفظ پر بیان ${stamp}` }
const people = {
  contributor: { email: `contributor-${stamp}@daleel.test`, password: `Contributor-password-${stamp}!`, name: 'Test Contributor' },
  editor: { email: `editor-${stamp}@daleel.test`, password: `Editor-password-${stamp}!`, name: 'Test Editor' },
}

let browser: Browser
let contributorContext: BrowserContext
let editorContext: BrowserContext
let adminToken: string
let id: number | string | undefined

async function api(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const res = await fetch(`${BASE_URL}/api${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'Content-Type': 'application/json',
      ...(init.token ? { Authorization: `JWT ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const text = await res.text()
  let body: any = text
  try {
    body = JSON.parse(text)
  } catch {
    /* not JSON */
  }
  return { status: res.status, body }
}

async function token(email: string, password: string): Promise<string> {
  const res = await api('/users/login', { method: 'POST', body: { email, password } })
  if (!res.body?.token) throw new Error(`Login failed for ${email} (${res.status}): ${JSON.stringify(res.body)}`)
  return res.body.token
}

async function loginAs(page: Page, who: { email: string; password: string }) {
  await page.goto('/admin/login', { waitUntil: 'load' })
  await page.locator('input[name="email"], #field-email').first().fill(who.email)
  await page.locator('input[name="password"], #field-password').first().fill(who.password)
  await page.locator('button[type="submit"]').first().click()
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.startsWith('/admin/login'), { timeout: 60_000 })
}

/** Poll the latest draft until `check` passes (autosave runs every 2 s). */
async function waitForDraft(locale: 'en' | 'ur', check: (doc: any) => boolean, timeoutMs = 30_000): Promise<any> {
  const start = Date.now()
  let last: any
  while (Date.now() - start < timeoutMs) {
    if (id !== undefined) {
      last = (await api(`/statements/${id}?draft=true&locale=${locale}&fallback-locale=none&depth=0`, { token: adminToken })).body
      if (last && check(last)) return last
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`The draft did not reach the expected state in ${timeoutMs} ms. Last seen: ${JSON.stringify(last)?.slice(0, 500)}`)
}

beforeAll(async () => {
  adminToken = await token(ADMIN_EMAIL, ADMIN_PASSWORD)
  for (const [role, person] of Object.entries(people)) {
    const res = await api('/users', { method: 'POST', token: adminToken, body: { ...person, role } })
    if (res.status !== 201) throw new Error(`Could not create the ${role} (${res.status}): ${JSON.stringify(res.body)}`)
  }
  browser = await launchBrowser()
  contributorContext = await newContext(browser)
  editorContext = await newContext(browser)
})
afterAll(async () => {
  await browser?.close()
})

describe('a contributor writes in both languages and submits for review', () => {
  let page: Page

  beforeAll(async () => {
    page = await contributorContext.newPage()
    await loginAs(page, people.contributor)
  })

  test('writes the English draft (saved by autosave) and has no Publish button', async () => {
    await page.goto('/admin/collections/statements/create', { waitUntil: 'load' })
    await page.locator('#field-title').fill(statement.en)
    await page.locator('#field-speakerName').fill('A. Researcher')
    await page.locator('#field-statementType').click()
    await page.locator('.rs__option', { hasText: 'Delivered statement' }).first().click()
    await page.locator('#field-issuingOrganisation').click()
    await page.locator('.rs__option', { hasText: organisations.cgr.name }).first().click()
    const date = page.locator('#field-deliveredOn input').first()
    await date.click()
    await date.fill('03/01/2024')
    await date.press('Enter')
    await page.locator('#field-title').click()

    // The new document's ID, whatever its type (integer, or text on MongoDB and SQLITE_ID_TYPE=uuid).
    await page.waitForURL(/\/admin\/collections\/statements\/(?!create\b)[^/?#]+/, { timeout: 60_000 })
    id = page.url().match(/statements\/((?!create\b)[^/?#]+)/)?.[1]
    const saved = await waitForDraft('en', (d) => d.title === statement.en && Boolean(d.issuingOrganisation))
    expect(saved._status).toBe('draft')

    expect(await page.locator('#action-save').count()).toBe(0)
    await screenshot(page, 'workflow-contributor-draft', 'en')
  })

  test('adds the Urdu title in the Urdu locale', async () => {
    await page.goto(`/admin/collections/statements/${id}?locale=ur`, { waitUntil: 'load' })
    const title = page.locator('#field-title')
    await title.fill(statement.ur)
    await page.locator('#field-speakerName').click()
    const saved = await waitForDraft('ur', (d) => d.title === statement.ur)
    expect(saved.hasUrdu).toBe(true)
    await screenshot(page, 'workflow-contributor-draft', 'ur')
  })

  test('submits it for review', async () => {
    await page.goto(`/admin/collections/statements/${id}`, { waitUntil: 'load' })
    await page.locator('#field-reviewState .rs__control').click()
    await page.locator('.rs__option', { hasText: 'Waiting for review' }).first().click()
    const saved = await waitForDraft('en', (d) => d.reviewState === 'inReview')
    expect(saved.title).toBe(statement.en)
    expect(saved._status).toBe('draft')
  })

  test('the API refuses their publish with 403 and a clear message; the public sees nothing', async () => {
    const contributorToken = await token(people.contributor.email, people.contributor.password)
    const res = await api(`/statements/${id}`, { method: 'PATCH', token: contributorToken, body: { _status: 'published' } })
    expect(res.status).toBe(403)
    expect(JSON.stringify(res.body)).toMatch(/Contributors cannot publish/)
    expect((await api(`/statements/${id}`)).status).toBe(404)
  })
})

describe('an editor reviews, previews and publishes', () => {
  let page: Page
  let slug: string

  beforeAll(async () => {
    page = await editorContext.newPage()
    await loginAs(page, people.editor)
    slug = (await api(`/statements/${id}?draft=true&depth=0`, { token: adminToken })).body.slug
  })

  test('the dashboard lists it as waiting for review', async () => {
    await page.goto('/admin', { waitUntil: 'load' })
    const section = page.locator('section[aria-label="Editorial workflow"]')
    await section.waitFor({ timeout: 30_000 })
    await expect(section.getByText(statement.en).count()).resolves.toBeGreaterThan(0)
    await screenshot(page, 'workflow-editor-dashboard', 'en')
  })

  test('the preview shows the draft in the real site layout', async () => {
    await page.goto(`/next/preview?path=/statements/${slug}`, { waitUntil: 'load' })
    await expect(page.locator('h1').first().textContent()).resolves.toContain(statement.en)
    // The public still gets nothing.
    expect((await fetchText(`/statements/${slug}`)).status).toBe(404)
    await page.goto('/next/exit-preview', { waitUntil: 'load' }).catch(() => undefined)
  })

  test('publishes it; the site shows it in English and Urdu', async () => {
    await page.goto(`/admin/collections/statements/${id}`, { waitUntil: 'load' })
    await page.locator('#action-save').click()
    await page.getByText(/published successfully|updated successfully|saved successfully/i).first().waitFor({ timeout: 30_000 })

    const published = (await api(`/statements/${id}?depth=0`)).body
    expect(published._status).toBe('published')
    expect(published.reviewState).toBe('published')

    const en = await fetchText(`/statements/${slug}`)
    expect(en.status).toBe(200)
    expect(en.text).toContain(statement.en)
    const ur = await fetchText(`/ur/statements/${slug}`)
    expect(ur.status).toBe(200)
    expect(ur.text).toContain(statement.ur)
  })
})
