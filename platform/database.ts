/**
 * The one place that knows which database engine runs underneath Payload.
 *
 *   DATABASE_URI unset or `file:…`          → SQLite (embedded default, one file under data/)
 *   DATABASE_URI `mongodb://…` / `mongodb+srv://…` → MongoDB (production engine, replica set)
 *   SQLITE_ID_TYPE=uuid                      → SQLite with text (UUID) document IDs instead of
 *                                             integers: the nearest SQLite gets to MongoDB's string
 *                                             IDs. `npm test` runs the integration suite this way
 *                                             too, so nothing may assume IDs are numbers. It is a
 *                                             property of the database file (its schema comes
 *                                             from its own migration set, migrations/uuid/): pick
 *                                             it when the file is created, and keep it.
 *
 * Everything else in the app talks to Payload and never asks which engine it has.
 */
import path from 'node:path'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter, type SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import type { DatabaseAdapterObj } from 'payload'

import { migrations as integerIdMigrations } from '../migrations'
import { migrations as uuidMigrations } from '../migrations/uuid'
import { reusePreparedStatements } from './sqlite-statement-cache'

export const DEFAULT_SQLITE_FILE = 'data/daleel.db'

type DatabaseKind = 'sqlite' | 'mongodb'

export function databaseUri(env: NodeJS.ProcessEnv = process.env): string {
  const uri = env.DATABASE_URI?.trim()
  return uri ? uri : `file:${path.resolve(process.cwd(), DEFAULT_SQLITE_FILE)}`
}

export function databaseKind(uri: string = databaseUri()): DatabaseKind {
  if (uri.startsWith('file:')) return 'sqlite'
  if (uri.startsWith('mongodb://') || uri.startsWith('mongodb+srv://')) return 'mongodb'
  // Say exactly what is wrong rather than letting a driver fail with something obscure.
  const scheme = uri.split(':')[0]
  throw new Error(
    `DATABASE_URI must start with "file:" (SQLite) or "mongodb://" / "mongodb+srv://" (MongoDB); got a "${scheme}:" address.`,
  )
}

/** Path of the SQLite file for a `file:` URI (used by scripts that check whether it exists). */
export function sqliteFilePath(uri: string = databaseUri()): string | null {
  if (databaseKind(uri) !== 'sqlite') return null
  return uri.slice('file:'.length).split('?')[0]
}

type SqliteIdType = 'number' | 'uuid'

/** SQLite's document IDs: integers (default) or text UUIDs (SQLITE_ID_TYPE=uuid). */
export function sqliteIdType(env: NodeJS.ProcessEnv = process.env): SqliteIdType {
  const value = env.SQLITE_ID_TYPE?.trim().toLowerCase()
  if (!value || value === 'number' || value === 'integer') return 'number'
  if (value === 'uuid') return 'uuid'
  throw new Error(`SQLITE_ID_TYPE must be "number" (the default) or "uuid"; got "${env.SQLITE_ID_TYPE}".`)
}

/** The committed SQL migrations for SQLite with that ID type, and the folder `npm run generate` writes them to. */
export function sqliteMigrations(idType: SqliteIdType = sqliteIdType()) {
  return idType === 'uuid'
    ? { migrations: uuidMigrations, dir: path.resolve(process.cwd(), 'migrations', 'uuid'), other: integerIdMigrations }
    : { migrations: integerIdMigrations, dir: path.resolve(process.cwd(), 'migrations'), other: uuidMigrations }
}

/**
 * An index on `_parent_id` for every translations table (`statements_locales`, versions and arrays
 * alike). Payload's only index there is unique on (`_locale`, `_parent_id`), which its queries
 * cannot use: they read a document's translations by `_parent_id` alone, so every document read
 * scanned the whole table (with the bodies in it): 1.6 ms per statement with 1,000 statements,
 * ten times that with 10,000. Part of the schema, so `npm run generate` writes it into the migration.
 */
const indexTranslationsByParent: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    const parent = (table as unknown as Record<string, unknown>)._parentID
    if (!name.endsWith('_locales') || !parent) continue
    extendTable({ table, extraConfig: (t) => ({ [`${name}_parent_idx`]: index(`${name}_parent_idx`).on((t as any)._parentID) }) })
  }
  return schema
}

export function databaseAdapter(uri: string = databaseUri()): DatabaseAdapterObj {
  if (databaseKind(uri) === 'mongodb') {
    // MongoDB has no schema to migrate. Transactions need a replica set (see docker-compose.yml):
    // on a standalone server Payload silently runs without them, which SQLite's one-file
    // transactions never show in our tests (docs/deployment.md).
    return mongooseAdapter({ url: uri })
  }
  const idType = sqliteIdType()
  const { migrations, dir } = sqliteMigrations(idType)
  // Without it every query leaks its prepared statement (platform/sqlite-statement-cache.ts).
  reusePreparedStatements()
  return sqliteAdapter({
    client: { url: uri },
    // Integers unless SQLITE_ID_TYPE=uuid (see the top of this file).
    idType: idType === 'uuid' ? 'uuid' : 'number',
    // WAL: readers never wait for a writer, and several app processes can share one database file
    // on one machine (the two-server test, a rolling restart). busyTimeout makes a second writer
    // wait for the lock instead of failing at once with SQLITE_BUSY. (Payload's own settings:
    // PRAGMA journal_mode=WAL, synchronous=FULL, 64 MB journal limit.)
    wal: true,
    busyTimeout: 5000,
    // Schema changes ship as committed migrations (migrations/), never as a dev-time push,
    // so development, tests and production all run exactly the same SQL.
    push: false,
    migrationDir: dir,
    prodMigrations: migrations,
    afterSchemaInit: [indexTranslationsByParent],
  })
}
