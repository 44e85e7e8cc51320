/**
 * HTTP load for the bench: autocannon over loopback, reported as the median of several runs.
 * autocannon runs in this process; every server it measures runs in its own process, so the
 * client costs the same for each.
 */
// @ts-expect-error autocannon ships no type declarations
import autocannon from 'autocannon'

import { median } from './stats'

export type Load = { rps: number; p50: number; p99: number; non2xx: number; errors: number }

/** `requests`: paths each connection asks for in turn (e.g. several search queries); default: `url` itself. */
export async function loadOnce(url: string, connections: number, seconds: number, headers: Record<string, string> = {}, requests?: Array<{ path: string }>): Promise<Load> {
  const result: any = await autocannon({ url, connections, duration: seconds, headers, ...(requests ? { requests } : {}) })
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

/** Median of `runs` runs for each figure; errors and non-2xx are summed (they must be 0). */
export async function load(url: string, connections: number, seconds: number, runs: number, headers: Record<string, string> = {}, requests?: Array<{ path: string }>): Promise<Load> {
  const all: Load[] = []
  for (let i = 0; i < runs; i++) all.push(await loadOnce(url, connections, seconds, headers, requests))
  return {
    rps: median(all.map((r) => r.rps)),
    p50: median(all.map((r) => r.p50)),
    p99: median(all.map((r) => r.p99)),
    non2xx: all.reduce((n, r) => n + r.non2xx, 0),
    errors: all.reduce((n, r) => n + r.errors, 0),
  }
}
