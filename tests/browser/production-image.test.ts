/**
 * The production image boots. No Docker engine runs here, so this reproduces the image without one:
 * the Dockerfile's runtime stage is assembled file for file from the Dockerfile itself
 * (tests/helpers/dockerfile.ts), out of the standalone build that scripts/test-browser.mjs made with
 * the same scripts/build.mjs the image's build stage runs. Its CMD then runs, on the Node.js major
 * the image's FROM names, with only the image's ENV (nothing from this machine's environment),
 * against an empty SQLite file and an empty media folder, with the demo content (docker-compose's
 * default). A file the server or its start-up steps import but the image lacks fails here.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { assembleRuntime, type Runtime } from '../helpers/dockerfile'
import { nodeBinary } from '../helpers/nodeRelease'
import { freePort } from '../helpers/redis'

const root = process.cwd()
let tmp: string
let runtime: Runtime
let child: ChildProcess
let base: string
const log: string[] = []
let exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'daleel-image-'))
  const fsRoot = path.join(tmp, 'root')
  runtime = assembleRuntime(root, fsRoot)
  // Nothing above the tree may hold packages: the image has none there.
  for (let dir = path.dirname(runtime.workdir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    expect(existsSync(path.join(dir, 'node_modules'))).toBe(false)
  }
  const node = nodeBinary(runtime.nodeMajor, root)
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  const dbFile = path.join(tmp, 'empty.db')
  writeFileSync(dbFile, '')
  const media = path.join(tmp, 'media')
  // The image's ENV, with its paths made host paths, then what docker-compose passes.
  const imageEnv = Object.fromEntries(Object.entries(runtime.env).map(([k, v]) => [k, v.startsWith('/') ? runtime.host(v) : v]))
  const env = {
    PATH: `${path.dirname(node.bin)}:/usr/bin:/bin`,
    HOME: runtime.workdir,
    ...imageEnv,
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    DATABASE_URI: `file:${dbFile}`,
    MEDIA_DIR: media,
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    SERVER_URL: base,
    SEED_DEMO: 'true',
  }
  child = spawn(runtime.cmd[0], runtime.cmd.slice(1), { cwd: runtime.workdir, env: env as unknown as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.on('data', (d) => log.push(String(d)))
  child.stderr!.on('data', (d) => log.push(String(d)))
  exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  const deadline = Date.now() + 240_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the image's CMD exited (${child.exitCode}) on Node ${node.version}:\n${log.join('')}`)
    if (Date.now() > deadline) throw new Error(`the image did not answer within 240 s:\n${log.join('')}`)
    try {
      if ((await fetch(`${base}/api/health`)).status < 500) break
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500))
  }
}, 300_000)

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL')
    await exit
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

test('the runtime stage holds only the Dockerfile\'s copies: compiled entry points and packages, no project sources', () => {
  const top = readdirSync(runtime.workdir).sort()
  for (const f of ['docker-entrypoint.sh', 'server.mjs', 'prepare-db.mjs', 'check-secret.mjs', 'node_modules', '.next']) expect(top).toContain(f)
  for (const source of ['collections', 'payload.config.ts', 'seed', 'tests', 'test-results', 'docs', '.env']) expect(top).not.toContain(source)
  // No database from the machine that built it (the build seeds one under data/).
  const data = path.join(runtime.workdir, 'data')
  expect(existsSync(data) ? readdirSync(data, { recursive: true }).map(String).filter((f) => /\.db(-wal|-shm|-journal)?$/.test(f)) : []).toEqual([])
  // Development-only packages (test tools, linters) are not in the image. (TypeScript and tsx are:
  // Payload's GraphQL package depends on them, so `npm ci --omit=dev` installs them too.)
  for (const dev of ['jest', 'eslint', 'fast-check', 'playwright-core', 'lighthouse']) expect(existsSync(path.join(runtime.workdir, 'node_modules', dev))).toBe(false)
})

test('it answers 200 on /, /api/health and /admin after migrating and seeding an empty database', async () => {
  const home = await fetch(`${base}/`)
  expect(home.status).toBe(200)
  expect(await home.text()).toContain('<html')
  const health = await fetch(`${base}/api/health`)
  expect(health.status).toBe(200)
  expect(await health.json()).toMatchObject({ status: 'ok' })
  const admin = await fetch(`${base}/admin`)
  expect(admin.status).toBe(200)
  expect(admin.url).toMatch(/\/admin(\/login)?$/)
  expect(log.join('')).toMatch(/Loaded the demo content/)
})

test('SIGTERM stops it cleanly', async () => {
  child.kill('SIGTERM')
  const result = await Promise.race([exit, new Promise<null>((r) => setTimeout(() => r(null), 30_000))])
  expect(result).not.toBeNull()
  // server.mjs exits 143 after closing the server and Payload (the shell exec'd it, so it got the signal itself).
  expect(result).toEqual({ code: 143, signal: null })
  expect(log.join('')).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find module|Unhandled/)
})
