#!/usr/bin/env bash
# Regenerate everything derived from the Payload config after a schema change:
# payload-types.ts, the admin import map, and the SQL migration.
#
# Until the first production release the SQL schema is kept as ONE migration (0001_initial),
# rebuilt from the config here. After a release, stop squashing: add migrations with
# `npm run migrate:create <name>` instead, so existing databases upgrade in place.
set -euo pipefail
cd "$(dirname "$0")/.."
# Several people (or agents) may regenerate at once on one checkout: take turns.
exec 9>/tmp/daleel-generate.lock
flock 9
# Lexical's .node.mjs entries use top-level await, which can deadlock Node 20's loader (silent
# exit 13): use its plain ESM builds (see scripts/run.mjs).
export NODE_OPTIONS="--conditions=production ${NODE_OPTIONS:-}"
export PAYLOAD_SECRET="${PAYLOAD_SECRET:-generate-only-secret-0123456789abcdef}"
# Generate against a throwaway SQLite file so a developer's own database is never touched.
export DATABASE_URI="file:$(mktemp -d)/generate.db"
npx payload generate:types
npx payload generate:importmap
rm -f migrations/*.ts migrations/*.json
echo 'export const migrations: { name: string; up: any; down: any }[] = []' > migrations/index.ts
# The Payload CLI sometimes exits silently without writing the file (seen on a loaded machine):
# try again, and fail loudly rather than leave migrations/ empty.
for attempt in 1 2 3; do
  npx payload migrate:create initial < /dev/null || true
  ls migrations/*_initial.ts >/dev/null 2>&1 && break
  echo "migrate:create wrote nothing (attempt $attempt); retrying" >&2
done
ls migrations/*_initial.ts >/dev/null 2>&1 || { echo "Could not create the migration" >&2; exit 1; }
# Give the one migration a stable name, so re-squashing does not look like a new migration.
for f in migrations/*_initial.ts migrations/*_initial.json; do
  ext="${f##*.}"; mv "$f" "migrations/0001_initial.$ext"
done
cat > migrations/index.ts <<'TS'
import * as migration_0001_initial from './0001_initial'

export const migrations = [
  { up: migration_0001_initial.up, down: migration_0001_initial.down, name: '0001_initial' },
]
TS
echo "Regenerated payload-types.ts, the import map and migrations/0001_initial. Delete data/*.db to start a fresh dev database."
