/**
 * The embedded default's statement cache (platform/sqlite-statement-cache.ts), through the same
 * client Payload uses: a query run again reuses its prepared statement (the driver leaks every
 * statement it prepares), and reuse changes no result: errors, schema changes and a closed
 * connection behave as without the cache.
 */
import { createClient, type Client } from '@libsql/client'
import Database from 'libsql'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { reusePreparedStatements, STATEMENTS_PER_CONNECTION } from '../../platform/sqlite-statement-cache'

const dir = mkdtempSync(path.join(os.tmpdir(), 'daleel-statements-'))
const prepared: string[] = []
let client: Client

beforeAll(async () => {
  // Count what reaches the driver's own prepare, beneath the cache.
  const proto = Database.prototype as unknown as { prepare: (sql: string) => unknown }
  const original = proto.prepare
  proto.prepare = function (this: unknown, sql: string) {
    prepared.push(sql)
    return original.call(this, sql)
  }
  reusePreparedStatements()
  reusePreparedStatements() // installing twice changes nothing
  client = createClient({ url: `file:${path.join(dir, 'test.db')}` })
  await client.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY, slug TEXT UNIQUE NOT NULL)')
})

afterAll(() => {
  client.close()
  rmSync(dir, { recursive: true, force: true })
})

const preparedCount = (sql: string) => prepared.filter((s) => s === sql).length

test('the same query run many times is prepared once, with each run its own arguments and result', async () => {
  const insert = 'INSERT INTO notes (slug) VALUES (?)'
  for (let i = 0; i < 20; i++) await client.execute({ sql: insert, args: [`note-${i}`] })
  const select = 'SELECT slug FROM notes WHERE id = ?'
  for (let i = 1; i <= 20; i++) {
    const { rows } = await client.execute({ sql: select, args: [i] })
    expect(rows.map((r) => r.slug)).toEqual([`note-${i - 1}`])
  }
  expect(preparedCount(insert)).toBe(1)
  expect(preparedCount(select)).toBe(1)
})

test('a reused statement that failed reports the failure and then works again', async () => {
  const insert = 'INSERT INTO notes (slug) VALUES (?)'
  await expect(client.execute({ sql: insert, args: ['note-0'] })).rejects.toThrow(/UNIQUE/)
  await expect(client.execute({ sql: insert, args: ['note-0'] })).rejects.toThrow(/UNIQUE/)
  await client.execute({ sql: insert, args: ['fresh'] })
  const { rows } = await client.execute({ sql: 'SELECT count(*) AS n FROM notes WHERE slug = ?', args: ['fresh'] })
  expect(Number(rows[0].n)).toBe(1)
})

test('after a schema change, queries answer with the new columns (added, or the table made again in another order)', async () => {
  const all = 'SELECT * FROM notes WHERE id = 1'
  const named = 'SELECT slug, id FROM notes WHERE id = 1'
  expect((await client.execute(all)).columns).toEqual(['id', 'slug'])
  expect((await client.execute(named)).rows[0]).toMatchObject({ slug: 'note-0', id: 1 })
  await client.execute('ALTER TABLE notes ADD COLUMN title TEXT')
  expect((await client.execute(all)).columns).toEqual(['id', 'slug', 'title'])

  // A migration: run through exec, several statements at once.
  await client.executeMultiple(`
    CREATE TABLE notes_new (title TEXT, slug TEXT UNIQUE NOT NULL, id INTEGER PRIMARY KEY);
    INSERT INTO notes_new (title, slug, id) SELECT 'A title', slug, id FROM notes;
    DROP TABLE notes;
    ALTER TABLE notes_new RENAME TO notes;
  `)
  const { rows, columns } = await client.execute(all)
  expect(columns).toEqual(['title', 'slug', 'id'])
  expect(rows[0]).toMatchObject({ title: 'A title', slug: 'note-0', id: 1 })
  expect((await client.execute(named)).rows[0]).toMatchObject({ slug: 'note-0', id: 1 })
})

test('statements are kept per connection, and the least recently used go first when there are too many', async () => {
  const other = createClient({ url: `file:${path.join(dir, 'test.db')}` })
  const keep = 'SELECT 1 AS kept'
  await other.execute(keep)
  await client.execute(keep) // another connection prepares its own
  expect(preparedCount(keep)).toBe(2)

  for (let i = 0; i < STATEMENTS_PER_CONNECTION; i++) {
    if (i % 100 === 0) await other.execute(keep) // recently used: stays
    await other.execute(`SELECT ${i} AS n`)
  }
  await other.execute(keep)
  expect(preparedCount(keep)).toBe(2)
  await other.execute('SELECT 0 AS n') // the oldest: pushed out, prepared again
  expect(preparedCount('SELECT 0 AS n')).toBe(2)
  other.close()
  await expect(other.execute(keep)).rejects.toThrow()
})
