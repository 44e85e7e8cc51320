// Runs before each integration test file, in that file's own module registry: point Payload at
// a fresh temporary SQLite file unless the run targets MongoDB (DATABASE_URI=mongodb://…).
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const target = process.env.TEST_DATABASE_URI || process.env.DATABASE_URI || ''
if (target.startsWith('mongodb')) {
  // One database per test file so files cannot see each other's documents.
  const url = new URL(target)
  url.pathname = `/daleel_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  process.env.DATABASE_URI = url.toString()
} else {
  // Memory-backed /dev/shm when there is one: SQLite syncs every commit to disk, and on a busy
  // disk that alone made each test file wait seconds for its migration and writes.
  const base = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir()
  // Memory is precious: clear what earlier runs left behind (closePayload removes its own).
  const staleBefore = Date.now() - 6 * 60 * 60 * 1000
  for (const name of readdirSync(base)) {
    if (!name.startsWith('daleel-test-')) continue
    const old = path.join(base, name)
    try {
      if (statSync(old).mtimeMs < staleBefore) rmSync(old, { recursive: true, force: true })
    } catch {
      /* another file's run removed it first */
    }
  }
  const dir = mkdtempSync(path.join(base, 'daleel-test-'))
  process.env.DATABASE_URI = `file:${path.join(dir, 'test.db')}`
  process.env.MEDIA_DIR = path.join(dir, 'media')
}
process.env.PAYLOAD_SECRET = 'test-secret-0123456789abcdef0123456789abcdef'
process.env.DALEEL_JOBS = 'off'
process.env.SERVER_URL = 'http://localhost:3000'
