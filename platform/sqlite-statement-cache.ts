/**
 * Reuse SQLite prepared statements instead of preparing every query afresh.
 *
 * Why: the SQLite driver under Payload (`@libsql/client` on the `libsql` package) prepares a new
 * statement for every query it runs and never frees it: the native statement outlives its
 * JavaScript object, garbage collection included (libsql-js issues #153 and #230). Payload's queries
 * are large (joins over locales, relations and versions), so every save leaked about 1 MB: a server
 * on the embedded default grew without bound, and loading 10,000 statements for the search bench
 * reached 6 GB and slowed to a crawl. Measured with heaptrack: the leak is all inside libsql.
 *
 * The driver runs each statement synchronously from prepare to result (nothing else can use the
 * statement in between), so handing back the statement prepared earlier for the same SQL text on
 * the same connection is safe; Payload's SQL is parameterised, so a running app has a bounded set
 * of distinct texts. The cache per connection is bounded too (least recently used out): statements
 * pushed out still leak, as every statement did before.
 *
 * SQLite prepares a reused statement again by itself when the schema changed, but the driver keeps
 * the column names it read first (a `SELECT *` would name the old columns). So a schema change on a
 * connection (CREATE, DROP or ALTER, or anything run through `exec`, as migrations are) empties its
 * cache. Our queries and Payload's name their columns, so a change made by another process (a
 * migration while a server runs) leaves their results right.
 *
 * Installed once, by platform/database.ts, before Payload opens the database.
 */
import Database from 'libsql'

/** Distinct SQL texts kept per connection. A running app uses a few hundred. */
export const STATEMENTS_PER_CONNECTION = 1000

type Prepare = (this: object, sql: string) => unknown
type Exec = (this: object, sql: string) => unknown
const MARK = Symbol.for('daleel.sqliteStatementCache')
const SCHEMA_CHANGE = /^\s*(CREATE|DROP|ALTER)\b/i

export function reusePreparedStatements(): void {
  const proto = (Database as unknown as { prototype: Record<string | symbol, unknown> }).prototype
  if (proto[MARK]) return
  const prepare = proto.prepare as Prepare
  const exec = proto.exec as Exec
  const caches = new WeakMap<object, Map<string, unknown>>()
  proto.exec = function execAndForget(this: object, sql: string) {
    caches.delete(this)
    return exec.call(this, sql)
  }
  proto.prepare = function cachedPrepare(this: { open?: boolean }, sql: string) {
    // A closed connection: let the driver say so.
    if (this.open === false) return prepare.call(this, sql)
    if (SCHEMA_CHANGE.test(sql)) {
      caches.delete(this)
      return prepare.call(this, sql)
    }
    let cache = caches.get(this)
    if (!cache) caches.set(this, (cache = new Map()))
    const hit = cache.get(sql)
    if (hit) {
      // Most recently used last.
      cache.delete(sql)
      cache.set(sql, hit)
      return hit
    }
    const statement = prepare.call(this, sql)
    cache.set(sql, statement)
    if (cache.size > STATEMENTS_PER_CONNECTION) cache.delete(cache.keys().next().value as string)
    return statement
  }
  proto[MARK] = true
}
