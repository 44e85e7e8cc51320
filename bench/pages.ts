/**
 * Cached statement page: requests per second as a ratio of a bare Node `http` server sending the
 * same HTML bytes in the same run (target ≥ 0.3), and p99 latency at 50 concurrent (target
 * < 100 ms). Issue 7, figure 1. Both servers are separate processes; the client is this one.
 */
import { bareServer } from './bare'
import { load } from './load'
import { getSite } from './site'
import type { BenchContext, BenchResult } from './types'

export const title = 'Cached statement page vs bare Node http (same bytes)'

const TARGET_RATIO = 0.3
const TARGET_P99_MS = 100

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const site = await getSite(ctx)
  const seconds = ctx.quick ? 3 : 10
  const runs = ctx.quick ? 1 : 3
  const rows: Record<string, string | number>[] = []
  const notes: string[] = []
  let failed = false
  for (const pagePath of [`/statements/${site.statementSlug}`, `/ur/statements/${site.statementSlug}`]) {
    const url = `${site.url}${pagePath}`
    // Same request autocannon makes (no Accept-Encoding), twice: the first may render and cache.
    let res = await fetch(url, { headers: { 'accept-encoding': 'identity' } })
    res = await fetch(url, { headers: { 'accept-encoding': 'identity' } })
    if (res.status !== 200) throw new Error(`${pagePath} answered ${res.status}`)
    const body = Buffer.from(await res.arrayBuffer())
    notes.push(`${pagePath}: ${body.length} bytes, x-nextjs-cache: ${res.headers.get('x-nextjs-cache') ?? '(none)'}`)
    const bare = await bareServer(ctx.workDir, body, res.headers.get('content-type') || 'text/html; charset=utf-8')
    try {
      const bare10 = await load(bare.url, 10, seconds, runs)
      const app10 = await load(url, 10, seconds, runs)
      const app50 = await load(url, 50, seconds, runs)
      const ratio = app10.rps / bare10.rps
      const ok = ratio >= TARGET_RATIO && app50.p99 < TARGET_P99_MS && !app10.errors && !app10.non2xx && !app50.errors && !app50.non2xx
      if (!ok) failed = true
      rows.push({
        page: pagePath.startsWith('/ur') ? 'statement (ur)' : 'statement (en)',
        'bare req/s @10': Math.round(bare10.rps),
        'app req/s @10': Math.round(app10.rps),
        ratio: ratio.toFixed(2),
        'p50 @10 ms': app10.p50,
        'p99 @50 ms': app50.p99,
        'req/s @50': Math.round(app50.rps),
        'errors/non-2xx': app10.errors + app50.errors + app10.non2xx + app50.non2xx,
        target: `ratio ≥ ${TARGET_RATIO}, p99 < ${TARGET_P99_MS} ms: ${ok ? 'met' : 'MISSED'}`,
      })
    } finally {
      bare.stop()
    }
  }
  return { rows, notes, failed }
}
