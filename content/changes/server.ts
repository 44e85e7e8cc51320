/**
 * The web server this process runs, if any (server.mjs, what `npm start` and the Docker image run).
 * server.mjs puts its handle on globalThis so the app, bundled by Next, can reach the page cache
 * and the refresh machinery of the very process it runs in. Not there: `next dev`, tests and
 * scripts (seed, restore), which forward to a running server instead (freshness.ts).
 */
import type { Staleness } from './subscriber'

const SERVER_HANDLE = Symbol.for('daleel.server')

type ServerHandle = {
  /** Re-render, re-cache and purge exactly these pages here and (through Redis) on every server. */
  refresh(staleness: Staleness): Promise<void>
  /** The app tells the server how to find where an old address now lives (content/changes/subscribers/redirects.ts). */
  setRedirectLookup(lookup: (path: string) => Promise<string | null>, reload: () => Promise<void>): void
  /** The app lets the server answer cached partner-API reads without entering Next (partner-api/fastPath.ts). */
  setApiFastPath(answer: (method: string, url: string, headers: import('node:http').IncomingHttpHeaders) => Promise<{ status: number; headers: Record<string, string>; body: Buffer | null } | null>): void
}

export function serverHandle(): ServerHandle | null {
  return ((globalThis as Record<symbol, unknown>)[SERVER_HANDLE] as ServerHandle | undefined) ?? null
}
