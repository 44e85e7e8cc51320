/**
 * Urdu is readable on a device without any Urdu font: every element's Urdu text is drawn with a
 * font that has its glyphs (Chromium reports, per element, the platform fonts it used:
 * CSS.getPlatformFontsForNode), on every Urdu page type and in the Urdu link on English pages.
 * The font is site/fonts/noto-naskh-arabic-urdu.woff2; its cmap says which characters it draws.
 *
 * The browser must see no Urdu font of its own, or the test proves nothing. Nothing here installs
 * fonts, but a shared machine may have some (Debian's fonts-noto-core has three), so Chromium runs
 * with a fontconfig file that hides every font fontconfig says covers Urdu, and the test first
 * checks, through that same file, that no such font is left.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, CDPSession, Page } from 'playwright-core'

import { campaigns, people, program, statement, topics } from '../../seed/content'
import { launchBrowser, newContext, open } from '../helpers/browser'
import { woff2Codepoints } from '../helpers/woff2'

const FONT_FILE = path.join(process.cwd(), 'site/fonts/noto-naskh-arabic-urdu.woff2')
/** The family name inside the font file (what Chromium reports), and our name for the face. */
const FONT_FAMILY = 'Noto Naskh Arabic'
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g

const PAGES = [
  '/ur',
  '/ur/programs',
  `/ur/programs/${program.slug}`,
  '/ur/statements',
  `/ur/statements/${statement.slug}`,
  '/ur/campaigns',
  `/ur/campaigns/${campaigns[0].slug}`,
  '/ur/media',
  '/ur/contact',
  '/ur/people',
  `/ur/people/${people.tariqKhosa.slug}`,
  '/ur/topics',
  `/ur/topics/${topics.traffickingInPersons.slug}`,
  `/ur/search?q=${encodeURIComponent('اسمگلنگ')}`,
  // English pages carry Urdu too: the "read in Urdu" link.
  '/',
  `/statements/${statement.slug}`,
]

let browser: Browser
const drawn = woff2Codepoints(FONT_FILE)

/** The system's fonts minus every font covering Urdu (fontconfig's own Urdu orthography check). */
const fontsDir = path.join(process.cwd(), 'test-results', 'fonts-without-urdu')
const FONTCONFIG_FILE = path.join(fontsDir, 'fonts.conf')
mkdirSync(fontsDir, { recursive: true })
writeFileSync(
  FONTCONFIG_FILE,
  `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="no">/etc/fonts/fonts.conf</include>
  <cachedir>${path.join(fontsDir, 'cache')}</cachedir>
  <selectfont><rejectfont><pattern><patelt name="lang"><string>ur</string></patelt></pattern></rejectfont></selectfont>
</fontconfig>
`,
)
const fontEnv: Record<string, string> = { ...(process.env as Record<string, string>), FONTCONFIG_FILE }

beforeAll(async () => {
  browser = await launchBrowser({ env: fontEnv })
})
afterAll(async () => {
  await browser?.close()
})

test('the browser sees no Urdu font of its own (else the test below would prove nothing)', () => {
  const urdu = execFileSync('fc-list', [':lang=ur', 'family'], { encoding: 'utf8', env: fontEnv as NodeJS.ProcessEnv }).trim()
  expect(urdu).toBe('')
  // …but it does see the ordinary Latin fonts (the config hides only Urdu ones).
  expect(execFileSync('fc-list', [':lang=en', 'family'], { encoding: 'utf8', env: fontEnv as NodeJS.ProcessEnv }).trim()).not.toBe('')
})

type DomNode = { nodeId: number; nodeType: number; nodeName: string; nodeValue: string; children?: DomNode[] }

/** Elements whose own text (not their descendants') has Arabic-script letters, with that text. */
function urduElements(root: DomNode): Array<{ nodeId: number; name: string; text: string }> {
  const out: Array<{ nodeId: number; name: string; text: string }> = []
  const skip = new Set(['HEAD', 'SCRIPT', 'STYLE', 'TITLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION'])
  const walk = (node: DomNode) => {
    if (node.nodeType !== 1 && node.nodeType !== 9) return
    if (skip.has(node.nodeName)) return
    const own = (node.children ?? []).filter((c) => c.nodeType === 3).map((c) => c.nodeValue).join('')
    if (node.nodeType === 1 && ARABIC_SCRIPT.test(own)) out.push({ nodeId: node.nodeId, name: node.nodeName.toLowerCase(), text: own.trim() })
    ARABIC_SCRIPT.lastIndex = 0
    for (const child of node.children ?? []) walk(child)
  }
  walk(root)
  return out
}

async function fontsOf(cdp: CDPSession, nodeId: number) {
  const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })) as {
    fonts: Array<{ familyName: string; isCustomFont: boolean; glyphCount: number }>
  }
  return fonts
}

test.each(PAGES)('%s: every Urdu text is drawn with a font that has its glyphs', async (url) => {
  const context = await newContext(browser)
  const page: Page = await context.newPage()
  try {
    await open(page, url)
    await page.evaluate(() => document.fonts.ready)
    const cdp = await context.newCDPSession(page)
    await cdp.send('DOM.enable')
    await cdp.send('CSS.enable')
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: false })) as { root: DomNode }
    const elements = urduElements(root)
    expect(elements.length).toBeGreaterThan(0)
    const problems: string[] = []
    let checked = 0
    for (const el of elements) {
      const fonts = await fontsOf(cdp, el.nodeId)
      if (!fonts.length) continue // not rendered (e.g. inside a closed <details>)
      checked++
      const ours = fonts.find((f) => f.isCustomFont && f.familyName === FONT_FAMILY)
      const missing = [...new Set(el.text.match(ARABIC_SCRIPT) ?? [])].filter((ch) => !drawn.has(ch.codePointAt(0)!))
      if (!ours) problems.push(`<${el.name}> "${el.text.slice(0, 40)}" drawn with ${fonts.map((f) => f.familyName).join(', ')}`)
      if (missing.length) problems.push(`<${el.name}> "${el.text.slice(0, 40)}": the font has no glyph for ${missing.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`).join(' ')}`)
    }
    expect(checked).toBeGreaterThan(0)
    expect(problems).toEqual([])
  } finally {
    await context.close()
  }
})

/**
 * The font comes after the first layout on a device without an Urdu font: the page is laid out with
 * the invisible fallback, then again with the font. Whatever moves then is a layout shift readers
 * see (and Lighthouse counts). Each Urdu page, on a phone-sized screen with the font held back half
 * a second, stays under 0.1 in all: "good" in Google's Core Web Vitals. (The statements index was
 * 0.105 when its filter form's columns followed the width of their options.)
 */
test.each(PAGES.filter((p) => p.startsWith('/ur')))('%s: nothing moves when the Urdu font arrives late', async (url) => {
  const context = await newContext(browser, { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true })
  const page: Page = await context.newPage()
  try {
    await page.addInitScript(() => {
      const w = window as unknown as { __shifts: Array<{ value: number; sources: string[] }> }
      w.__shifts = []
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node }> }>) {
          if (!e.hadRecentInput) w.__shifts.push({ value: e.value, sources: (e.sources ?? []).map((s) => `${s.node?.nodeName ?? '?'} ${(s.node?.textContent ?? '').slice(0, 30)}`) })
        }
      }).observe({ type: 'layout-shift', buffered: true })
    })
    let fontRequests = 0
    await page.route('**/*.woff2', async (route) => {
      fontRequests++
      await new Promise((r) => setTimeout(r, 500))
      await route.continue()
    })
    await open(page, url)
    await page.evaluate(() => document.fonts.ready)
    await page.waitForTimeout(300)
    const shifts = await page.evaluate(() => (window as unknown as { __shifts: Array<{ value: number; sources: string[] }> }).__shifts)
    const total = shifts.reduce((sum, s) => sum + s.value, 0)
    expect(fontRequests).toBeGreaterThan(0) // the font was held back: the case that matters happened
    expect({ url, total: Math.round(total * 1000) / 1000, moved: total < 0.1 ? [] : shifts.flatMap((s) => s.sources) }).toEqual({ url, total: expect.any(Number), moved: [] })
    expect(total).toBeLessThan(0.1)
  } finally {
    await context.close()
  }
})
