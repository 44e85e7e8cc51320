/**
 * A real S3-compatible server on loopback for tests: s3rver (from the npm registry) speaks the S3
 * protocol over HTTP and keeps objects in a temporary folder. Started and stopped by the test itself.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import S3rver from 's3rver'

import { freePort } from './redis'

export type S3Server = {
  endpoint: string
  /** The S3_* settings that point the app at this server and `bucket`. */
  env: (bucket: string) => Record<string, string>
  createBucket: (bucket: string) => Promise<void>
  /** Object keys in a bucket, sorted. */
  keys: (bucket: string) => Promise<string[]>
  stop: () => Promise<void>
}

// s3rver accepts any request signed with these (its defaults).
const ACCESS_KEY = 'S3RVER'
const SECRET_KEY = 'S3RVER'

export async function startS3(): Promise<S3Server> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'daleel-s3-'))
  const port = await freePort()
  const server = new S3rver({ port, address: '127.0.0.1', silent: true, directory: dir })
  await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  const client = new S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
  })
  return {
    endpoint,
    env: (bucket) => ({
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: ACCESS_KEY,
      S3_SECRET_ACCESS_KEY: SECRET_KEY,
    }),
    createBucket: async (bucket) => void (await client.send(new CreateBucketCommand({ Bucket: bucket }))),
    keys: async (bucket) => {
      const out: string[] = []
      let token: string | undefined
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }))
        out.push(...(page.Contents ?? []).map((o) => o.Key!))
        token = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (token)
      return out.sort()
    },
    stop: async () => {
      client.destroy()
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
