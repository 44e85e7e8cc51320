/**
 * Payload's packages are released together and its dependency checker refuses mixed versions;
 * security fixes (the 3.90.x advisories) only hold when every @payloadcms/* package has them.
 * So every @payloadcms/* dependency must name exactly the version of `payload`, and what is
 * installed must be that version too (a stray nested copy would load different code).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'

const root = process.cwd()
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
const declared: Record<string, string> = { ...pkg.dependencies, ...pkg.devDependencies }
const payloadVersion = declared.payload

test('payload is pinned to one exact version', () => {
  expect(payloadVersion).toMatch(/^\d+\.\d+\.\d+$/)
})

test('every @payloadcms/* dependency in package.json is pinned to the payload version', () => {
  const scoped = Object.entries(declared).filter(([name]) => name.startsWith('@payloadcms/'))
  expect(scoped.length).toBeGreaterThan(0)
  const mismatched = scoped.filter(([, version]) => version !== payloadVersion).map(([n, v]) => `${n}@${v}`)
  expect(mismatched).toEqual([])
})

test('every installed @payloadcms/* package (including nested copies) is the payload version', () => {
  const found: string[] = []
  // Walk node_modules for any @payloadcms scope, at the top level or nested under another package.
  const walk = (dir: string, depth: number) => {
    if (depth > 4 || !existsSync(dir)) return
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue
      const full = path.join(dir, name)
      if (name === '@payloadcms') {
        for (const sub of readdirSync(full)) {
          const manifest = path.join(full, sub, 'package.json')
          if (existsSync(manifest)) {
            const { version } = JSON.parse(readFileSync(manifest, 'utf8'))
            if (version !== payloadVersion) found.push(`${path.relative(root, path.join(full, sub))}@${version}`)
          }
          walk(path.join(full, sub, 'node_modules'), depth + 1)
        }
      } else if (name.startsWith('@')) {
        for (const sub of readdirSync(full)) walk(path.join(full, sub, 'node_modules'), depth + 1)
      } else {
        walk(path.join(full, 'node_modules'), depth + 1)
      }
    }
  }
  walk(path.join(root, 'node_modules'), 0)
  const installed = JSON.parse(readFileSync(path.join(root, 'node_modules/payload/package.json'), 'utf8')).version
  expect(installed).toBe(payloadVersion)
  expect(found).toEqual([])
})
