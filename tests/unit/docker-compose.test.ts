/**
 * No Docker engine runs on our machines, so the production stack is checked statically:
 * the compose file parses, runs MongoDB as a replica set with persistent volumes, and passes the
 * app every environment variable the app reads.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'

const root = process.cwd()
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'))

// Variables that only development tooling, tests or the build read; production never needs them.
const NOT_FOR_PRODUCTION = new Set([
  'NODE_ENV', // set by the image itself
  'NEXT_PHASE',
  'NEXT_OUTPUT',
  'DALEEL_JOBS',
  'TEST_DATABASE_URI',
  'CHROMIUM_PATH',
  'BASE_URL',
  'CI',
  'NEXT_PUBLIC_SERVER_URL', // alias of SERVER_URL
  'WEBHOOKS_ALLOW_PRIVATE', // development only: lets webhooks reach loopback receivers
  'HOSTNAME',
  'DALEEL_KEY', // only inside the example code printed on /developers
])

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [full] : []
  })
}

function variablesTheAppReads(): Set<string> {
  const dirs = ['access', 'collections', 'fields', 'globals', 'lib', 'app', 'jobs', 'components', 'hooks']
  const files = [path.join(root, 'payload.config.ts'), path.join(root, 'next.config.ts')]
  for (const d of dirs) {
    try {
      files.push(...sourceFiles(path.join(root, d)))
    } catch {
      /* folder not present */
    }
  }
  const found = new Set<string>()
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:process\.)?env\.([A-Z][A-Z0-9_]+)/g)) found.add(m[1])
  }
  return found
}

test('the compose file runs the app on MongoDB 7 as a replica set with named volumes', () => {
  expect(compose.services.mongo.image).toMatch(/^mongo:7/)
  expect(compose.services.mongo.command.join(' ')).toContain('--replSet')
  expect(compose.services.app.environment.DATABASE_URI).toMatch(/^mongodb:\/\/mongo:27017\/.+replicaSet=/)
  expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['mongo-data', 'media']))
  expect(compose.services.app.volumes.join(' ')).toContain('media:/app/data/media')
})

test('the app service is given every environment variable the app reads', () => {
  const given = new Set(Object.keys(compose.services.app.environment))
  const missing = [...variablesTheAppReads()].filter((v) => !NOT_FOR_PRODUCTION.has(v) && !given.has(v))
  expect(missing).toEqual([])
})

test('the compose file refuses to start without a PAYLOAD_SECRET', () => {
  expect(compose.services.app.environment.PAYLOAD_SECRET).toMatch(/\$\{PAYLOAD_SECRET:\?/)
})
