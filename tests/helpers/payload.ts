import { rmSync } from 'node:fs'
import path from 'node:path'
import { getPayload, type Payload } from 'payload'

import config from '../../payload.config'
import { databaseKind, sqliteIdType } from '../../platform/database'
import { migrateDatabase } from '../../platform/migrate'

/**
 * Whether this run's document IDs are numbers (SQLite's default) or text (SQLite with
 * SQLITE_ID_TYPE=uuid, MongoDB). Only for tests of behaviour that truly differs, such as a 400 for
 * `where[id][equals]=abc`, which is a well-formed text ID.
 */
export function numericIds(): boolean {
  return databaseKind() === 'sqlite' && sqliteIdType() === 'number'
}

let instance: Payload | null = null

/** A Payload instance on this test file's own fresh database, migrated with the committed migrations. */
export async function testPayload(): Promise<Payload> {
  if (instance) return instance
  instance = await getPayload({ config })
  await migrateDatabase(instance)
  return instance
}

export async function closePayload(): Promise<void> {
  if (!instance) return
  if (process.env.DATABASE_URI?.startsWith('mongodb')) {
    await (instance.db as any).connection?.dropDatabase?.()
  }
  await instance.db?.destroy?.()
  instance = null
  // Remove this file's temporary database and media folder (made by integrationEnv.ts).
  const uri = process.env.DATABASE_URI ?? ''
  const dir = uri.startsWith('file:') ? path.dirname(uri.slice('file:'.length)) : ''
  if (path.basename(dir).startsWith('daleel-test-')) rmSync(dir, { recursive: true, force: true })
}
