/**
 * REST list as partners call it: GET /api/statements?limit=20&depth=1 with a partner key, at 10
 * and 50 concurrent (target p99 < 50 ms at 10). Issue 7, figure 2.
 */
import { load } from './load'
import { getSite } from './site'
import type { BenchContext, BenchResult } from './types'

export const title = 'REST: GET /api/statements?limit=20&depth=1 (partner key)'

const TARGET_P99_AT_10 = 50

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const site = await getSite(ctx)
  const seconds = ctx.quick ? 3 : 10
  const runs = ctx.quick ? 1 : 3
  const url = `${site.url}/api/statements?limit=20&depth=1`
  const headers = { authorization: `partner-keys API-Key ${site.partnerKey}` }
  const probe = await fetch(url, { headers })
  if (probe.status !== 200) throw new Error(`REST list answered ${probe.status}: ${await probe.text()}`)
  const body = (await probe.json()) as { docs: unknown[]; totalDocs: number }
  const rows: Record<string, string | number>[] = []
  let failed = false
  for (const connections of [10, 50]) {
    const r = await load(url, connections, seconds, runs, headers)
    const ok = (connections !== 10 || r.p99 < TARGET_P99_AT_10) && !r.errors && !r.non2xx
    if (!ok) failed = true
    rows.push({
      concurrent: connections,
      'req/s': Math.round(r.rps),
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      'errors/non-2xx': r.errors + r.non2xx,
      target: connections === 10 ? `p99 < ${TARGET_P99_AT_10} ms: ${ok ? 'met' : 'MISSED'}` : ok ? 'no errors' : 'ERRORS',
    })
  }
  return { rows, notes: [`${body.docs.length} of ${body.totalDocs} statements per response`], failed }
}
