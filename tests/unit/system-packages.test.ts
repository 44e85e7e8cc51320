/**
 * `npm test` provisions the system packages its tests use (scripts/system-packages.mjs), so the
 * README's two commands are the whole set-up on a fresh machine. CI must not paper over a missing
 * package: .ci/run may install nothing that `npm test` would not install by itself.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { SYSTEM_PACKAGES, ensureSystemPackages, missingSystemPackages } from '../../scripts/system-packages.mjs'

const root = process.cwd()
const read = (file: string) => readFileSync(path.join(root, file), 'utf8')
const provisioned: string[] = SYSTEM_PACKAGES.map((p: { name: string }) => p.name)

/** Package names a shell script installs with apt/apt-get/dpkg; anything not a literal name is reported as such. */
function packagesInstalledBy(script: string): string[] {
  const names: string[] = []
  const lines = script.replace(/\\\n/g, ' ').split('\n').filter((l) => !l.trim().startsWith('#'))
  for (const line of lines) {
    for (const m of line.matchAll(/\b(?:apt-get|apt|aptitude)\s+(?:[^;&|]*?\s)?install\s+([^;&|)]*)/g)) {
      for (const token of m[1].trim().split(/\s+/)) if (token && !token.startsWith('-') && !token.startsWith('>')) names.push(token)
    }
    if (/\bdpkg\s+(-i|--install)\b/.test(line)) names.push('<a .deb file installed with dpkg>')
  }
  return names
}

test('the parser finds what a script installs, including what it cannot name', () => {
  expect(packagesInstalledBy('apt-get update -qq\napt-get install -y -qq chromium redis-server >/dev/null || fail')).toEqual(['chromium', 'redis-server'])
  expect(packagesInstalledBy('sudo apt-get -o X=1 install --no-install-recommends -y "${need[@]}"')).toEqual(['"${need[@]}"'])
  expect(packagesInstalledBy('# apt-get install -y nothing\necho ok')).toEqual([])
})

test('.ci/run installs no system package that npm test does not provision itself', () => {
  const extra = packagesInstalledBy(read('.ci/run')).filter((name) => !provisioned.includes(name))
  expect(extra).toEqual([])
  expect(read('.ci/run')).not.toMatch(/\b(curl|wget)\b/) // and downloads nothing from outside the registries
})

test('.ci/run runs the README\'s test command and reports its closing line', () => {
  const ci = read('.ci/run')
  expect(ci).toMatch(/^npm test\b/m)
  expect(ci).toContain('passed, [0-9]+ failed')
})

test("the README's first commands are the whole set-up, and it names every system package npm test installs", () => {
  const readme = read('README.md')
  const firstBlock = readme.match(/```sh\n([\s\S]*?)```/)?.[1] ?? ''
  const commands = firstBlock.split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean)
  expect(commands).toEqual(['npm install && npm run dev', 'npm test'])
  for (const name of provisioned) expect(readme).toContain(`\`${name}\``)
  expect(read('package.json')).toContain('"test": "node scripts/test.mjs"')
  expect(read('scripts/test.mjs')).toMatch(/ensureSystemPackages\(/)
})

describe('ensureSystemPackages', () => {
  const fake = [{ name: 'daleel-no-such-package', file: '/nonexistent/daleel-tool', override: 'DALEEL_TOOL_PATH', why: 'a test' }]
  const realError = console.error
  let errors: string[]
  beforeEach(() => {
    errors = []
    console.error = (...args: unknown[]) => void errors.push(args.join(' '))
  })
  afterEach(() => {
    console.error = realError
  })

  test('a package is present when its file exists, or when its override points at an existing file', () => {
    expect(missingSystemPackages({}, () => false, fake).map((p: { name: string }) => p.name)).toEqual(['daleel-no-such-package'])
    expect(missingSystemPackages({ DALEEL_TOOL_PATH: '/usr/bin/env' }, undefined, fake)).toEqual([])
  })

  test('on Debian without root it stops with one line naming the exact command', () => {
    expect(ensureSystemPackages({ label: 'npm test', env: {}, packages: fake, host: { debian: true, root: false } })).toBe(false)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('sudo apt-get update && sudo apt-get install -y daleel-no-such-package')
  })

  test('elsewhere it stops with one line naming the package and the Debian command', () => {
    expect(ensureSystemPackages({ label: 'npm test', env: {}, packages: fake, host: { debian: false, root: true } })).toBe(false)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/daleel-no-such-package.*apt-get install -y daleel-no-such-package/)
  })

  test('with everything present it does nothing and says nothing', () => {
    expect(ensureSystemPackages({ env: { DALEEL_TOOL_PATH: '/usr/bin/env' }, packages: fake, host: { debian: false, root: false } })).toBe(true)
    expect(errors).toEqual([])
  })
})
