/**
 * Lighthouse (npm `lighthouse` driving Debian's Chromium; its default mobile preset with simulated
 * slow 4G and a mid-range phone's CPU) on every page type, in English and Urdu; each score the
 * median of 5 runs (1 with --quick). Targets (issues 7 and 16): performance ≥ 98, accessibility
 * 100, best practices ≥ 98, SEO 100.
 *
 * The browser sees no Urdu font of its own (a fontconfig file hides every font covering Urdu, as
 * in tests/browser/urdu-font.test.ts), so Urdu pages are measured as a device without one gets
 * them: downloading the Urdu font subset. A device with its own Nastaliq downloads nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'

import { pageOfEveryType } from '../seed/content'

import { getSite } from './site'
import { median } from './stats'
import type { BenchContext, BenchResult } from './types'

export const title = 'Lighthouse, mobile (median of runs)'

const TARGETS = { performance: 98, accessibility: 100, 'best-practices': 98, seo: 100 } as const
type Category = keyof typeof TARGETS
// Search results pages ask search engines not to index them (Google's guidance for internal search
// results: thin, endless, duplicate pages), so Lighthouse's "is crawlable" audit fails there by
// design. Their SEO target is every other SEO audit passing; the row says so.
const NOINDEX = /^(\/ur)?\/search\?/
const SEO_BY_DESIGN = 'is-crawlable'

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const site = await getSite(ctx)
  const runs = ctx.quick ? 1 : 5
  const types = [...pageOfEveryType(site.statementSlug), '/search?q=trafficking']
  const pages = [...types, ...types.map((p) => (p === '/' ? '/ur' : `/ur${p}`))]
  const fonts = path.join(ctx.workDir, 'fonts-without-urdu')
  mkdirSync(fonts, { recursive: true })
  writeFileSync(
    path.join(fonts, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig><include ignore_missing="no">/etc/fonts/fonts.conf</include><cachedir>${fonts}/cache</cachedir><selectfont><rejectfont><pattern><patelt name="lang"><string>ur</string></patelt></pattern></rejectfont></selectfont></fontconfig>\n`,
  )
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    envVars: { ...(process.env as Record<string, string>), FONTCONFIG_FILE: path.join(fonts, 'fonts.conf') },
  })
  const rows: Record<string, string | number>[] = []
  const notes: string[] = []
  let failed = false
  try {
    for (const pagePath of pages) {
      const scores: Record<Category, number[]> = { performance: [], accessibility: [], 'best-practices': [], seo: [] }
      const lost = new Set<string>()
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(`${site.url}${pagePath}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: Object.keys(TARGETS),
        })
        if (!result) throw new Error(`Lighthouse returned nothing for ${pagePath}`)
        const { lhr } = result
        if (lhr.runtimeError) throw new Error(`Lighthouse on ${pagePath}: ${lhr.runtimeError.message}`)
        for (const category of Object.keys(TARGETS) as Category[]) {
          const cat = lhr.categories[category]
          scores[category].push(Math.round((cat.score ?? 0) * 100))
          for (const ref of cat.auditRefs) {
            const audit = lhr.audits[ref.id]
            if (ref.weight > 0 && audit.score !== null && audit.score < 1 && category !== 'performance') lost.add(`${category}: ${ref.id}`)
          }
        }
        if (i === 0) {
          const m = (id: string) => lhr.audits[id]?.displayValue ?? ''
          notes.push(`${pagePath}: FCP ${m('first-contentful-paint')}, LCP ${m('largest-contentful-paint')}, TBT ${m('total-blocking-time')}, CLS ${m('cumulative-layout-shift')}`)
        }
      }
      const row: Record<string, string | number> = { page: pagePath.replace(site.statementSlug, '<statement>').replace(/\/(statements|programs|campaigns|topics|people)\/[a-z0-9-]+/, '/$1/<one>') }
      let ok = true
      const noindex = NOINDEX.test(pagePath)
      for (const category of Object.keys(TARGETS) as Category[]) {
        const score = median(scores[category])
        row[category] = score
        if (category === 'seo' && noindex) {
          row[category] = `${score} (noindex)`
          if ([...lost].some((l) => l.startsWith('seo: ') && l !== `seo: ${SEO_BY_DESIGN}`)) ok = false
        } else if (score < TARGETS[category]) ok = false
      }
      row.target = ok ? 'met' : 'MISSED'
      if (!ok) failed = true
      rows.push(row)
      for (const l of lost) notes.push(`${pagePath}: lost points on ${l}`)
    }
  } finally {
    await chrome.kill()
  }
  notes.push(`targets: performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, best practices ≥ ${TARGETS['best-practices']}, SEO ${TARGETS.seo} (search results: noindex by design, every other SEO audit passes)`)
  return { rows, notes, failed }
}
