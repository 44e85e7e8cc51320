import path from 'node:path'

import { DEFAULT_SQLITE_FILE, databaseKind, databaseUri, sqliteFilePath } from '../../platform/database'

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
