#!/bin/sh
# Container start: refuse to run without a real secret, migrate, load the demo content into an
# empty database when SEED_DEMO=true, then serve.
set -e
node -e "import('./platform/secretRules.js').then(({secretProblem})=>{const p=secretProblem(process.env.PAYLOAD_SECRET);if(p){console.error('Refusing to start in production: '+p);process.exit(1)}})"
if [ "${SEED_DEMO:-false}" = "true" ]; then
  DALEEL_JOBS=off node --conditions=production --import tsx scripts/prepare-db.ts
else
  DALEEL_JOBS=off node --conditions=production --import tsx scripts/prepare-db.ts --no-seed
fi
# server.mjs: Next's handler (the standalone build's config) behind the page cache.
exec node server.mjs
