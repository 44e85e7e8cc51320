/**
 * The security headers on the production build, as a browser enforces them: the public pages and
 * the admin run without a single Content-Security-Policy violation (nothing the page needs is
 * blocked), every response carries the headers, and API JSON declares UTF-8.
 */
import { jest } from '@jest/globals'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { statement } from '../../seed/content'
import { adminLogin, fetchText, launchBrowser, newContext } from '../helpers/browser'

// Starting servers and browsers takes a while on a shared 2-core machine.
jest.setTimeout(180_000)

let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  browser = await launchBrowser()
  context = await newContext(browser)
})
afterAll(async () => {
  await context?.close()
  await browser?.close()
})

/** Collect CSP violations (the DOM event and the console report) and script errors on a page. */
async function watch(page: Page) {
  const problems: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(msg.text())
  })
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Refused to load (CSP ${e.violatedDirective}): ${e.blockedURI}`)
    })
  })
  return problems
}

test.each(['/', `/statements/${statement.slug}`, `/ur/statements/${statement.slug}`])(
  'public page %s runs without a CSP violation',
  async (path) => {
    const page = await context.newPage()
    const problems = await watch(page)
    const res = await page.goto(path, { waitUntil: 'networkidle' })
    expect(res?.status()).toBe(200)
    const csp = res!.headers()['content-security-policy']
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toContain('unsafe-eval')
    // Readers' pages carry no script, so their policy allows none (staff keep Next's own policy).
    expect(csp).toContain("script-src 'none'")
    // Readers get the page without the client runtime (site/reader-html.mjs): no script but
    // structured data, so there is no code in the page to attack.
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.type || 'classic'))
    expect(scripts.every((type) => type === 'application/ld+json')).toBe(true)
    expect(await page.evaluate(() => 'next' in window || '__next_f' in self)).toBe(false)
    expect(problems).toEqual([])
    await page.close()
  },
)

test('the admin login, dashboard and an edit screen run without a CSP violation', async () => {
  const page = await context.newPage()
  const problems = await watch(page)
  await adminLogin(page)
  await page.waitForLoadState('networkidle')
  await page.goto('/admin/collections/statements', { waitUntil: 'networkidle' })
  await page.locator('table a[href*="/admin/collections/statements/"]').first().click()
  await page.waitForURL(/\/admin\/collections\/statements\/[^/]+$/, { timeout: 30_000 })
  await page.waitForLoadState('networkidle')
  expect(problems).toEqual([])
  await page.close()
})

test('every kind of response carries the security headers; API JSON is UTF-8', async () => {
  for (const path of ['/', '/admin/login', '/api/statements?limit=1', '/api/health', '/robots.txt']) {
    const { headers } = await fetchText(path)
    expect({ path, nosniff: headers.get('x-content-type-options') }).toEqual({ path, nosniff: 'nosniff' })
    expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(headers.get('permissions-policy')).toContain('camera=()')
    expect(headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
  }
  const api = await fetchText('/api/statements?limit=1')
  expect(api.headers.get('content-type')).toBe('application/json; charset=utf-8')
})
