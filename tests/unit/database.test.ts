import path from 'node:path'

import type { Payload } from 'payload'

import { DEFAULT_SQLITE_FILE, databaseKind, databaseUri, sqliteFilePath, sqliteIdType, sqliteMigrations } from '../../platform/database'
import { migrateDatabase } from '../../platform/migrate'

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv

test('without DATABASE_URI the default SQLite file under data/ is used', () => {
  const uri = databaseUri(env({}))
  expect(uri).toBe(`file:${path.resolve(process.cwd(), DEFAULT_SQLITE_FILE)}`)
  expect(databaseKind(uri)).toBe('sqlite')
  expect(databaseUri(env({ DATABASE_URI: '   ' }))).toBe(uri)
})

test('file: addresses are SQLite', () => {
  expect(databaseUri(env({ DATABASE_URI: ' file:./data/x.db ' }))).toBe('file:./data/x.db')
  expect(databaseKind('file:./data/x.db')).toBe('sqlite')
  expect(sqliteFilePath('file:/tmp/daleel.db?mode=rwc')).toBe('/tmp/daleel.db')
})

test('mongodb:// and mongodb+srv:// addresses are MongoDB', () => {
  expect(databaseKind('mongodb://localhost:27017/daleel?replicaSet=rs0')).toBe('mongodb')
  expect(databaseKind('mongodb+srv://user:pass@cluster.example.net/daleel')).toBe('mongodb')
  expect(sqliteFilePath('mongodb://localhost/daleel')).toBeNull()
})

test.each(['postgres://localhost/daleel', 'mysql://localhost/daleel', './data/daleel.db', 'sqlite:data.db'])(
  'an unsupported address %p gives a clear error naming DATABASE_URI and the schemes',
  (uri) => {
    expect(() => databaseKind(uri)).toThrow(/DATABASE_URI must start with "file:" \(SQLite\) or "mongodb:\/\/" \/ "mongodb\+srv:\/\/" \(MongoDB\)/)
  },
)

test('the error says which scheme it got, and does not echo credentials', () => {
  let message = ''
  try {
    databaseKind('postgres://admin:hunter2@db.example.net/daleel')
  } catch (error) {
    message = (error as Error).message
  }
  expect(message).toContain('"postgres:"')
  expect(message).not.toContain('hunter2')
})

describe('SQLite ID type (SQLITE_ID_TYPE)', () => {
  test('integers by default, text UUIDs on request, anything else a clear error', () => {
    expect(sqliteIdType(env({}))).toBe('number')
    expect(sqliteIdType(env({ SQLITE_ID_TYPE: 'number' }))).toBe('number')
    expect(sqliteIdType(env({ SQLITE_ID_TYPE: ' UUID ' }))).toBe('uuid')
    expect(() => sqliteIdType(env({ SQLITE_ID_TYPE: 'objectid' }))).toThrow(/SQLITE_ID_TYPE must be "number" \(the default\) or "uuid"; got "objectid"/)
  })

  test('each ID type has its own committed migration set, with distinct names', () => {
    const integer = sqliteMigrations('number')
    const uuid = sqliteMigrations('uuid')
    expect(integer.migrations.length).toBeGreaterThan(0)
    expect(uuid.migrations.length).toBeGreaterThan(0)
    expect(uuid.dir).toBe(path.resolve(process.cwd(), 'migrations', 'uuid'))
    for (const m of uuid.migrations) expect(integer.migrations.map((i) => i.name)).not.toContain(m.name)
  })

  test('a database made with one ID type is refused under the other, before anything runs', async () => {
    const saved = { uri: process.env.DATABASE_URI, ids: process.env.SQLITE_ID_TYPE }
    const migrate = jestFn()
    const fakePayload = {
      db: {
        client: { execute: async () => ({ rows: [{ name: sqliteMigrations('number').migrations[0].name }] }) },
        migrate,
      },
    } as unknown as Payload
    try {
      process.env.DATABASE_URI = 'file:/tmp/never-opened.db'
      process.env.SQLITE_ID_TYPE = 'uuid'
      await expect(migrateDatabase(fakePayload)).rejects.toThrow(/created with integer IDs, but SQLITE_ID_TYPE asks for text \(uuid\) IDs/)
      expect(migrate.calls).toBe(0)
      process.env.SQLITE_ID_TYPE = 'number'
      await migrateDatabase(fakePayload)
      expect(migrate.calls).toBe(1)
    } finally {
      for (const [k, v] of [['DATABASE_URI', saved.uri], ['SQLITE_ID_TYPE', saved.ids]] as const) {
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
      }
    }
  })
})

function jestFn() {
  const fn = Object.assign(async () => void fn.calls++, { calls: 0 })
  return fn
}
