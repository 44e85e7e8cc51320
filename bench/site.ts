/**
 * The production site the server-side bench sections measure, made once per `npm run bench` and
 * shared by them: a throwaway SQLite database seeded with the demo content plus bulk copies
 * (1,000 statements, 100 programs, 100 campaigns, 200 images; issue 7), then `next build` (timed,
 * with the peak memory of its whole process tree) and the production server, server.mjs as
 * `npm start` runs it (timed from spawn to the first served page). Loopback only.
 *
 * The bulk copies repeat the demo statement, programme and campaign with numbered titles: they give
 * realistic page weight and database size without inventing any content.
 *
 * Note: `next build` writes the repository's `.next` folder, as `npm run build` does.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import net from 'node:net'
import { performance } from 'node:perf_hooks'
import type { Payload } from 'payload'
import sharp from 'sharp'

import type { BenchContext } from './types'

export type Site = {
  url: string
  /** Slugs to measure: the demo statement (full content, both languages) and a bulk copy. */
  statementSlug: string
  copySlug: string
  copyId: number | string
  adminToken: string
  partnerKey: string
  counts: Record<string, number>
  populateMs: number
  buildMs: number
  buildPeakMb: number
  coldStartMs: number
  /** The server process (the api section pins it to one core). */
  serverPid: number
  stop: () => Promise<void>
}

const ADMIN = { email: 'bench-admin@daleel.test', password: 'bench-only-password-1234567890' }

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

/** Resident memory (MB) of a process and all its descendants, from /proc (Linux). */
export function treeRssMb(rootPid: number): number {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      const list = children.get(ppid) ?? []
      list.push(Number(entry))
      children.set(ppid, list)
    } catch {
      /* gone */
    }
  }
  let kb = 0
  const stack = [rootPid]
  while (stack.length) {
    const pid = stack.pop()!
    try {
      const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)\s+kB/m)
      if (m) kb += Number(m[1])
    } catch {
      /* gone */
    }
    stack.push(...(children.get(pid) ?? []))
  }
  return kb / 1024
}

export function serverEnv(url: string, dbUri: string, mediaDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URI: dbUri,
    MEDIA_DIR: mediaDir,
    SERVER_URL: url,
    NEXT_TELEMETRY_DISABLED: '1',
    DALEEL_JOBS: 'off',
    // Measure the API, not the limiter: the limiter still counts every request.
    API_RATE_LIMIT_PARTNER: '100000000',
    API_RATE_LIMIT_ANONYMOUS: '100000000',
    SEARCH_RATE_LIMIT: '100000000',
    API_RATE_LIMIT_LOGIN: '1000',
  }
}

/** Run a command to completion, sampling the memory of its process tree every 100 ms. */
function runMeasured(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    const log: string[] = []
    child.stdout!.on('data', (d) => log.push(String(d)))
    child.stderr!.on('data', (d) => log.push(String(d)))
    let peakMb = 0
    const timer = setInterval(() => {
      peakMb = Math.max(peakMb, treeRssMb(child.pid!))
    }, 100)
    child.on('exit', (code) => {
      clearInterval(timer)
      if (code === 0) resolve({ ms: performance.now() - start, peakMb })
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${code}):\n${log.join('').slice(-4000)}`))
    })
  })
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      child.kill('SIGTERM')
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        /* gone */
      }
    }, 10_000).unref()
  })
}

async function photo(i: number): Promise<Buffer> {
  const hue = (i * 37) % 255
  return sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: hue, g: 90, b: 255 - hue } } })
    .jpeg({ quality: 80 })
    .toBuffer()
}

/** Array rows without their ids (a copy gets new rows); rich text and other values unchanged. */
function withoutRowIds(value: unknown): unknown {
  if (!Array.isArray(value)) return value
  return value.map((row) => {
    if (!row || typeof row !== 'object') return row
    const { id: _id, ...rest } = row as Record<string, unknown>
    return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, withoutRowIds(v)]))
  })
}

/** Strip what Payload sets itself, so a read document can be created again as a copy. */
function copyOf(doc: Record<string, any>): Record<string, any> {
  const { id: _id, createdAt: _c, updatedAt: _u, slug: _s, publishing: _p, reviewState: _r, changeHistory: _h, ...rest } = doc
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, withoutRowIds(v)]))
}

async function populate(payload: Payload, ctx: BenchContext): Promise<{ counts: Record<string, number>; statementSlug: string; copySlug: string; copyId: number | string }> {
  process.env.ADMIN_EMAIL = ADMIN.email
  process.env.ADMIN_PASSWORD = ADMIN.password
  const { seed } = await import('../seed')
  await seed(payload)
  const base = { overrideAccess: true, context: { seeding: true, disableWebhooks: true }, depth: 0 } as const
  const scale = ctx.quick ? 0.1 : 1
  const want = { statements: 1000 * scale, programs: 100 * scale, campaigns: 100 * scale, media: 200 * scale }

  const first = async (collection: 'statements' | 'programs' | 'campaigns') =>
    (await payload.find({ ...base, collection, limit: 1, where: { _status: { equals: 'published' } } })).docs[0] as Record<string, any>
  const statement = await first('statements')

  let copySlug = ''
  let copyId: number | string = ''
  for (const collection of ['statements', 'programs', 'campaigns'] as const) {
    const doc = await first(collection)
    const have = (await payload.count({ collection, overrideAccess: true })).totalDocs
    for (let i = have; i < want[collection]; i++) {
      const title = `${doc.title} (benchmark copy ${i})`
      const created = await payload.create({ ...base, collection, data: { ...copyOf(doc), title, _status: 'published' } as any })
      if (collection === 'statements' && !copySlug) {
        copySlug = (created as any).slug
        copyId = created.id
      }
    }
  }
  for (let i = (await payload.count({ collection: 'media', overrideAccess: true })).totalDocs; i < want.media; i++) {
    const data = await photo(i)
    await payload.create({
      ...base,
      collection: 'media',
      data: { alt: `Benchmark picture ${i}`, public: true } as any,
      file: { data, mimetype: 'image/jpeg', name: `bench-${i}.jpg`, size: data.length },
    })
  }
  const counts: Record<string, number> = {}
  for (const collection of ['statements', 'programs', 'campaigns', 'media'] as const) {
    counts[collection] = (await payload.count({ collection, overrideAccess: true })).totalDocs
  }
  return { counts, statementSlug: statement.slug, copySlug, copyId }
}

let site: Promise<Site> | null = null

/** The seeded, built and started site (made on first call). */
export function getSite(ctx: BenchContext): Promise<Site> {
  site ??= makeSite(ctx)
  return site
}

async function makeSite(ctx: BenchContext): Promise<Site> {
  const payload = ctx.payload!
  const dbUri = process.env.DATABASE_URI!
  const mediaDir = process.env.MEDIA_DIR!
  const t0 = performance.now()
  console.log('… populating the bench database')
  const populated = await populate(payload, ctx)
  const populateMs = performance.now() - t0

  const port = await freePort()
  const url = `http://localhost:${port}`
  const env = serverEnv(url, dbUri, mediaDir)
  console.log('… next build')
  const build = await runMeasured('node_modules/.bin/next', ['build'], env)

  console.log('… starting the production server (server.mjs, as `npm start` does)')
  const startAt = performance.now()
  const child = spawn('node', ['server.mjs'], { env: { ...env, PORT: String(port) }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  const log: string[] = []
  child.stdout!.on('data', (d) => log.push(String(d)))
  child.stderr!.on('data', (d) => log.push(String(d)))
  let coldStartMs = 0
  while (!coldStartMs) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${log.join('')}`)
    if (performance.now() - startAt > 120_000) throw new Error(`the server did not serve / within 2 minutes:\n${log.join('')}`)
    try {
      const res = await fetch(`${url}/`)
      if (res.status === 200) coldStartMs = performance.now() - startAt
    } catch {
      await new Promise((r) => setTimeout(r, 25))
    }
  }

  const login = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  })
  if (login.status !== 200) throw new Error(`bench admin login failed: ${login.status} ${await login.text()}`)
  const adminToken = ((await login.json()) as { token: string }).token
  const key = (await payload.create({
    collection: 'partner-keys',
    overrideAccess: true,
    data: { organisation: 'Benchmark', contactEmail: 'bench@daleel.test' } as any,
  })) as unknown as { key: string }
  if (!key.key) throw new Error('creating a partner key did not return the key')

  return {
    url,
    ...populated,
    adminToken,
    partnerKey: key.key,
    populateMs,
    buildMs: build.ms,
    buildPeakMb: build.peakMb,
    coldStartMs,
    serverPid: child.pid!,
    stop: () => stopChild(child),
  }
}

/** Stop the server if one was started (called once at the end of the bench). */
export async function stopSite(): Promise<void> {
  if (!site) return
  try {
    await (await site).stop()
  } catch {
    /* it failed to start: nothing to stop */
  }
}
