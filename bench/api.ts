/**
 * Partner REST as partners call it: GET /api/statements?limit=20&depth=1 with a partner key, the
 * app server pinned to one core (taskset), against a bare Node server sending the same bytes on
 * that same core in the same run. Targets (issue 12): served from the response cache without
 * entering Next or the database on repeat requests (`x-daleel-api-cache: HIT`), ≥ 0.25× the bare
 * server at 10 concurrent, p99 < 25 ms at 10 concurrent; the key check and the rate limit still
 * apply to cached answers (a wrong key gets 401, the remaining count goes down); fresh on the
 * next request after a publish. The 50-concurrent row has no target.
 */
import { execFileSync } from 'node:child_process'

import { bareServer } from './bare'
import { load } from './load'
import { getSite } from './site'
import type { BenchContext, BenchResult } from './types'

export const title = 'REST: GET /api/statements?limit=20&depth=1 (partner key), server on one core'

const TARGET_RATIO = 0.25
const TARGET_P99_AT_10 = 25
const CORE = 0

/** Pin every thread of a process to one core (undo with `all`). */
function pin(pid: number, cpus: string) {
  execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' })
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const site = await getSite(ctx)
  const seconds = ctx.quick ? 3 : 10
  const runs = ctx.quick ? 1 : 3
  const url = `${site.url}/api/statements?limit=20&depth=1`
  const headers = { authorization: `partner-keys API-Key ${site.partnerKey}` }
  const notes: string[] = []

  // First request: through Next and the gateway (it fills the cache); the second: from the cache.
  const first = await fetch(url, { headers })
  if (first.status !== 200) throw new Error(`REST list answered ${first.status}: ${await first.text()}`)
  await first.arrayBuffer()
  const second = await fetch(url, { headers: { ...headers, 'accept-encoding': 'identity' } })
  const body = Buffer.from(await second.arrayBuffer())
  const fromCache = second.headers.get('x-daleel-api-cache') === 'HIT'
  const remaining = (r: Response) => Number(r.headers.get('ratelimit-remaining'))
  const third = await fetch(url, { headers })
  await third.arrayBuffer()
  const counted = remaining(third) < remaining(second)
  const wrongKey = await fetch(url, { headers: { authorization: 'partner-keys API-Key dlk_not-a-real-key' } })
  await wrongKey.arrayBuffer()
  notes.push(
    `${body.length} bytes per response; repeat request answered from the cache without Next or the database: ${fromCache ? 'yes' : 'NO'}; ` +
      `rate limit counted on cached answers: ${counted ? 'yes' : 'NO'}; a wrong key on the same URL: ${wrongKey.status}`,
  )

  const rows: Record<string, string | number>[] = []
  let failed = !fromCache || !counted || wrongKey.status !== 401
  const bare = await bareServer(ctx.workDir, body, second.headers.get('content-type') || 'application/json; charset=utf-8', { cpu: CORE })
  pin(site.serverPid, String(CORE))
  try {
    const bare10 = await load(bare.url, 10, seconds, runs)
    const app10 = await load(url, 10, seconds, runs, headers)
    const app50 = await load(url, 50, seconds, runs, headers)
    const ratio = app10.rps / bare10.rps
    const ok = ratio >= TARGET_RATIO && app10.p99 < TARGET_P99_AT_10 && !app10.errors && !app10.non2xx
    if (!ok || app50.errors || app50.non2xx) failed = true
    rows.push(
      {
        concurrent: 10,
        'bare req/s': Math.round(bare10.rps),
        'app req/s': Math.round(app10.rps),
        ratio: ratio.toFixed(2),
        'p50 ms': app10.p50,
        'p99 ms': app10.p99,
        'errors/non-2xx': app10.errors + app10.non2xx,
        target: `ratio ≥ ${TARGET_RATIO}, p99 < ${TARGET_P99_AT_10} ms: ${ok ? 'met' : 'MISSED'}`,
      },
      {
        concurrent: 50,
        'bare req/s': '',
        'app req/s': Math.round(app50.rps),
        ratio: '',
        'p50 ms': app50.p50,
        'p99 ms': app50.p99,
        'errors/non-2xx': app50.errors + app50.non2xx,
        target: app50.errors + app50.non2xx ? 'ERRORS' : 'no errors',
      },
    )
  } finally {
    bare.stop()
    pin(site.serverPid, '0-1023')
  }

  // Fresh after a publish: change a listed statement's title, then ask again.
  const listed = JSON.parse(body.toString('utf8')).docs[0] as { id: number | string }
  const newTitle = `Partner freshness check ${Date.now()}`
  const saved = await fetch(`${site.url}/api/statements/${listed.id}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${site.adminToken}` },
    body: JSON.stringify({ title: newTitle, _status: 'published' }),
  })
  if (saved.status !== 200) throw new Error(`publishing answered ${saved.status}`)
  const after = await (await fetch(url, { headers })).text()
  const fresh = after.includes(newTitle)
  if (!fresh) failed = true
  notes.push(`fresh on the next request after a publish: ${fresh ? 'yes' : 'NO'}`)
  return { rows, notes, failed }
}
