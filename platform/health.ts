/**
 * Readiness checks for load balancers (`GET /api/health`): can this server reach its database
 * and its media store? Each check answers only "ok" or "failed" in the response; the reason (which
 * may name a path, a host or a bucket) goes to the server log, never to the caller.
 */
import { constants } from 'node:fs'
import { access, mkdir, stat, statfs } from 'node:fs/promises'
import type { Payload } from 'payload'
import { changeProblems } from '../content/changes/retry'
import { localMediaDir } from '../media/storage'

type CheckResult = 'ok' | 'failed'
/**
 * `changes`: refreshes owed after content changes (content/changes/retry.ts), for monitoring. They
 * do not make the server unready: it still serves every page, some possibly stale.
 */
type HealthReport = { status: 'ok' | 'failed'; checks: Record<'database' | 'storage', CheckResult>; changes?: { pending: number; failed: number } }

const TIMEOUT_MS = 5000

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/** A real round trip through Payload's adapter (works the same on SQLite and MongoDB). */
async function checkDatabase(payload: Payload): Promise<void> {
  await payload.count({ collection: 'users', overrideAccess: true })
}

/** The folder uploads are written to, as the Media collection is configured. */
export function mediaDir(payload: Payload): string {
  const upload = payload.collections.media?.config.upload
  const dir = upload && typeof upload === 'object' ? upload.staticDir : undefined
  return dir || localMediaDir()
}

/** Below this much free space an upload (up to 50 MB) cannot be stored: report storage as failed. */
const MIN_FREE_BYTES = 64 * 1024 * 1024

/**
 * Local disk: the media folder is a folder we may write to, on a file system that is not read-only
 * and has room. Nothing is written: anyone may call /api/health, as often as they like, and a
 * probe file per call would be disk work a stranger could order.
 */
async function checkMediaDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true })
  if (!(await stat(dir)).isDirectory()) throw new Error('the media folder is not a folder')
  await access(dir, constants.W_OK)
  const fs = await statfs(dir)
  if (fs.bavail * fs.bsize < MIN_FREE_BYTES) throw new Error(`less than ${MIN_FREE_BYTES / 1024 / 1024} MB free for media`)
}

/** S3-compatible store (S3_BUCKET set): the bucket answers a HEAD with our credentials. */
async function checkBucket(env: NodeJS.ProcessEnv): Promise<void> {
  const { S3Client, HeadBucketCommand } = await import('@aws-sdk/client-s3')
  const client = new S3Client({
    region: env.S3_REGION || 'us-east-1',
    endpoint: env.S3_ENDPOINT || undefined,
    // The same addressing the media storage uses (media/storage.ts): MinIO needs path style.
    forcePathStyle: /^(1|true|yes)$/i.test(env.S3_FORCE_PATH_STYLE ?? ''),
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
  })
  try {
    await client.send(new HeadBucketCommand({ Bucket: env.S3_BUCKET }))
  } finally {
    client.destroy()
  }
}

let inFlight: Promise<HealthReport> | null = null

/**
 * The report for /api/health: callers who arrive while a check is running share its answer, so a
 * flood of requests costs one database round trip (and one bucket HEAD) at a time, not one each.
 */
export function sharedHealthReport(payload: Payload): Promise<HealthReport> {
  inFlight ??= healthReport(payload).finally(() => {
    inFlight = null
  })
  return inFlight
}

export async function healthReport(payload: Payload, env: NodeJS.ProcessEnv = process.env): Promise<HealthReport> {
  const run = async (name: string, work: () => Promise<void>): Promise<CheckResult> => {
    try {
      await withTimeout(work(), name)
      return 'ok'
    } catch (err) {
      payload.logger.error({ err, msg: `Health check "${name}" failed` })
      return 'failed'
    }
  }
  const [database, storage] = await Promise.all([
    run('database', () => checkDatabase(payload)),
    run('storage', () => (env.S3_BUCKET ? checkBucket(env) : checkMediaDir(mediaDir(payload)))),
  ])
  const checks = { database, storage }
  const report: HealthReport = { status: Object.values(checks).every((c) => c === 'ok') ? 'ok' : 'failed', checks }
  if (database === 'ok') {
    const owed = await changeProblems(payload).catch(() => null)
    if (owed) report.changes = { pending: owed.filter((p) => !p.failed).length, failed: owed.filter((p) => p.failed).length }
  }
  return report
}
