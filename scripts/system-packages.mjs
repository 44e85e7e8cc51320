// The system (Debian) packages the tests use, in ONE list, and the step that makes sure of them.
// `npm test` (and `npm run test:browser`) call ensureSystemPackages() before any test runs:
//   - everything present: nothing happens, nothing is printed;
//   - something missing, on Debian as root: one line says what and why, then `apt-get update` (once)
//     and `apt-get install -y` from Debian's own archive (never a download from anywhere else);
//   - something missing elsewhere (not root, not Debian): one line naming the exact command to run,
//     and the tests do not start.
// A test that needs a new system package adds it HERE (tests/unit/system-packages.test.ts checks
// that .ci/run installs nothing this list does not, and that the README names every one).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/**
 * `file`: what the tests run (an environment variable may point them elsewhere: `override`).
 * `why`: said in the one line printed when the package is installed. `browserOnly`: only the browser
 * phase uses it (`npm run test:mongo` runs no browser).
 */
export const SYSTEM_PACKAGES = [
  { name: 'chromium', file: '/usr/bin/chromium', override: 'CHROMIUM_PATH', why: 'the browser tests drive it; no browser is ever downloaded', browserOnly: true },
  { name: 'redis-server', file: '/usr/bin/redis-server', override: 'REDIS_SERVER_PATH', why: 'the shared-cache tests start one on loopback' },
  { name: 'poppler-utils', file: '/usr/bin/pdftotext', override: 'PDFTOTEXT_PATH', why: 'the PDF text checks use its pdftotext' },
]

/**
 * The packages whose file is missing (an override pointing at an existing file counts as present).
 * @param {Record<string, string | undefined>} [env]
 */
export function missingSystemPackages(env = process.env, exists = existsSync, packages = SYSTEM_PACKAGES) {
  return packages.filter((p) => !exists((p.override && env[p.override]) || p.file))
}

export const isDebian = () => existsSync('/etc/debian_version') && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0

function apt(args) {
  // Another developer's (or CI step's) apt-get may hold the lock: wait for it rather than fail.
  const r = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` }
}

/**
 * @typedef {{ name: string, file: string, override?: string, why: string, browserOnly?: boolean }} SystemPackage
 * @typedef {{ label?: string, env?: Record<string, string | undefined>, browser?: boolean, packages?: SystemPackage[], host?: { debian: boolean, root: boolean } }} EnsureOptions
 */
/**
 * Makes sure every system package the tests use is installed. Returns true when they all are;
 * false (after printing one line saying what to run) when they are not and cannot be installed here.
 * @param {EnsureOptions} [options]
 */
export function ensureSystemPackages({
  label = 'npm test',
  env = process.env,
  browser = true,
  packages = SYSTEM_PACKAGES.filter((p) => browser || !p.browserOnly),
  host = { debian: isDebian(), root: isRoot() },
} = {}) {
  const missing = missingSystemPackages(env, existsSync, packages)
  if (missing.length === 0) return true
  const names = missing.map((p) => p.name).join(' ')
  if (!host.debian || !host.root) {
    const how = host.debian ? `sudo apt-get update && sudo apt-get install -y ${names}` : `install ${names} with your system's package manager (on Debian: apt-get install -y ${names})`
    console.error(`${label} needs the system packages ${names}, which are missing: ${how}, then run ${label} again.`)
    return false
  }
  console.log(`${label}: installing ${missing.map((p) => `${p.name} (${p.why})`).join(', ')} from Debian with apt-get…`)
  const update = apt(['update', '-qq'])
  const install = update.ok ? apt(['install', '-y', '-qq', ...missing.map((p) => p.name)]) : update
  const still = missingSystemPackages(env, existsSync, packages)
  if (!install.ok || still.length > 0) {
    console.error(install.output.trim().split('\n').slice(-15).join('\n'))
    console.error(`${label}: apt-get could not install ${still.map((p) => p.name).join(' ') || names}; run: apt-get update && apt-get install -y ${names}`)
    return false
  }
  return true
}
