/**
 * JavaScript a reader downloads: the gzip bytes of every script a public page loads (what a
 * phone on a slow network pays; target < 130 KB for home and a statement), and proof that no admin
 * code reaches public pages. Issue 7, figure 4.
 *
 * The proof: strings that only Payload's admin bundle contains (its editor, form and list
 * components) are looked for in every public script. The same strings are shown to be present in
 * the admin's own scripts, so the check can see them when they are there.
 */
import http from 'node:http'

import { getSite } from './site'
import type { BenchContext, BenchResult } from './types'

export const title = 'JavaScript transferred (gzip) and admin code on public pages'

const TARGET_KB = 130
/** Strings that appear in the admin's JavaScript and have no business in the public site's. */
const ADMIN_MARKERS = ['@payloadcms', 'payload-toast', 'LexicalComposer', 'rs__control', 'field-type', 'collection-edit', 'react-select', 'monaco']

/** Raw response bytes with gzip asked for (fetch would decompress them). */
function rawGet(url: string): Promise<{ status: number; bytes: number; body: Buffer; encoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => {
          const body = Buffer.concat(chunks)
          resolve({ status: res.statusCode ?? 0, bytes: body.length, body, encoding: String(res.headers['content-encoding'] ?? 'none') })
        })
      })
      .on('error', reject)
  })
}

async function scriptsOf(base: string, pagePath: string): Promise<string[]> {
  const html = await (await fetch(`${base}${pagePath}`)).text()
  const srcs = new Set<string>()
  for (const m of html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)) {
    // `nomodule` scripts (Next's polyfills) are skipped by every browser that runs modules.
    if (/\bnomodule\b/i.test(m[1] + m[3])) continue
    srcs.add(m[2].replace(/&amp;/g, '&'))
  }
  return [...srcs]
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const site = await getSite(ctx)
  const pages = ['/', `/statements/${site.statementSlug}`, '/ur', `/ur/statements/${site.statementSlug}`]
  const rows: Record<string, string | number>[] = []
  const publicScripts = new Set<string>()
  let failed = false
  for (const pagePath of pages) {
    const scripts = await scriptsOf(site.url, pagePath)
    let gz = 0
    for (const src of scripts) {
      publicScripts.add(src)
      const res = await rawGet(new URL(src, site.url).toString())
      if (res.status !== 200) throw new Error(`${src} answered ${res.status}`)
      gz += res.bytes
    }
    const kb = gz / 1024
    const ok = kb < TARGET_KB
    if (!ok) failed = true
    rows.push({ page: pagePath.replace(site.statementSlug, '<statement>'), scripts: scripts.length, 'JS gzip KB': kb.toFixed(1), target: `< ${TARGET_KB} KB: ${ok ? 'met' : 'MISSED'}` })
  }

  const textOf = async (src: string) => (await fetch(new URL(src, site.url))).text()
  const inPublic = new Set<string>()
  for (const src of publicScripts) {
    const text = await textOf(src)
    for (const marker of ADMIN_MARKERS) if (text.includes(marker)) inPublic.add(`${marker} in ${src}`)
  }
  const adminScripts = await scriptsOf(site.url, '/admin/login')
  const inAdmin = new Set<string>()
  for (const src of adminScripts) {
    const text = await textOf(src)
    for (const marker of ADMIN_MARKERS) if (text.includes(marker)) inAdmin.add(marker)
  }
  const shared = adminScripts.filter((s) => publicScripts.has(s)).length
  const proof = inPublic.size === 0 && inAdmin.size > 0
  if (!proof) failed = true
  rows.push({
    page: 'admin code on public pages',
    scripts: `${shared} of ${adminScripts.length} admin scripts shared`,
    'JS gzip KB': '',
    target: proof
      ? `none: 0 of ${inAdmin.size} admin markers (${[...inAdmin].join(', ')}) found`
      : inAdmin.size === 0
        ? 'UNPROVEN: no marker found in the admin scripts either'
        : `FOUND: ${[...inPublic].join('; ')}`,
  })
  return { rows, failed }
}
