/**
 * Publishing reaches the public at once, drafts never do:
 * - staff log in at /admin, write a statement and publish it; the public detail page, the index,
 *   the home page, the sitemap and the feed show it on the next load (no rebuild);
 * - a draft appears on no public page, index, search result or sitemap, in either language;
 * - preview: only a logged-in staff member gets draft mode and sees the draft.
 */
import type { Browser, BrowserContext } from 'playwright-core'

import { organisations } from '../../seed/content'
import { BASE_URL, adminApiToken, adminLogin, fetchText, launchBrowser, newContext, screenshot } from '../helpers/browser'

let browser: Browser
let staff: BrowserContext

const stamp = Date.now().toString(36)
const published = { title: `Statement on court backlogs ${stamp}`, slug: `statement-on-court-backlogs-${stamp}` }
const draft = { title: `Unreleased draft quixotic ${stamp}`, slug: `unreleased-draft-quixotic-${stamp}`, word: `quixotic` }

beforeAll(async () => {
  browser = await launchBrowser()
  staff = await newContext(browser)
})
afterAll(async () => {
  await browser?.close()
})

describe('staff publish a statement in the admin', () => {
  test('log in, write, publish', async () => {
    const page = await staff.newPage()
    await adminLogin(page)
    // In English content: the admin remembers each account's last content language, and other
    // tests sign in as this admin and may have left it in Urdu (the organisation's name is then Urdu).
    await page.goto('/admin/collections/statements/create?locale=en', { waitUntil: 'load' })
    await page.locator('#field-title').fill(published.title)
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

    await page.locator('#action-save').click()
    await page.getByText(/published successfully|updated successfully|saved successfully/i).first().waitFor({ timeout: 30_000 })
    await screenshot(page, 'admin-published-statement', 'en')
    await page.close()
  })

  test('the public detail page shows it on the next load, in both languages', async () => {
    const en = await fetchText(`/statements/${published.slug}`)
    expect(en.status).toBe(200)
    expect(en.text).toContain(published.title)
    // No Urdu yet: the Urdu page shows the English title (marked as English).
    const ur = await fetchText(`/ur/statements/${published.slug}`)
    expect(ur.status).toBe(200)
    expect(ur.text).toContain(published.title)
  })

  test('the statements index and the home page list it', async () => {
    expect((await fetchText('/statements')).text).toContain(published.title)
    expect((await fetchText('/')).text).toContain(published.title)
  })

  test('the sitemap lists it in both languages', async () => {
    const { text, status } = await fetchText('/sitemap.xml')
    expect(status).toBe(200)
    expect(text).toContain(`${BASE_URL}/statements/${published.slug}</loc>`)
    expect(text).toContain(`${BASE_URL}/ur/statements/${published.slug}</loc>`)
  })

  test('the statements feed lists it', async () => {
    const { text, status } = await fetchText('/statements/feed.xml')
    expect(status).toBe(200)
    expect(text).toContain(published.title)
  })
})

describe('a draft never reaches the public', () => {
  let id: number | string

  beforeAll(async () => {
    const token = await adminApiToken()
    const headers = { 'Content-Type': 'application/json', Authorization: `JWT ${token}` }
    const orgs = await (await fetch(`${BASE_URL}/api/organisations?where[slug][equals]=${organisations.cgr.slug}`, { headers })).json()
    const res = await fetch(`${BASE_URL}/api/statements?draft=true`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        title: draft.title,
        slug: draft.slug,
        summary: `A ${draft.word} summary that must stay private.`,
        statementType: 'delivered-statement',
        speakerName: 'Nobody yet',
        issuingOrganisation: orgs.docs[0].id,
        deliveredOn: '2024-02-01T00:00:00.000Z',
        _status: 'draft',
      }),
    })
    const body = await res.json()
    if (!body.doc?.id) throw new Error(`Could not create the draft (${res.status}): ${JSON.stringify(body)}`)
    id = body.doc.id
  })

  test.each(['', '/ur'])('no detail page (%s)', async (prefix) => {
    expect((await fetchText(`${prefix}/statements/${draft.slug}`)).status).toBe(404)
  })

  test.each(['', '/ur'])('not on the index, the home page or in search (%s)', async (prefix) => {
    for (const path of [`${prefix}/statements`, prefix || '/']) {
      const { text } = await fetchText(path)
      expect(text).not.toContain(draft.slug)
      expect(text).not.toContain(draft.title)
    }
    // The search page repeats the query ("Nothing found for …"), so look for results, not words.
    for (const q of [draft.word, draft.title]) {
      const { text, status } = await fetchText(`${prefix}/search?q=${encodeURIComponent(q)}`)
      expect(status).toBe(200)
      expect(text).not.toContain(draft.slug)
      expect(text).not.toMatch(/class="search-results"/)
    }
  })

  test('not in the sitemap, and not through the API for anonymous readers', async () => {
    expect((await fetchText('/sitemap.xml')).text).not.toContain(draft.slug)
    const api = await fetchText(`/api/statements/${id}?draft=true`)
    // Refused one way or another (400: anonymous ?draft=true is rejected outright).
    expect([400, 401, 403, 404]).toContain(api.status)
    expect(api.text).not.toContain(draft.title)
  })

  test('anonymous readers cannot enter preview: 401 and no draft-mode cookie', async () => {
    const res = await fetchText(`/next/preview?path=${encodeURIComponent(`/statements/${draft.slug}`)}`)
    expect(res.status).toBe(401)
    expect(res.headers.get('set-cookie') ?? '').not.toContain('__prerender_bypass')
    // Nor with a forged cookie.
    const forged = await fetchText(`/statements/${draft.slug}`, { headers: { cookie: '__prerender_bypass=forged' } })
    expect(forged.status).toBe(404)
  })

  test('a logged-in staff member previews the draft in the site layout, then leaves preview', async () => {
    const page = await staff.newPage()
    // In a tab of its own the page listens for no admin saves, so nothing re-renders it under the
    // next click (Payload's listener used to, and leaving preview at that moment was aborted).
    await page.goto(`/next/preview?path=${encodeURIComponent(`/statements/${draft.slug}`)}`, { waitUntil: 'load' })
    expect(new URL(page.url()).pathname).toBe(`/statements/${draft.slug}`)
    expect(await page.locator('h1').innerText()).toContain(draft.title)
    await page.goto(`/next/exit-preview?path=${encodeURIComponent('/statements')}`, { waitUntil: 'load' })
    expect(await page.locator('body').innerText()).not.toContain(draft.title)
    await page.close()
    // Previewing did not put the draft into the public cache.
    expect((await fetchText(`/statements/${draft.slug}`)).status).toBe(404)
  })

  test("the admin's live preview shows the draft and follows the editor's changes as they type", async () => {
    const page = await staff.newPage()
    await page.goto(`/admin/collections/statements/${id}?locale=en`, { waitUntil: 'load' })
    await page.locator('#live-preview-toggler').click()
    const frame = page.frameLocator('iframe').first()
    await frame.locator('h1', { hasText: draft.title }).waitFor({ timeout: 30_000 })
    // Autosave stores the change as a draft; the frame re-renders from it without a reload.
    const retitled = `${draft.title} retitled`
    await page.locator('#field-title').fill(retitled)
    await frame.locator('h1', { hasText: retitled }).waitFor({ timeout: 30_000 })
    expect(await frame.locator('h1').innerText()).toContain(retitled)
    await page.close()
    // Still a draft: nothing of it is public.
    expect((await fetchText(`/statements/${draft.slug}`)).status).toBe(404)
  })
})
