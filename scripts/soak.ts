/**
 * `npm run soak -- [--url http://127.0.0.1:3000] [--minutes 3] [--concurrency 8] [--max-requests 200000]
 *                  [--pid <server pid>] [--email … --password …]`
 *
 * Sustained load against a RUNNING server (`npm run build && npm start`) for a bounded time:
 * public pages (both languages), REST lists, and uploads (then deletes) of small images. Reports
 * errors (must be zero) and the server's memory over time (must level off). Loopback only: it
 * refuses any other host. Stops by itself after --minutes or --max-requests, whichever comes first.
 * Not part of `npm test` (it takes minutes); see docs/deployment.md.
 *
 * Memory is the server process's RSS from /proc/<pid>/status. The pid is found from the process
 * listening on the URL's port (or given with --pid).
 * Uploads and REST lists need a staff login (--email/--password or SOAK_EMAIL/SOAK_PASSWORD):
 * anonymous API callers are rate-limited by design, and 429s would only measure the limiter.
 */
import { readFileSync, readdirSync, readlinkSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import sharp from 'sharp'

type Kind = 'page' | 'api' | 'upload'
type Sample = { at: number; rssMb: number; requests: number }

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}

const base = new URL(arg('url', process.env.SOAK_URL || 'http://127.0.0.1:3000')!)
const minutes = Number(arg('minutes', '3'))
const concurrency = Number(arg('concurrency', '8'))
const maxRequests = Number(arg('max-requests', '200000'))
const email = arg('email', process.env.SOAK_EMAIL)
const password = arg('password', process.env.SOAK_PASSWORD)
const sampleEveryMs = 5000

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])
if (!LOOPBACK.has(base.hostname)) {
  console.error(`Refusing to soak ${base.host}: this script only drives a server on this machine (localhost / 127.0.0.1 / ::1).`)
  process.exit(2)
}
if (!(minutes > 0 && minutes <= 60) || !(concurrency >= 1 && concurrency <= 64)) {
  console.error('--minutes must be between 0 and 60 and --concurrency between 1 and 64.')
  process.exit(2)
}

/** The pid of the process listening on a local TCP port, via /proc (Linux). */
function pidListeningOn(port: number): number | null {
  const inodes = new Set<string>()
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = ''
    try {
      text = readFileSync(table, 'utf8')
    } catch {
      continue
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/)
      if (cols.length < 10) continue
      const localPort = parseInt(cols[1].split(':')[1], 16)
      if (localPort === port && cols[3] === '0A') inodes.add(cols[9]) // 0A = LISTEN
    }
  }
  if (inodes.size === 0) return null
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      for (const fd of readdirSync(`/proc/${entry}/fd`)) {
        const link = readlinkSync(`/proc/${entry}/fd/${fd}`)
        const m = link.match(/^socket:\[(\d+)\]$/)
        if (m && inodes.has(m[1])) return Number(entry)
      }
    } catch {
      /* not ours to read, or gone */
    }
  }
  return null
}

function rssMb(pid: number): number | null {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)\s+kB/m)
    return m ? Math.round(Number(m[1]) / 1024) : null
  } catch {
    return null
  }
}

const port = Number(base.port || (base.protocol === 'https:' ? 443 : 80))
const pid = arg('pid') ? Number(arg('pid')) : pidListeningOn(port)

async function login(): Promise<string | null> {
  if (!email || !password) return null
  const res = await fetch(new URL('/api/users/login', base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200) throw new Error(`Login as ${email} failed: ${res.status}`)
  return ((await res.json()) as { token: string }).token
}

/** Public pages to visit: the fixed ones plus documents the PUBLIC can see (asked anonymously). */
async function discoverPages(): Promise<string[]> {
  const pages = ['/', '/ur', '/statements', '/ur/statements', '/programs', '/campaigns', '/topics', '/people', '/contact', '/search?q=trafficking']
  for (const [collection, prefix] of [
    ['statements', '/statements/'],
    ['programs', '/programs/'],
    ['campaigns', '/campaigns/'],
    ['topics', '/topics/'],
  ] as const) {
    try {
      const res = await fetch(new URL(`/api/${collection}?limit=10&depth=0&select[slug]=true`, base))
      const body = (await res.json()) as { docs?: Array<{ slug?: string }> }
      for (const d of body.docs ?? []) if (d.slug) pages.push(`${prefix}${d.slug}`, `/ur${prefix}${d.slug}`)
    } catch {
      /* the list check below will count it */
    }
  }
  return pages
}

const API_LISTS = [
  '/api/statements?limit=20&depth=1',
  '/api/programs?limit=10&depth=1',
  '/api/campaigns?limit=10&depth=0',
  '/api/topics?limit=50&depth=0',
  '/api/statements?limit=5&depth=0&locale=ur&sort=-deliveredOn',
  '/api/media?limit=10&depth=0',
]

const stats = {
  requests: 0,
  errors: 0,
  rateLimited: 0,
  byKind: { page: [] as number[], api: [] as number[], upload: [] as number[] },
  errorSamples: [] as string[],
}

function record(kind: Kind, ms: number, ok: boolean, what: string) {
  stats.requests += 1
  stats.byKind[kind].push(ms)
  if (!ok) {
    stats.errors += 1
    if (stats.errorSamples.length < 10) stats.errorSamples.push(what)
  }
}

async function timed(kind: Kind, label: string, work: () => Promise<Response>, accept = (s: number) => s < 400) {
  const start = performance.now()
  try {
    const res = await work()
    await res.arrayBuffer()
    if (res.status === 429) {
      stats.rateLimited += 1
      stats.requests += 1
      return res
    }
    record(kind, performance.now() - start, accept(res.status), `${label} → ${res.status}`)
    return res
  } catch (err) {
    record(kind, performance.now() - start, false, `${label} → ${(err as Error).message}`)
    return null
  }
}

let image: Buffer
async function uploadAndDelete(auth: Record<string, string>, n: number) {
  const form = new FormData()
  form.append('_payload', JSON.stringify({ alt: `Soak test image ${n}` }))
  form.append('file', new Blob([new Uint8Array(image)], { type: 'image/jpeg' }), `soak-${n}.jpg`)
  let id: string | number | undefined
  await timed('upload', 'POST /api/media', async () => {
    const res = await fetch(new URL('/api/media', base), { method: 'POST', headers: auth, body: form })
    if (res.status === 201) {
      const body = (await res.clone().json()) as { doc?: { id: string | number } }
      id = body.doc?.id
    }
    return res
  })
  if (id !== undefined) {
    await timed('upload', 'DELETE /api/media/:id', () => fetch(new URL(`/api/media/${id}`, base), { method: 'DELETE', headers: auth }))
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function main() {
  console.log(`Soak: ${base.origin} for ${minutes} min at ${concurrency} concurrent (max ${maxRequests} requests).`)
  console.log(pid ? `Server memory: pid ${pid} (RSS from /proc/${pid}/status).` : 'Server memory: no process found listening on the port (give --pid); memory will not be reported.')
  const token = await login()
  const auth: Record<string, string> = token ? { Authorization: `JWT ${token}` } : {}
  if (!token) console.log('No staff login given: uploads are skipped and API lists run anonymously (429s are counted separately).')
  image = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 40, g: 90, b: 160 } } })
    .jpeg({ quality: 80 })
    .toBuffer()
  const pages = await discoverPages()

  const started = Date.now()
  const deadline = started + minutes * 60_000
  const samples: Sample[] = []
  const sample = () => {
    const rss = pid ? rssMb(pid) : null
    if (rss !== null) samples.push({ at: (Date.now() - started) / 1000, rssMb: rss, requests: stats.requests })
  }
  sample()
  const sampler = setInterval(() => {
    sample()
    const last = samples[samples.length - 1]
    process.stdout.write(
      `  ${Math.round((Date.now() - started) / 1000)} s: ${stats.requests} requests, ${stats.errors} errors${last ? `, RSS ${last.rssMb} MB` : ''}\n`,
    )
  }, sampleEveryMs)

  let n = 0
  const worker = async () => {
    while (Date.now() < deadline && stats.requests < maxRequests) {
      n += 1
      const roll = n % 20
      if (roll === 0 && token) await uploadAndDelete(auth, n)
      else if (roll < 6) {
        const p = API_LISTS[n % API_LISTS.length]
        await timed('api', `GET ${p}`, () => fetch(new URL(p, base), { headers: auth }), (s) => s === 200)
      } else {
        const p = pages[n % pages.length]
        await timed('page', `GET ${p}`, () => fetch(new URL(p, base)), (s) => s === 200)
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  clearInterval(sampler)
  sample()

  const seconds = (Date.now() - started) / 1000
  console.log(`\nDone: ${stats.requests} requests in ${seconds.toFixed(0)} s (${(stats.requests / seconds).toFixed(1)} req/s).`)
  console.log('kind     count     p50 ms   p99 ms')
  for (const kind of ['page', 'api', 'upload'] as const) {
    const v = stats.byKind[kind]
    console.log(`${kind.padEnd(8)} ${String(v.length).padStart(6)} ${percentile(v, 50).toFixed(1).padStart(10)} ${percentile(v, 99).toFixed(1).padStart(8)}`)
  }
  if (stats.rateLimited) console.log(`Rate-limited (429): ${stats.rateLimited} (not counted as errors).`)
  console.log(`Errors: ${stats.errors}`)
  for (const e of stats.errorSamples) console.log(`  ${e}`)

  let memoryVerdict = 'not measured'
  if (samples.length >= 6) {
    console.log('\nServer memory (RSS, MB) over time:')
    const step = Math.max(1, Math.floor(samples.length / 12))
    for (let i = 0; i < samples.length; i += step) console.log(`  ${samples[i].at.toFixed(0).padStart(5)} s  ${samples[i].rssMb} MB`)
    const third = Math.floor(samples.length / 3)
    const mean = (xs: Sample[]) => xs.reduce((s, x) => s + x.rssMb, 0) / xs.length
    const middle = mean(samples.slice(third, 2 * third))
    const last = mean(samples.slice(2 * third))
    const growth = (last - middle) / middle
    memoryVerdict = growth < 0.1 ? `levels off (last third ${last.toFixed(0)} MB vs middle ${middle.toFixed(0)} MB, ${(growth * 100).toFixed(1)}%)` : `STILL GROWING (last third ${last.toFixed(0)} MB vs middle ${middle.toFixed(0)} MB, +${(growth * 100).toFixed(1)}%)`
  }
  console.log(`Memory: ${memoryVerdict}`)
  process.exit(stats.errors === 0 ? 0 : 1)
}

await main()
