// `npm run build`: migrate (and seed an empty database), then the production build. With
// NEXT_OUTPUT=standalone (the Docker image, the browser tests) it also completes
// .next/standalone into the image's runtime (scripts/build-runtime.mjs).
import { ensureDevSecret } from './ensure-env.mjs'
import { bin, run, TS_SCRIPT } from './run.mjs'

if (process.env.NODE_ENV !== 'production' || !process.env.PAYLOAD_SECRET) ensureDevSecret()
// The build that follows renders every page from this database: its changes need no server refreshed.
await run('node', [...TS_SCRIPT, 'scripts/prepare-db.ts', ...process.argv.slice(2)], { env: { DALEEL_JOBS: 'off', DALEEL_INTERNAL_URL: 'none' } })
await run(bin('next'), ['build'], { env: { DALEEL_JOBS: 'off' } })
if (process.env.NEXT_OUTPUT === 'standalone') await run('node', ['scripts/build-runtime.mjs'])
