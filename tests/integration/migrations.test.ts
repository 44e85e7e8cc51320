// The committed SQL migrations build a working database from an empty SQLite file, and running
// them again is harmless. (MongoDB has no schema: migrateDatabase does nothing there.)
import { existsSync } from 'node:fs'
import { getPayload, type Payload } from 'payload'

import config from '../../payload.config'
import { databaseKind, sqliteFilePath, sqliteIdType, sqliteMigrations } from '../../platform/database'
import { migrateDatabase } from '../../platform/migrate'
import { makeOrganisation, makeStatement } from '../helpers/fixtures'
import { closePayload } from '../helpers/payload'

const sqlite = databaseKind() === 'sqlite'
// The set for this run's ID type (SQLITE_ID_TYPE): integers, or text IDs (migrations/uuid/).
const { migrations } = sqlite ? sqliteMigrations() : { migrations: [] }
let payload: Payload

/** Table names in the SQLite file. */
async function tables(): Promise<string[]> {
  const result = await (payload.db as any).client.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
  return result.rows.map((r: any) => String(r.name))
}

const tableName = (slug: string) => slug.replace(/-/g, '_')

beforeAll(async () => {
  // Start Payload on this file's fresh database WITHOUT migrating (testPayload() would migrate).
  payload = await getPayload({ config })
})
afterAll(async () => {
  await payload.db?.destroy?.()
  await closePayload()
})

;(sqlite ? describe : describe.skip)('SQLite migrations', () => {
  test('the database starts empty: no content tables before migrating', async () => {
    const file = sqliteFilePath()
    expect(file && existsSync(file)).toBeTruthy()
    const names = await tables()
    for (const collection of payload.config.collections) expect(names).not.toContain(tableName(collection.slug))
  })

  test('migrateDatabase creates a table for every collection, version store and global', async () => {
    await migrateDatabase(payload)
    const names = await tables()
    for (const collection of payload.config.collections) {
      expect(names).toContain(tableName(collection.slug))
      if (collection.versions) expect(names).toContain(`_${tableName(collection.slug)}_v`)
    }
    for (const global of payload.config.globals) expect(names).toContain(tableName(global.slug))
    expect(names).toContain('payload_migrations')
    const ran = await payload.find({ collection: 'payload-migrations', overrideAccess: true })
    expect(ran.docs.map((d: any) => d.name).sort()).toEqual(migrations.map((m) => m.name).sort())
  })

  test('the migrated database works: content in both languages, drafts and globals', async () => {
    const org = await makeOrganisation(payload, { name: 'Centre for Governance Research' })
    const statement = await makeStatement(payload, { issuingOrganisation: org.id, proposals: [{ text: 'One.' }], _status: 'published' })
    await payload.update({ collection: 'statements', id: statement.id, locale: 'ur', data: { title: 'بیان' }, overrideAccess: true })
    const both: any = await payload.findByID({ collection: 'statements', id: statement.id, locale: 'all' as any, overrideAccess: true })
    expect(both.title.ur).toBe('بیان')
    expect(both.proposals[0].text.en).toBe('One.')
    const versions = await payload.findVersions({ collection: 'statements', overrideAccess: true })
    expect(versions.totalDocs).toBeGreaterThan(0)
    await payload.updateGlobal({ slug: 'site-settings', data: { organisationName: 'Daleel' }, overrideAccess: true })
    expect((await payload.findGlobal({ slug: 'site-settings' })).organisationName).toBe('Daleel')
  })

  test('document IDs have the type the database was made with', async () => {
    const org = await makeOrganisation(payload, { name: 'Centre for Peace and Development Initiatives' })
    if (sqliteIdType() === 'uuid') expect(org.id).toEqual(expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/))
    else expect(Number.isInteger(org.id)).toBe(true)
  })

  test('running the migrations again is harmless: nothing re-runs and no data is lost', async () => {
    const before = await payload.count({ collection: 'statements', overrideAccess: true })
    await migrateDatabase(payload)
    await migrateDatabase(payload)
    const ran = await payload.find({ collection: 'payload-migrations', overrideAccess: true })
    expect(ran.totalDocs).toBe(migrations.length)
    expect(await payload.count({ collection: 'statements', overrideAccess: true })).toEqual(before)
  })
})
