import { spawnSync } from 'node:child_process'

import { ADMIN_EMAIL } from './browser'

/** Queue a scheduled (un)publish on a running server's database, as the admin's Schedule drawer does (queue-schedule.ts). */
export function queueSchedule(databaseUri: string, collection: string, id: number | string, type: 'publish' | 'unpublish', inSeconds = 0) {
  const child = spawnSync(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'tests/helpers/queue-schedule.ts', collection, String(id), type, ADMIN_EMAIL, String(inSeconds)],
    { env: { ...process.env, DATABASE_URI: databaseUri, DALEEL_JOBS: 'off', NODE_OPTIONS: '' }, encoding: 'utf8', timeout: 120_000 },
  )
  if (!/QUEUED=/.test(child.stdout ?? '')) throw new Error(`Could not queue the schedule: ${child.stderr?.slice(-2000)}`)
}

/** Ask until `check` passes or `ms` run out (the jobs runner fires once a minute). */
export async function eventually<T>(check: () => Promise<T | false | null | undefined>, ms: number, every = 1000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const result = await check()
    if (result) return result
    if (Date.now() > deadline) throw new Error(`Still not true after ${ms / 1000} s`)
    await new Promise((r) => setTimeout(r, every))
  }
}
