#!/bin/sh
# Container start (the image's CMD; every file here was compiled by scripts/build-runtime.mjs):
# refuse to run without a real secret, migrate, load the demo content into an empty database when
# SEED_DEMO=true, then serve. `exec` makes the server PID 1's process, so SIGTERM reaches it.
set -e
# --conditions=production: Lexical's plain ESM builds (see scripts/run.mjs).
node check-secret.mjs
if [ "${SEED_DEMO:-false}" = "true" ]; then
  DALEEL_JOBS=off node --conditions=production prepare-db.mjs
else
  DALEEL_JOBS=off node --conditions=production prepare-db.mjs --no-seed
fi
exec node server.mjs
