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
# Types and the import map describe the default (integer-ID) schema.
SQLITE_ID_TYPE=number npx payload generate:types
SQLITE_ID_TYPE=number npx payload generate:importmap
# The SQL schema, twice: integer IDs (the default, migrations/) and text IDs (SQLITE_ID_TYPE=uuid,
# migrations/uuid/: what `npm test` also runs the integration suite on). Same config, same command.
squash() { # <folder> <migration name> [env…]
  local dir=$1 name=$2; shift 2
  mkdir -p "$dir"
  rm -f "$dir"/*.ts "$dir"/*.json
  echo 'export const migrations: { name: string; up: any; down: any }[] = []' > "$dir/index.ts"
  # The Payload CLI sometimes exits silently without writing the file (seen on a loaded machine):
  # try again, and fail loudly rather than leave the folder empty. A fresh throwaway database each time.
  for attempt in 1 2 3; do
    env "$@" DATABASE_URI="file:$(mktemp -d)/generate.db" npx payload migrate:create "$name" < /dev/null || true
    ls "$dir"/*_"$name".ts >/dev/null 2>&1 && break
    echo "migrate:create wrote nothing in $dir (attempt $attempt); retrying" >&2
  done
  ls "$dir"/*_"$name".ts >/dev/null 2>&1 || { echo "Could not create the migration in $dir" >&2; exit 1; }
  # Give the one migration a stable name, so re-squashing does not look like a new migration.
  for f in "$dir"/*_"$name".ts "$dir"/*_"$name".json; do
    ext="${f##*.}"; mv "$f" "$dir/0001_$name.$ext"
  done
  cat > "$dir/index.ts" <<TS
import * as migration_0001_$name from './0001_$name'

export const migrations = [
  { up: migration_0001_$name.up, down: migration_0001_$name.down, name: '0001_$name' },
]
TS
}
squash migrations initial SQLITE_ID_TYPE=number
squash migrations/uuid initial_uuid SQLITE_ID_TYPE=uuid
echo "Regenerated payload-types.ts, the import map, migrations/0001_initial and migrations/uuid/0001_initial_uuid. Delete data/*.db to start a fresh dev database."
