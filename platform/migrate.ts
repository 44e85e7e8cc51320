import type { Payload } from 'payload'

import { databaseKind, sqliteIdType, sqliteMigrations } from './database'

/**
 * Bring the database schema up to date with the committed migrations. SQLite needs them;
 * MongoDB has no schema. In production the adapter does the same on start (prodMigrations).
 * A SQLite file made with the other ID type (SQLITE_ID_TYPE) is refused with a plain message
 * rather than half-migrated.
 */
export async function migrateDatabase(payload: Payload): Promise<void> {
  if (databaseKind() !== 'sqlite') return
  const { migrations, other } = sqliteMigrations()
  // libsql's client, under Payload's SQLite adapter: which migrations this file has had (none when new).
  const client = (payload.db as unknown as { client?: { execute: (sql: string) => Promise<{ rows: { name?: unknown }[] }> } }).client
  const ran: string[] = client
    ? await client.execute('SELECT name FROM payload_migrations').then((r) => r.rows.map((row) => String(row.name)), () => [])
    : []
  const foreign = ran.filter((name: string) => other.some((m) => m.name === name) && !migrations.some((m) => m.name === name))
  if (foreign.length) {
    const here = sqliteIdType() === 'uuid' ? 'text (uuid)' : 'integer'
    throw new Error(
      `This SQLite database was created with ${here === 'integer' ? 'text (uuid)' : 'integer'} IDs, but SQLITE_ID_TYPE asks for ${here} IDs. ` +
        'Use the setting the database was created with, or start a new database file.',
    )
  }
  // The generated migration list is typed more narrowly than the adapter's parameter.
  await payload.db.migrate({ migrations: migrations as unknown as Parameters<typeof payload.db.migrate>[0] extends { migrations?: infer M } ? M : never })
}
