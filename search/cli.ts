/**
 * `npm run search:rebuild`: rebuild the site search index from the published content. Readers
 * keep searching meanwhile (entries are replaced in place, then those of documents no longer
 * public are removed). `-- --fresh` drops the index first and builds it from scratch.
 *
 * Not needed in normal running: every publish, unpublish, withdrawal and trash updates the index
 * within its own save. Use it after restoring a database from elsewhere, or to check timings.
 */
import { getPayload } from 'payload'

import { applyStaleness } from '../content/changes/freshness'
import config from '../payload.config'
import { migrateDatabase } from '../platform/migrate'
import { searchEngine } from './engine'
import { rebuildSearchIndex } from './indexer'
import { searchStaleness } from './subscriber'

const payload = await getPayload({ config })
await migrateDatabase(payload)
const engine = await searchEngine(payload)
console.log(`Rebuilding the search index (${engine.name})${process.argv.includes('--fresh') ? ' from scratch' : ''}…`)
const report = await rebuildSearchIndex(payload, { fresh: process.argv.includes('--fresh'), log: (line) => console.log(`  ${line}`) })
const entries = Object.entries(report.entries).map(([locale, n]) => `${n} ${locale}`).join(', ') || 'none'
console.log(`Done in ${(report.ms / 1000).toFixed(1)} s: ${report.documents} documents, entries ${entries}, ${report.removed} stale removed.`)
// Readers of the running site get the new index at once (its search pages and cached answers;
// forwarded to the server when this process is not one, as every change's freshness is).
const told = await applyStaleness(searchStaleness()).then(
  (where) => (where === 'nowhere' ? 'no running server is configured to be told (DALEEL_INTERNAL_URL or SERVER_URL in production)' : `the running site's kept result pages and answers are dropped (${where})`),
  (err: Error) => `the running site could not be told (${err.message}); its kept result pages expire within a minute`,
)
console.log(`Search: ${told}.`)
process.exit(0)
