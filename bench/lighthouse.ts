/**
 * Lighthouse (npm `lighthouse` driving Debian's Chromium; its default mobile preset with simulated
 * slow 4G and a mid-range phone's CPU) on home, the statements index and a statement, in English
 * and Urdu; each score the median of 5 runs (1 with --quick). Targets: performance ≥ 95,
 * accessibility 100, best practices ≥ 95, SEO 100. Issue 7, figure 5.
 */
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'

import { getSite } from './site'
import { median } from './stats'
import type { BenchContext, BenchResult } from './types'

export const title = 'Lighthouse, mobile (median of runs)'

const TARGETS = { performance: 95, accessibility: 100, 'best-practices': 95, seo: 100 } as const
type Category = keyof typeof TARGETS

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const site = await getSite(ctx)
  const runs = ctx.quick ? 1 : 5
  const pages = ['/', '/statements', `/statements/${site.statementSlug}`, '/ur', '/ur/statements', `/ur/statements/${site.statementSlug}`]
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
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
      const row: Record<string, string | number> = { page: pagePath.replace(site.statementSlug, '<statement>') }
      let ok = true
      for (const category of Object.keys(TARGETS) as Category[]) {
        const score = median(scores[category])
        row[category] = score
        if (score < TARGETS[category]) ok = false
      }
      row.target = ok ? 'met' : 'MISSED'
      if (!ok) failed = true
      rows.push(row)
      for (const l of lost) notes.push(`${pagePath}: lost points on ${l}`)
    }
  } finally {
    await chrome.kill()
  }
  notes.push(`targets: performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, best practices ≥ ${TARGETS['best-practices']}, SEO ${TARGETS.seo}`)
  return { rows, notes, failed }
}
