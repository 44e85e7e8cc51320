/**
 * `npm run search:rebuild`: rebuild the site search index from the published content. Readers
 * keep searching meanwhile (entries are replaced in place, then those of documents no longer
 * public are removed). `-- --fresh` drops the index first and builds it from scratch.
 *
 * Not needed in normal running: every publish, unpublish, withdrawal and trash updates the index
 * within its own save. Use it after restoring a database from elsewhere, or to check timings.
 */
import { getPayload } from 'payload'

import config from '../payload.config'
import { migrateDatabase } from '../platform/migrate'
import { searchEngine } from './engine'
import { rebuildSearchIndex } from './indexer'

const payload = await getPayload({ config })
await migrateDatabase(payload)
const engine = await searchEngine(payload)
console.log(`Rebuilding the search index (${engine.name})${process.argv.includes('--fresh') ? ' from scratch' : ''}…`)
const report = await rebuildSearchIndex(payload, { fresh: process.argv.includes('--fresh'), log: (line) => console.log(`  ${line}`) })
const entries = Object.entries(report.entries).map(([locale, n]) => `${n} ${locale}`).join(', ') || 'none'
console.log(`Done in ${(report.ms / 1000).toFixed(1)} s: ${report.documents} documents, entries ${entries}, ${report.removed} stale removed.`)
process.exit(0)
