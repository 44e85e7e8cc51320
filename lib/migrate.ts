import type { Payload } from 'payload'

import { databaseKind } from './database'
import { migrations } from '../migrations'

/**
 * Bring the database schema up to date with the committed migrations. SQLite needs them;
 * MongoDB has no schema. In production the adapter does the same on start (prodMigrations).
 */
export async function migrateDatabase(payload: Payload): Promise<void> {
  if (databaseKind() !== 'sqlite') return
  await payload.db.migrate({ migrations })
}
