import { spawn } from 'node:child_process'

import { ADMIN_EMAIL } from './browser'

export type Schedule = { collection: string; id: number | string; type: 'publish' | 'unpublish' }

/**
 * Queue scheduled (un)publishes on a running server's database, as the admin's Schedule drawer does
 * (queue-schedule.ts), all at once in one process: the server's jobs runner then takes them in the
 * same run. Asynchronous, so the test's own connections stay alive meanwhile (a test blocked in
 * spawnSync reused sockets the server had closed: "other side closed").
 */
export function queueSchedule(databaseUri: string, schedules: Schedule[], inSeconds = 0): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=production', '--import', 'tsx', 'tests/helpers/queue-schedule.ts', ADMIN_EMAIL, String(inSeconds), ...schedules.map((s) => `${s.collection}:${s.id}:${s.type}`)],
      { env: { ...process.env, DATABASE_URI: databaseUri, DALEEL_JOBS: 'off', NODE_OPTIONS: '' } },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.on('close', () => {
      clearTimeout(timer)
      const queued = stdout.match(/QUEUED=/g)?.length ?? 0
      if (queued === schedules.length) resolve()
      else reject(new Error(`Could not queue the schedules (${queued} of ${schedules.length}): ${stderr.slice(-2000)}`))
    })
  })
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
