/**
 * A Node.js binary of a given major version, for running the image's runtime tree on the Node the
 * image has (our machines run another). It comes from the npm registry with npm itself: the
 * node-<platform>-<arch> packages are the official release binaries that the `node` package
 * installs. Kept in node_modules/.cache/ so repeated runs reuse it.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'

export function nodeBinary(major: number, root = process.cwd()): { bin: string; version: string } {
  if (process.versions.node.split('.')[0] === String(major)) return { bin: process.execPath, version: process.versions.node }
  const pkg = `node-${process.platform}-${process.arch}`
  const cache = path.join(root, 'node_modules', '.cache', 'daleel-node-releases')
  mkdirSync(cache, { recursive: true })
  const cached = readdirSync(cache).filter((d) => d.startsWith(`${major}.`) && existsSync(path.join(cache, d, 'package', 'bin', 'node')))
  if (cached.length) {
    const version = cached.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).pop()!
    return { bin: path.join(cache, version, 'package', 'bin', 'node'), version }
  }
  const packed = JSON.parse(execFileSync('npm', ['pack', `${pkg}@${major}`, '--json', '--pack-destination', cache], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }))
  const { filename, version } = packed[0] as { filename: string; version: string }
  const dir = path.join(cache, version)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  execFileSync('tar', ['xzf', path.join(cache, path.basename(filename)), '-C', dir])
  rmSync(path.join(cache, path.basename(filename)), { force: true })
  const bin = path.join(dir, 'package', 'bin', 'node')
  const reported = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()
  if (reported !== `v${version}`) throw new Error(`${pkg}@${version} reports ${reported}`)
  return { bin, version }
}
