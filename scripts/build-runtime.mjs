// Completes Next's standalone output (.next/standalone) into everything the production image runs,
// so the Dockerfile copies one folder and cannot miss a file the server or its start-up steps import:
//   server.mjs        our server (server.mjs + site/page-cache.mjs …), bundled
//   prepare-db.mjs    the migration and seed step (scripts/prepare-db.ts: payload.config.ts, every
//                     collection, the migrations and the demo content), bundled
//   check-secret.mjs  the refusal to start without a real PAYLOAD_SECRET, bundled
//   docker-entrypoint.sh
// Our own code is compiled into those files (esbuild fails the build on an import it cannot
// resolve); packages stay imports, resolved from node_modules: the image adds the production
// dependencies (npm ci --omit=dev) beside them. Run by `npm run build` when NEXT_OUTPUT=standalone.
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'

import { build } from 'esbuild'

export const RUNTIME_ENTRIES = {
  server: 'server.mjs',
  'prepare-db': 'scripts/prepare-db.ts',
  'check-secret': 'scripts/check-secret.mjs',
}

export async function buildRuntime(root = process.cwd()) {
  const out = path.join(root, '.next', 'standalone')
  if (!existsSync(path.join(out, '.next'))) {
    throw new Error('No standalone output in .next/standalone: build with NEXT_OUTPUT=standalone first.')
  }
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(RUNTIME_ENTRIES).map(([name, file]) => [name, path.join(root, file)])),
    outdir: out,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages are resolved at run time from node_modules (native modules, Payload's own files).
    packages: 'external',
    jsx: 'automatic',
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
    legalComments: 'none',
  })
  copyFileSync(path.join(root, 'scripts', 'docker-entrypoint.sh'), path.join(out, 'docker-entrypoint.sh'))
  // Next copies the project's .env files into its standalone output: on a developer's machine that
  // is their local secret. The image takes its settings from its environment only.
  for (const f of readdirSync(out)) if (f.startsWith('.env')) rmSync(path.join(out, f), { force: true })
  return out
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = await buildRuntime()
  console.log(`Production runtime completed in ${path.relative(process.cwd(), out)}/ (${Object.keys(RUNTIME_ENTRIES).map((n) => `${n}.mjs`).join(', ')}, docker-entrypoint.sh).`)
}
