import { s3Storage } from '@payloadcms/storage-s3'
import path from 'node:path'
import type { Plugin } from 'payload'

/**
 * The folder uploads are kept in on local disk: MEDIA_DIR, else data/media beside the SQLite file
 * (data/ holds everything an instance writes; the code folder media/ holds none of it).
 */
export function localMediaDir(env: Record<string, string | undefined> = process.env): string {
  return env.MEDIA_DIR || path.resolve(process.cwd(), 'data', 'media')
}

/**
 * Where media files live. Local disk (MEDIA_DIR, default data/media) unless S3_BUCKET is set; then
 * any S3-compatible store (AWS, MinIO, Garage, R2…) so several app servers share one library.
 * Files are still served through /api/media/file/… so read access and our security headers
 * apply (no public bucket URLs, no signed-URL uploads from browsers).
 */
export function mediaStoragePlugins(env: Record<string, string | undefined> = process.env): Plugin[] {
  const bucket = env.S3_BUCKET
  if (!bucket) return []
  const credentials =
    env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
      ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
      : undefined // fall back to the SDK's usual chain (instance role, AWS_* variables)
  return [
    s3Storage({
      bucket,
      acl: 'private',
      collections: { media: true },
      config: {
        region: env.S3_REGION || 'us-east-1',
        ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
        forcePathStyle: /^(1|true|yes)$/i.test(env.S3_FORCE_PATH_STYLE ?? ''),
        ...(credentials ? { credentials } : {}),
      },
    }),
  ]
}
