import { s3Storage } from '@payloadcms/storage-s3'
import type { S3ClientConfig } from '@aws-sdk/client-s3'
import { readdir, stat, unlink } from 'node:fs/promises'
import path from 'node:path'
import type { Plugin } from 'payload'

type Env = Record<string, string | undefined>

/**
 * The folder uploads are kept in on local disk: MEDIA_DIR, else data/media beside the SQLite file
 * (data/ holds everything an instance writes; the code folder media/ holds none of it).
 */
export function localMediaDir(env: Env = process.env): string {
  return env.MEDIA_DIR || path.resolve(process.cwd(), 'data', 'media')
}

/** The S3 bucket and client settings from S3_* variables, or null for local disk. */
function s3Settings(env: Env = process.env): { bucket: string; config: S3ClientConfig } | null {
  const bucket = env.S3_BUCKET
  if (!bucket) return null
  const credentials =
    env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
      ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
      : undefined // fall back to the SDK's usual chain (instance role, AWS_* variables)
  return {
    bucket,
    config: {
      region: env.S3_REGION || 'us-east-1',
      ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
      forcePathStyle: /^(1|true|yes)$/i.test(env.S3_FORCE_PATH_STYLE ?? ''),
      ...(credentials ? { credentials } : {}),
      // Checksums only where S3 requires them: the SDK's newer default (a CRC32 trailer on every
      // upload, streamed as aws-chunked) is refused by many S3-compatible stores (MinIO and
      // Garage versions in the field, s3rver), and uploads there would fail.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    },
  }
}

/**
 * Where media files live. Local disk (MEDIA_DIR, default data/media) unless S3_BUCKET is set; then
 * any S3-compatible store (AWS, MinIO, Garage, R2…) so several app servers share one library.
 * Files are still served through /api/media/file/… so read access and our security headers
 * apply (no public bucket URLs, no signed-URL uploads from browsers), and a reader's browser only
 * ever loads images from our own origin (the Content-Security-Policy's img-src 'self').
 */
export function mediaStoragePlugins(env: Env = process.env): Plugin[] {
  const s3 = s3Settings(env)
  return [
    s3Storage({
      // Off without S3_BUCKET (local disk), but its fields (the object key) are in the schema either
      // way: the committed SQL migration is generated without S3_BUCKET, and an instance moved to S3
      // must not find a column missing.
      enabled: Boolean(s3),
      alwaysInsertFields: true,
      bucket: s3?.bucket ?? '',
      acl: 'private',
      // An explicit (empty) prefix: objects are named by their filename, and the enabled plugin adds
      // the same `prefix` column as the disabled one (it only does so when a prefix is given).
      collections: { media: { prefix: '' } },
      config: s3?.config ?? {},
    }),
  ]
}

/** The stored files of the media library, wherever they are: what media:check compares with the documents. */
type MediaStore = {
  kind: 'local' | 's3'
  /** For people: the folder, or s3://bucket. */
  where: string
  list: () => Promise<{ file: string; bytes: number }[]>
  has: (file: string) => Promise<boolean>
  remove: (file: string) => Promise<void>
}

export async function mediaStore(env: Env = process.env, staticDir = localMediaDir(env)): Promise<MediaStore> {
  const s3 = s3Settings(env)
  if (!s3) {
    const directory = path.resolve(staticDir)
    return {
      kind: 'local',
      where: directory,
      list: async () => {
        const entries = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return [] as string[]
          throw error
        })
        const out: { file: string; bytes: number }[] = []
        for (const entry of entries.sort()) {
          const info = await stat(path.join(directory, entry)).catch(() => undefined)
          if (info?.isFile()) out.push({ file: entry, bytes: info.size })
        }
        return out
      },
      has: (file) => stat(path.join(directory, file)).then((s) => s.isFile(), () => false),
      remove: (file) => unlink(path.join(directory, file)),
    }
  }
  const { S3Client, ListObjectsV2Command, HeadObjectCommand, DeleteObjectCommand } = await import('@aws-sdk/client-s3')
  const client = new S3Client(s3.config)
  const Bucket = s3.bucket
  return {
    kind: 's3',
    where: `s3://${Bucket}`,
    list: async () => {
      const out: { file: string; bytes: number }[] = []
      let ContinuationToken: string | undefined
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, ContinuationToken }))
        for (const o of page.Contents ?? []) if (o.Key) out.push({ file: o.Key, bytes: o.Size ?? 0 })
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (ContinuationToken)
      return out.sort((a, b) => a.file.localeCompare(b.file))
    },
    has: (file) =>
      client.send(new HeadObjectCommand({ Bucket, Key: file })).then(
        () => true,
        (error: { name?: string; $metadata?: { httpStatusCode?: number } }) => {
          if (error?.name === 'NotFound' || error?.$metadata?.httpStatusCode === 404) return false
          throw error
        },
      ),
    remove: async (file) => void (await client.send(new DeleteObjectCommand({ Bucket, Key: file }))),
  }
}
