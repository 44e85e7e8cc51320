/**
 * Scheduled work survives a restart: Payload's job queue lives in the database, so a publish
 * scheduled before the server stopped is carried out by the next process that starts on that
 * database (here a fresh Node process running the jobs runner, as `jobs.autoRun` does each minute).
 */
import { spawnSync } from 'node:child_process'

import { makeStatement } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'

afterAll(closePayload)

test('a publish scheduled before a restart is done by the next server process', async () => {
  const payload = await testPayload()
  const draft = await makeStatement(payload)
  expect(draft._status).toBe('draft')
  await payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'statements', value: String(draft.id) } },
    waitUntil: new Date(Date.now() - 1000),
  } as any)
  // This process never runs the queue (DALEEL_JOBS=off in tests): as if it stopped right here.

  const child = spawnSync(
    process.execPath,
    // --conditions=production: see TS_SCRIPT in scripts/run.mjs (Lexical's top-level await).
    ['--conditions=production', '--import', 'tsx', 'tests/helpers/run-jobs.ts', String(draft.id)],
    { env: { ...process.env, NODE_OPTIONS: '', DALEEL_JOBS: 'off' }, encoding: 'utf8', timeout: 150_000 },
  )
  expect({ status: child.status, error: String(child.error ?? ''), stdout: child.stdout, stderr: (child.stderr ?? '').slice(-2000) }).toEqual(expect.objectContaining({ stdout: expect.stringContaining('STATUS=published') }))

  const after = payload
  const doc = await after.findByID({ collection: 'statements', id: draft.id, overrideAccess: true, depth: 0 })
  expect(doc._status).toBe('published')
  const pending = await after.count({ collection: 'payload-jobs' as any, overrideAccess: true, where: { completedAt: { exists: false } } })
  expect(pending.totalDocs).toBe(0)
}, 240_000)
