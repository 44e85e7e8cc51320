// `npm run test:browser` (and step 2 of `npm test`): browser tests against the real thing.
//   1. a fresh database, data/browser-test.db, migrated and seeded by `npm run build` (which then
//      runs the production `next build`), with an admin account the tests know;
//   2. the production server (server.mjs, as `npm start` runs it) on port 3100 on that database;
//   3. Jest's browser project (Playwright driving Debian's Chromium), results as JSON to --outputFile;
//   4. the server is always stopped, whatever happened.
// Usage: node scripts/test-browser.mjs [--outputFile=test-results/jest-browser.json] [--skip-build] [jest args…]
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'

import { ensureSystemPackages } from './system-packages.mjs'

const root = process.cwd()
const args = process.argv.slice(2)
const outputArg = args.find((a) => a.startsWith('--outputFile='))
const outputFile = outputArg ? outputArg.slice('--outputFile='.length) : path.join(root, 'test-results', 'jest-browser.json')
const skipBuild = args.includes('--skip-build') // reuse the last build and database (local iteration only)
const jestExtra = args.filter((a) => a !== outputArg && a !== '--skip-build')

const PORT = Number(process.env.BROWSER_TEST_PORT || 3100)
const BASE_URL = `http://localhost:${PORT}`
const dbFile = path.join(root, 'data', 'browser-test.db')
const mediaDir = path.join(root, 'test-results', 'browser-media')

// Known to the tests (they log in to the admin with it); created by the seed before anything else.
const env = {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URI: `file:${dbFile}`,
  MEDIA_DIR: mediaDir,
  PAYLOAD_SECRET: process.env.BROWSER_TEST_SECRET || randomBytes(32).toString('hex'),
  ADMIN_EMAIL: process.env.BROWSER_ADMIN_EMAIL || 'browser-admin@daleel.test',
  ADMIN_PASSWORD: process.env.BROWSER_ADMIN_PASSWORD || 'Browser-test-password-42!',
  SERVER_URL: BASE_URL,
  PORT: String(PORT),
  BASE_URL,
  NEXT_TELEMETRY_DISABLED: '1',
  // The production image's build (scripts/build.mjs with standalone output): the image test
  // (tests/browser/production-image.test.ts) assembles the image from it instead of building twice.
  NEXT_OUTPUT: 'standalone',
}
delete env.NEXT_PUBLIC_SERVER_URL

function run(command, argv, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, argv, { stdio: 'inherit', env, ...options })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

let server = null
function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => resolve()
    server.once('exit', done)
    try {
      process.kill(-server.pid, 'SIGTERM') // the whole group, in case the server started helpers
    } catch {
      server.kill('SIGTERM')
    }
    setTimeout(() => {
      try {
        process.kill(-server.pid, 'SIGKILL')
      } catch {
        /* already gone */
      }
      resolve()
    }, 5000).unref()
  })
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await stopServer()
    process.exit(130)
  })
}

async function waitForServer(timeoutMs = 120_000) {
  const start = Date.now()
  while (Date.now() - start < timeoutMs) {
    if (server.exitCode !== null) throw new Error(`the production server exited early (code ${server.exitCode}).`)
    try {
      const res = await fetch(`${BASE_URL}/`, { redirect: 'manual' })
      if (res.status < 500) return
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`The server did not answer on ${BASE_URL} within ${timeoutMs / 1000} s.`)
}

async function main() {
  // Chromium and the other system packages (npm test has done this already; test:browser alone has not).
  if (!ensureSystemPackages({ label: 'npm run test:browser' })) return 1
  mkdirSync(path.dirname(outputFile), { recursive: true })
  mkdirSync(path.join(root, 'data'), { recursive: true })

  if (!skipBuild) {
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`]) rmSync(f, { force: true })
    rmSync(mediaDir, { recursive: true, force: true })
    console.log('Browser tests: migrating, seeding and building (next build)…')
    const built = await run('node', ['scripts/build.mjs'])
    if (built !== 0) {
      console.error('Browser tests: the build failed; no tests ran.')
      return built
    }
  }

  console.log(`Browser tests: starting the production server on ${BASE_URL}…`)
  server = spawn('node', ['server.mjs'], { env, stdio: 'inherit', detached: true })
  try {
    await waitForServer()
    console.log('Browser tests: server ready; running Jest (browser project).')
    return await run('node', [
      '--experimental-vm-modules',
      'node_modules/jest/bin/jest.js',
      '--forceExit',
      '--runInBand',
      // A real browser against a production server: page loads and admin saves take seconds.
      '--testTimeout=90000',
      '--selectProjects',
      'browser',
      '--json',
      `--outputFile=${outputFile}`,
      ...jestExtra,
    ])
  } finally {
    await stopServer()
  }
}

let code = 1
try {
  code = await main()
} catch (error) {
  console.error(`Browser tests: ${error instanceof Error ? error.message : error}`)
  await stopServer()
}
process.exit(code)
