/**
 * Readiness checks for load balancers (`GET /api/health`): can this server reach its database
 * and its media store? Each check answers only "ok" or "failed" in the response; the reason (which
 * may name a path, a host or a bucket) goes to the server log, never to the caller.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
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

/** Local disk: the media folder exists (or can be made) and accepts a write. */
async function checkMediaDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true })
  const probe = path.join(dir, `.health-${process.pid}-${randomBytes(4).toString('hex')}`)
  await writeFile(probe, 'ok')
  await rm(probe, { force: true })
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
