import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ensureDevSecret } from '../../scripts/ensure-env.mjs'

const root = process.cwd()

function startWith(env: Record<string, string | undefined>) {
  const clean = { ...process.env, ...env }
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete clean[k]
  // Run from an empty folder so a developer's own .env cannot supply a secret.
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'daleel-start-'))
  return spawnSync('node', [path.join(root, 'scripts/start.mjs')], { cwd, env: clean, encoding: 'utf8', timeout: 20000 })
}

test('npm start refuses to run in production without PAYLOAD_SECRET and says why', () => {
  const result = startWith({ PAYLOAD_SECRET: undefined })
  expect(result.status).toBe(1)
  expect(result.stderr).toMatch(/Refusing to start in production: PAYLOAD_SECRET is not set/)
})

test('npm start refuses a short or placeholder secret', () => {
  expect(startWith({ PAYLOAD_SECRET: 'change-me' }).stderr).toMatch(/PAYLOAD_SECRET is not set/)
  const short = startWith({ PAYLOAD_SECRET: 'abc123' })
  expect(short.status).toBe(1)
  expect(short.stderr).toMatch(/too short/)
})

describe('development secret', () => {
  const saved = process.env.PAYLOAD_SECRET
  afterEach(() => {
    if (saved === undefined) delete process.env.PAYLOAD_SECRET
    else process.env.PAYLOAD_SECRET = saved
  })

  test('is generated into .env on first run and reused afterwards', () => {
    delete process.env.PAYLOAD_SECRET
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'daleel-env-')), '.env')
    writeFileSync(file, 'PORT=4000')
    ensureDevSecret(file)
    const first = readFileSync(file, 'utf8')
    expect(first).toMatch(/^PORT=4000$/m)
    const secret = first.match(/^PAYLOAD_SECRET=([0-9a-f]{64})$/m)?.[1]
    expect(secret).toBeDefined()

    delete process.env.PAYLOAD_SECRET
    ensureDevSecret(file)
    expect(readFileSync(file, 'utf8')).toBe(first)
    expect(process.env.PAYLOAD_SECRET).toBe(secret)
  })

  test('.env is ignored by git', () => {
    const check = spawnSync('git', ['check-ignore', '-q', '.env'], { cwd: root })
    expect(check.status).toBe(0)
  })
})
