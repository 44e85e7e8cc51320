/**
 * A statement prints (Chromium's print to PDF, as "Save as PDF" does) like the letterhead it came
 * from: the issuing organisation at the top, title, speaker, role, forum and date, the text with
 * its three numbered proposals exactly once, both offices' phone numbers at the foot of every
 * page, page numbers, and no navigation. Urdu prints right to left. The PDF is read back with
 * pdftotext (Debian's poppler-utils).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'

import { offices, organisations, people, statement } from '../../seed/content'
import { launchBrowser, newContext, open } from '../helpers/browser'

let browser: Browser
const dir = path.join(process.cwd(), 'test-results', 'print')

beforeAll(async () => {
  browser = await launchBrowser()
  mkdirSync(dir, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
})

/** The page printed to PDF (A4), and its text as pdftotext reads it, whitespace collapsed. */
async function printed(page: Page, name: string): Promise<{ text: string; pages: string[] }> {
  await page.evaluate(() => document.fonts.ready)
  const file = path.join(dir, `${name}.pdf`)
  writeFileSync(file, await page.pdf({ format: 'A4' }))
  // pdftotext from Debian's poppler-utils, which npm test provisions (PDFTOTEXT_PATH overrides).
  const raw = execFileSync(process.env.PDFTOTEXT_PATH || 'pdftotext', [file, '-'], { encoding: 'utf8' })
  const pages = raw.split('\f').filter((p) => p.trim()).map((p) => p.replace(/\s+/g, ' '))
  return { text: pages.join(' '), pages }
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1
const PHONES = offices.flatMap((o) => o.phones)

test.each(['en', 'ur'] as const)('%s: the statement prints like its letterhead', async (locale) => {
  const context = await newContext(browser)
  const page = await context.newPage()
  try {
    await open(page, `${locale === 'ur' ? '/ur' : ''}/statements/${statement.slug}`)
    const { text, pages } = await printed(page, `statement-${locale}`)
    expect(pages.length).toBeGreaterThanOrEqual(2)

    const en = locale === 'en'
    const organisation = en ? organisations.cgr.name : organisations.cgr.demoUrdu.name
    // Proposals and body are English on the Urdu page too (no Urdu translation in the demo).
    for (const proposal of statement.proposals) expect({ proposal, times: count(text, proposal) }).toEqual({ proposal, times: 1 })
    for (const [i, p] of pages.entries()) {
      // Letterhead on every page: organisation at the top, every office phone at the foot, page number.
      if (en) expect(p).toContain(organisation)
      for (const phone of PHONES) expect({ page: i + 1, phone, found: p.includes(phone) }).toEqual({ page: i + 1, phone, found: true })
    }
    if (en) {
      for (const fact of [statement.title, people.tariqKhosa.name, statement.speakerRole, statement.event, '4th segment', '1 July 2022']) expect(text).toContain(fact)
      expect(text).toContain('Page 1')
      expect(text).toContain('Page 2')
    }
    // No navigation: neither the menu, the language switch, the skip link nor sharing.
    for (const nav of ['Skip to main content', 'Read in English', 'اردو میں پڑھیں', 'WhatsApp', 'Facebook', 'Programs Statements Campaigns']) expect(text).not.toContain(nav)

    // Right to left in Urdu: the printed page is laid out from the right.
    await page.emulateMedia({ media: 'print' })
    const layout = await page.evaluate(() => {
      // The heading's text, not its box (a block fills the line either way): its last line starts
      // at the right edge in Urdu, so the gap on the left is the larger one.
      const range = document.createRange()
      range.selectNodeContents(document.querySelector('h1')!)
      const lines = range.getClientRects()
      const line = lines[lines.length - 1]
      return { dir: getComputedStyle(document.body).direction, right: document.documentElement.clientWidth - line.right, left: line.left }
    })
    expect(layout.dir).toBe(en ? 'ltr' : 'rtl')
    if (!en) expect(layout.right).toBeLessThan(layout.left)
    // The organisation heads the printed page in both languages (margin box text).
    const css = await page.locator('style[data-precedence="print"]').allTextContents()
    expect(css.join('\n')).toContain(`"${organisation}"`)
  } finally {
    await context.close()
  }
})
