/**
 * `npm run bench`: measures what matters for speed and memory on this machine, section by
 * section, and prints one table per section. Not part of `npm test` (timings vary with load).
 * Sections: media (upload to all sizes), then, on one seeded production build shared by the rest
 * (bench/site.ts): build (build time, peak memory, cold start), pages (cached page vs bare Node),
 * api (REST list), publish (publish to fresh page), weight (JavaScript sent), lighthouse, search
 * (10,000 generated statements: index rebuild, 20 queries at 10 concurrent).
 * `--quick` shrinks the content and the runs, for trying the bench itself; figures for
 * docs/performance.md come from a full run. Exit status 1 when a target is missed.
 *
 * Each section is a module in bench/ exporting `run(ctx)` that returns rows; add a new one to
 * `sections` below. `npm run bench -- media` runs only the named sections.
 *
 * The benchmark uses its own throwaway SQLite database and media folder: it never touches a
 * developer's data.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { BenchContext, BenchSection } from './types'

const work = mkdtempSync(path.join(os.tmpdir(), 'daleel-bench-'))
process.env.DATABASE_URI = `file:${path.join(work, 'bench.db')}`
process.env.MEDIA_DIR = path.join(work, 'media')
process.env.PAYLOAD_SECRET ||= 'bench-only-secret-0123456789abcdef0123456789'
process.env.DALEEL_JOBS = 'off'
process.env.S3_BUCKET = '' // always local disk: we measure processing, not the network

// In this order: media runs before the site's server starts, so nothing else uses the CPU.
const sections: Record<string, () => Promise<BenchSection>> = {
  media: () => import('./media'),
  build: () => import('./build'),
  pages: () => import('./pages'),
  api: () => import('./api'),
  publish: () => import('./publish'),
  weight: () => import('./weight'),
  lighthouse: () => import('./lighthouse'),
  // Last: it adds 10,000 statements to the site the sections above measure.
  search: () => import('./search'),
}

function table(rows: Record<string, string | number>[]): string {
  if (!rows.length) return '(no rows)'
  const cols = Object.keys(rows[0])
  const cell = (v: unknown) => (typeof v === 'number' ? String(Math.round(v * 10) / 10) : String(v))
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)))
  const line = (vals: string[]) => `| ${vals.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`
  return [line(cols), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map((r) => line(cols.map((c) => cell(r[c]))))].join('\n')
}

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const ctx: BenchContext = { workDir: work, quick: process.argv.includes('--quick') }
let failed = false
try {
  const { default: config } = await import('../payload.config')
  const { getPayload } = await import('payload')
  const { migrateDatabase } = await import('../platform/migrate')
  ctx.payload = await getPayload({ config })
  await migrateDatabase(ctx.payload)
  for (const [name, load] of Object.entries(sections)) {
    if (wanted.length && !wanted.includes(name)) continue
    const section = await load()
    console.log(`\n## ${section.title}\n`)
    const result = await section.run(ctx)
    console.log(table(result.rows))
    for (const note of result.notes ?? []) console.log(note)
    if (result.failed) failed = true
  }
} finally {
  const { stopSite } = await import('./site')
  await stopSite()
  rmSync(work, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
