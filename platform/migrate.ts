import type { Payload } from 'payload'

import { databaseKind } from './database'
import { migrations } from '../migrations'

/**
 * Bring the database schema up to date with the committed migrations. SQLite needs them;
 * MongoDB has no schema. In production the adapter does the same on start (prodMigrations).
 */
export async function migrateDatabase(payload: Payload): Promise<void> {
  if (databaseKind() !== 'sqlite') return
  // The generated migration list is typed more narrowly than the adapter's parameter.
  await payload.db.migrate({ migrations: migrations as unknown as Parameters<typeof payload.db.migrate>[0] extends { migrations?: infer M } ? M : never })
}
