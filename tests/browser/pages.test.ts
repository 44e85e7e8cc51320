/**
 * Every page type in both languages: it answers with the right status, shows the seeded content
 * from the source documents (Urdu demo translations on /ur), passes axe-core at WCAG 2.2 AA with
 * zero violations, and leaves a screenshot in test-results/screenshots/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { campaigns, offices, people, program, siteSettings, statement, topics } from '../../seed/content'
import { axe, describeViolations, launchBrowser, newContext, open, screenshot } from '../helpers/browser'

type Check = { name: string; path: string; status?: number; text: { en: string; ur: string } }

const tariq = people.tariqKhosa
const trafficking = topics.traffickingInPersons
const [campaign] = campaigns

/** Paths are English; the Urdu page is the same path under /ur. */
const PAGES: Check[] = [
  { name: 'home', path: '/', text: { en: siteSettings.organisationName, ur: siteSettings.demoUrdu.organisationName } },
  { name: 'programs', path: '/programs', text: { en: program.title, ur: program.demoUrdu.title } },
  { name: 'program', path: `/programs/${program.slug}`, text: { en: program.title, ur: program.demoUrdu.title } },
  { name: 'statements', path: '/statements', text: { en: statement.title, ur: statement.demoUrdu.title } },
  { name: 'statement', path: `/statements/${statement.slug}`, text: { en: statement.title, ur: statement.demoUrdu.title } },
  { name: 'campaigns', path: '/campaigns', text: { en: campaign.title, ur: campaign.demoUrdu.title } },
  { name: 'campaign', path: `/campaigns/${campaign.slug}`, text: { en: campaign.title, ur: campaign.demoUrdu.title } },
  { name: 'media', path: '/media', text: { en: 'Daleel demo', ur: 'دلیل ڈیمو' } },
  { name: 'contact', path: '/contact', text: { en: offices[0].name, ur: offices[0].demoUrdu.name } },
  { name: 'people', path: '/people', text: { en: tariq.name, ur: tariq.demoUrdu.name } },
  { name: 'person', path: `/people/${tariq.slug}`, text: { en: tariq.name, ur: tariq.demoUrdu.name } },
  { name: 'topics', path: '/topics', text: { en: trafficking.name, ur: trafficking.demoUrdu.name } },
  { name: 'topic', path: `/topics/${trafficking.slug}`, text: { en: trafficking.name, ur: trafficking.demoUrdu.name } },
  // "16" is in the campaign's title in both languages (search looks in the page's language only).
  { name: 'search', path: '/search?q=16', text: { en: campaigns[1].title, ur: campaigns[1].demoUrdu.title } },
  { name: 'not-found', path: '/no-such-page-here', status: 404, text: { en: 'Page not found', ur: 'صفحہ نہیں ملا' } },
]

const urdu = (path: string) => (path === '/' ? '/ur' : `/ur${path}`)

let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  context = await newContext(browser)
  page = await context.newPage()
})
afterAll(async () => {
  await browser?.close()
})

describe.each(['en', 'ur'] as const)('%s', (locale) => {
  test.each(PAGES)('$name renders its content, passes axe (WCAG 2.2 AA) and is screenshotted', async ({ name, path, status, text }) => {
    const url = locale === 'ur' ? urdu(path) : path
    await open(page, url, status ?? 200)
    await screenshot(page, name, locale)

    expect(await page.getAttribute('html', 'lang')).toBe(locale)
    expect(await page.getAttribute('html', 'dir')).toBe(locale === 'ur' ? 'rtl' : 'ltr')
    // One h1, a main landmark the skip link points to.
    expect(await page.locator('h1').count()).toBe(1)
    expect(await page.locator('main#main').count()).toBe(1)
    if (name === 'media') {
      // The gallery shows the seeded banner, described by its alt text in this language.
      const alts = await page.locator('main img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt') ?? ''))
      expect(alts.some((a) => (locale === 'en' ? /banner/i.test(a) : /بینر/.test(a)))).toBe(true)
    } else {
      expect(await page.locator('body').innerText()).toContain(text[locale])
    }

    const violations = await axe(page)
    if (violations.length) throw new Error(`axe found ${violations.length} problem(s) on ${url}:\n${describeViolations(violations)}`)
  })
})
