/**
 * A backup taken while the instance is open, restored into a brand-new empty instance (new
 * database file, new media folder), holds every document (every row of every table) and every
 * uploaded file byte for byte. Restoring over an instance with content needs --force.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'

import { createBackup, restoreBackup, type Instance } from '../../platform/backup'
import { mediaDir } from '../../platform/health'
import { seed } from '../../seed/index'
import { closePayload, testPayload } from '../helpers/payload'

// On MongoDB (npm run test:mongo) the archive holds a mongodump; without MongoDB Database Tools
// on this machine that path is checked by tests/unit/backup-mongo.test.ts, and these tests are
// about the SQLite online backup, so they run only there.
const sqlite = !String(process.env.DATABASE_URI).startsWith('mongodb')
const maybe = (name: string, fn: () => Promise<void>, timeout?: number) => {
  if (sqlite) test(name, fn, timeout)
}

if (!sqlite) {
  test('on MongoDB the backup is a mongodump, or a clear message that MongoDB Database Tools are missing', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'daleel-backups-'))
    try {
      const archive = await createBackup({ databaseUri: process.env.DATABASE_URI as string, mediaDir: out }, out)
      expect(path.basename(archive)).toMatch(/^daleel-backup-.*\.tar\.gz$/)
    } catch (err) {
      expect(String(err)).toMatch(/mongodump was not found/)
    }
  })
}

afterAll(closePayload)

function filesUnder(dir: string, base = dir): Record<string, string> {
  const out: Record<string, string> = {}
  if (!existsSync(dir)) return out
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) Object.assign(out, filesUnder(full, base))
    else out[path.relative(base, full)] = createHash('sha256').update(readFileSync(full)).digest('hex')
  }
  return out
}

/** Every table and its rows, ordered, as plain JSON: what "every document" means in SQL. */
async function dump(uri: string): Promise<Record<string, unknown[]>> {
  const client = createClient({ url: uri, intMode: 'string' }) // FTS5's own tables hold 64-bit integers
  try {
    const tables = await client.execute("SELECT name, sql FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    const out: Record<string, unknown[]> = {}
    for (const t of tables.rows) {
      // Site search's FTS5 tables keep some of their data in tables without a rowid: by primary key.
      const order = /WITHOUT ROWID/i.test(String(t.sql)) ? '1' : 'rowid'
      const rows = await client.execute(`SELECT * FROM "${String(t.name)}" ORDER BY ${order}`)
      out[String(t.name)] = rows.rows.map((r) => ({ ...r }))
    }
    return out
  } finally {
    client.close()
  }
}

let source: Instance
let archive: string
let target: Instance
const outDir = mkdtempSync(path.join(os.tmpdir(), 'daleel-backups-'))

beforeAll(async () => {
  if (!sqlite) return
  const payload = await testPayload()
  await seed(payload)
  source = { databaseUri: process.env.DATABASE_URI as string, mediaDir: mediaDir(payload) }
  const fresh = mkdtempSync(path.join(os.tmpdir(), 'daleel-restored-'))
  target = { databaseUri: `file:${path.join(fresh, 'data', 'restored.db')}`, mediaDir: path.join(fresh, 'media') }
}, 120_000)

maybe('the seeded instance has documents in every content collection and uploaded files', async () => {
  const payload = await testPayload()
  for (const collection of ['statements', 'programs', 'campaigns', 'people', 'topics', 'media', 'users'] as const) {
    expect((await payload.count({ collection, overrideAccess: true })).totalDocs).toBeGreaterThan(0)
  }
  expect(Object.keys(filesUnder(source.mediaDir)).length).toBeGreaterThan(1)
})

maybe('a backup taken while the instance is open is one timestamped archive', async () => {
  archive = await createBackup(source, outDir, new Date('2026-11-22T17:30:05.123Z'))
  expect(path.basename(archive)).toBe('daleel-backup-2026-11-22T17-30-05Z.tar.gz')
  expect(readdirSync(outDir)).toEqual([path.basename(archive)])
})

maybe('restoring into an empty instance brings back every row of every table and every file', async () => {
  const manifest = await restoreBackup(archive, target)
  expect(manifest.engine).toBe('sqlite')
  const before = await dump(source.databaseUri)
  const after = await dump(target.databaseUri)
  expect(Object.keys(after)).toEqual(Object.keys(before))
  expect(after.statements.length).toBeGreaterThan(0)
  expect(after).toEqual(before)
  expect(filesUnder(target.mediaDir)).toEqual(filesUnder(source.mediaDir))
})

maybe('npm run restore refuses to overwrite an instance with content, and --force replaces it', async () => {
  const env = { ...process.env, DATABASE_URI: target.databaseUri, MEDIA_DIR: target.mediaDir, NODE_OPTIONS: '' }
  const refused = spawnSync(process.execPath, ['--conditions=production', '--import', 'tsx', 'scripts/restore.ts', archive], { env, encoding: 'utf8' })
  expect(refused.status).toBe(1)
  expect(refused.stderr).toMatch(/Refusing to restore: .*--force/)

  const forced = spawnSync(process.execPath, ['--conditions=production', '--import', 'tsx', 'scripts/restore.ts', archive, '--force'], { env, encoding: 'utf8' })
  expect(forced.stderr).toBe('')
  expect(forced.status).toBe(0)
  expect(forced.stdout).toMatch(/Restored the sqlite database and \d+ media files/)
}, 60_000)
