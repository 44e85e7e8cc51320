// `npm run dev`: secret, database and demo content ready, then the Next.js dev server.
import { ensureDevSecret } from './ensure-env.mjs'
import { bin, run, TS_SCRIPT } from './run.mjs'

ensureDevSecret()
await run('node', [...TS_SCRIPT, 'scripts/prepare-db.ts'], { env: { DALEEL_JOBS: 'off', DALEEL_INTERNAL_URL: 'none' } })
await run(bin('next'), ['dev', ...process.argv.slice(2)])
