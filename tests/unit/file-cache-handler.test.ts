/**
 * The embedded default's cache handler (platform/file-cache-handler.mjs) across a restart: a
 * revalidation recorded by one process is known, with its original time, to the next one built on
 * the same build, and a record cut short by a crash loses only its last line.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

let mod: any
let manifest: Map<string, { stale?: number; expired?: number }>
const dist = mkdtempSync(path.join(os.tmpdir(), 'daleel-next-'))
const ctx = { serverDistDir: path.join(dist, 'server'), revalidatedTags: [], _requestHeaders: {} }
mkdirSync(ctx.serverDistDir)

beforeAll(async () => {
  mod = await import('../../platform/file-cache-handler.mjs')
  manifest = (await import('next/dist/server/lib/incremental-cache/tags-manifest.external.js')).tagsManifest
})

test('a revalidation is written down with its time, and read back with that time after a restart', async () => {
  const handler = new mod.default(ctx)
  await handler.revalidateTag(['_N_T_/layout'])
  const record = mod.recordPath(ctx.serverDistDir)
  const written = readFileSync(record, 'utf8').trim().split('\n').map((l) => JSON.parse(l))
  const time = manifest.get('_N_T_/layout')!.expired!
  expect(written).toEqual([{ tag: '_N_T_/layout', expired: time }])

  // A restart: Next's manifest starts empty; the record restores the original time, not "now".
  manifest.clear()
  expect(mod.loadRecord(record)).toBe(1)
  expect(manifest.get('_N_T_/layout')).toEqual({ expired: time })
})

test('the latest time per tag wins, and a line cut short by a crash is skipped', () => {
  const record = path.join(dist, 'other.jsonl')
  appendFileSync(record, '{"tag":"a","expired":200}\n{"tag":"a","expired":100,"stale":50}\n{"tag":"b","expi')
  manifest.clear()
  manifest.set('a', { expired: 150, stale: 300 })
  expect(mod.loadRecord(record)).toBe(1)
  expect(manifest.get('a')).toEqual({ expired: 200, stale: 300 })
  expect(manifest.has('b')).toBe(false)
})
