/**
 * Browser-test helpers: Debian's Chromium driven by playwright-core (nothing is ever downloaded),
 * axe-core checks at WCAG 2.2 AA, and screenshots saved as test artifacts.
 * The server is started by scripts/test-browser.mjs, which passes BASE_URL and the admin login.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'

export const BASE_URL = (process.env.BASE_URL || 'http://localhost:3100').replace(/\/+$/, '')
export const ADMIN_EMAIL = process.env.ADMIN_EMAIL || 'browser-admin@daleel.test'
export const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD || 'Browser-test-password-42!'

/** `env` replaces the browser's environment (e.g. FONTCONFIG_FILE for what fonts it sees). */
export function launchBrowser({ env }: { env?: Record<string, string> } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    env,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
  })
}

export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1280, height: 900 }, ...options })
  // The machine running the suite also runs the server and the build: be patient, not flaky.
  context.setDefaultNavigationTimeout(60_000)
  context.setDefaultTimeout(30_000)
  return context
}

/** Open a site path and fail loudly on a server error (tests then say which page broke). */
export async function open(page: Page, urlPath: string, expectStatus = 200) {
  const res = await page.goto(urlPath, { waitUntil: 'load' })
  if (!res) throw new Error(`No response for ${urlPath}`)
  if (res.status() !== expectStatus) throw new Error(`${urlPath} answered ${res.status()}, expected ${expectStatus}`)
  return res
}

const require = createRequire(import.meta.url)
let axeSource: string | null = null

export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: Array<{ target: string[]; failureSummary?: string }> }

/** Run axe-core in the page at WCAG 2.2 AA; returns the violations (empty when the page passes). */
export async function axe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
  const hasAxe = await page.evaluate(() => Boolean((window as unknown as { axe?: unknown }).axe))
  // Evaluated by the test runner, not added as a <script>: readers' pages allow no script to run
  // (script-src 'none'), and the test must not weaken what it checks.
  if (!hasAxe) await page.evaluate(axeSource)
  return page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: any[] }> } }).axe.run(
      document,
      { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
    )
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n: any) => ({ target: n.target, failureSummary: n.failureSummary })),
    }))
  }, WCAG_22_AA)
}

/** A readable one-line-per-problem summary for assertion messages. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .join('\n')
}

const screenshotDir = path.join(process.cwd(), 'test-results', 'screenshots')

/** Save a full-page screenshot as test-results/screenshots/<name>-<locale>.png. */
export async function screenshot(page: Page, name: string, locale: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true })
  const file = path.join(screenshotDir, `${name}-${locale}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** Log in to the admin through its form (the way staff do). */
export async function adminLogin(page: Page) {
  await page.goto('/admin/login', { waitUntil: 'load' })
  await page.locator('input[name="email"], #field-email').first().fill(ADMIN_EMAIL)
  await page.locator('input[name="password"], #field-password').first().fill(ADMIN_PASSWORD)
  await page.locator('button[type="submit"]').first().click()
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.startsWith('/admin/login'), { timeout: 60_000 })
}

/**
 * Type into an admin field the way a person does: the value, then the moment the admin takes to
 * check it with the server (its form-state request, a Next server action sent 250 ms after a change).
 * Why: Payload merges that answer whenever it arrives; when it arrives after a refused save it
 * replaces the save's reasons with "no error yet" (it was asked before the save), and the reason
 * beside the field disappears. On a busy machine that happened between a click and the next check.
 */
export async function fillAdminField(page: Page, selector: string, value: string) {
  const checked = page.waitForResponse((res) => res.request().method() === 'POST' && Boolean(res.request().headers()['next-action']), { timeout: 30_000 })
  await page.locator(selector).fill(value)
  await checked
}

/** The test admin's REST token (`Authorization: JWT …`), from a server (the shared one by default). */
export async function adminApiToken(base = BASE_URL): Promise<string> {
  const res = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  })
  const body = await res.json()
  if (!body.token) throw new Error(`Admin login failed (${res.status}): ${JSON.stringify(body)}`)
  return body.token
}

/** Fetch a site path without a browser (sitemaps, robots, status codes). */
export async function fetchText(urlPath: string, init: RequestInit = {}): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(`${BASE_URL}${urlPath}`, { redirect: 'manual', ...init })
  return { status: res.status, text: await res.text(), headers: res.headers }
}
