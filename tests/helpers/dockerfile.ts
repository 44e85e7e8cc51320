/**
 * Reads the Dockerfile, and reproduces its runtime stage's file tree on this machine (there is no
 * Docker engine here), so the image test boots exactly what the image would hold.
 *
 * Only what the Dockerfile's stages actually do is understood; anything else fails loudly
 * ("teach assembleRuntime …") rather than being skipped, so the test and the file cannot drift.
 *   FROM <stage> / FROM node:<major>…   WORKDIR   ENV   ARG   USER   EXPOSE   CMD   LABEL
 *   COPY <context files> <dest>          (from the build context, as .dockerignore leaves it)
 *   COPY --from=<stage> <paths> <dest>   (from what that stage made, see below)
 *   RUN npm ci [--omit=dev]              → node_modules: all dependencies / production ones only
 *   RUN … node scripts/build.mjs …       → .next: the build (with NEXT_OUTPUT=standalone)
 *   RUN groupadd/useradd/mkdir/chown     (accounts and folders)
 * A stage's /app after `COPY . .`, `npm ci` and the build is this checkout after `npm ci` and
 * scripts/test-browser.mjs's build, which runs the same scripts/build.mjs with NEXT_OUTPUT=standalone.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, copyFileSync, symlinkSync, readlinkSync, lstatSync } from 'node:fs'
import path from 'node:path'

export type Instruction = { op: string; args: string; line: number }
export type Stage = { from: string; name?: string; instructions: Instruction[] }

/** Stages of a Dockerfile, with line continuations joined and comments dropped. */
export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const start = i
    let line = lines[i]
    if (/^\s*(#|$)/.test(line)) continue
    while (/\\\s*$/.test(line) && i + 1 < lines.length) {
      i++
      if (/^\s*#/.test(lines[i])) continue
      line = line.replace(/\\\s*$/, ' ') + lines[i].trim()
    }
    const m = line.trim().match(/^(\w+)\s+([\s\S]*)$/)
    if (!m) throw new Error(`Dockerfile line ${start + 1}: cannot read "${line}"`)
    const op = m[1].toUpperCase()
    const args = m[2].trim()
    if (op === 'FROM') {
      const [, image, name] = args.match(/^(\S+)(?:\s+AS\s+(\S+))?$/i) ?? []
      stages.push({ from: image, name, instructions: [] })
      continue
    }
    if (!stages.length) throw new Error(`Dockerfile line ${start + 1}: ${op} before FROM`)
    stages[stages.length - 1].instructions.push({ op, args, line: start + 1 })
  }
  return stages
}

/** KEY=value pairs of an ENV line (values may be quoted). */
export function envPairs(args: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (!args.includes('=')) {
    const [k, ...rest] = args.split(/\s+/)
    out[k] = rest.join(' ')
    return out
  }
  for (const m of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g)) {
    out[m[1]] = m[2].replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1')
  }
  return out
}

/** The node major of an official node image (node:24-bookworm-slim → 24). */
export function nodeMajor(image: string): number | null {
  const m = image.match(/^(?:docker\.io\/(?:library\/)?)?node:(\d+)/)
  return m ? Number(m[1]) : null
}

function words(args: string): string[] {
  return args.split(/\s+/).filter(Boolean)
}

/** Patterns of a .dockerignore, as simple prefix/glob tests on context-relative paths. */
function dockerignore(root: string): (rel: string) => boolean {
  const file = path.join(root, '.dockerignore')
  const patterns = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
    : []
  const regexes = patterns.map((p) => {
    const negate = p.startsWith('!')
    const body = (negate ? p.slice(1) : p).replace(/^\/+|\/+$/g, '')
    const re = body
      .split('/')
      .map((seg) => seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]').replace(/\u0000/g, '.*'))
      .join('/')
    return { negate, re: new RegExp(`^${re}(/.*)?$`) }
  })
  return (rel) => {
    let ignored = false
    for (const { negate, re } of regexes) if (re.test(rel)) ignored = !negate
    return ignored
  }
}

/** Copies a tree: node_modules folders as hard links (read-only, thousands of files), everything else as real copies. */
function copyTree(src: string, dest: string, skip: (rel: string) => boolean = () => false, rel = '') {
  const st = lstatSync(src)
  if (st.isSymbolicLink()) {
    if (!existsSync(dest)) symlinkSync(readlinkSync(src), dest)
    return
  }
  if (!st.isDirectory()) {
    mkdirSync(path.dirname(dest), { recursive: true })
    copyFileSync(src, dest)
    return
  }
  if (path.basename(src) === 'node_modules') {
    mkdirSync(dest, { recursive: true })
    execFileSync('cp', ['-a', '-l', '--remove-destination', `${src}/.`, dest])
    return
  }
  mkdirSync(dest, { recursive: true })
  for (const name of readdirSync(src)) {
    const childRel = rel ? `${rel}/${name}` : name
    if (skip(childRel)) continue
    copyTree(path.join(src, name), path.join(dest, name), skip, childRel)
  }
}

/** node_modules as `npm ci --omit=dev` leaves it: the production dependency tree of this checkout. */
function productionNodeModules(root: string, into: string) {
  const listed = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const top = new Set<string>()
  for (const line of listed.stdout.split('\n')) {
    const rel = path.relative(path.join(root, 'node_modules'), line.trim())
    if (!line.trim() || rel.startsWith('..') || rel === '') continue
    const parts = rel.split(path.sep)
    top.add(parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0])
  }
  if (top.size < 20) throw new Error(`npm ls --omit=dev listed only ${top.size} packages: ${listed.stderr}`)
  for (const name of top) {
    const dest = path.join(into, name)
    mkdirSync(path.dirname(dest), { recursive: true })
    execFileSync('cp', ['-a', '-l', '--remove-destination', path.join(root, 'node_modules', name), path.dirname(dest) + '/'])
  }
  return top
}

export type Runtime = {
  /** Host folder standing for the image's root directory. */
  fsRoot: string
  /** Host folder standing for WORKDIR. */
  workdir: string
  env: Record<string, string>
  cmd: string[]
  nodeMajor: number
  /** Container path → host path. */
  host: (containerPath: string) => string
}

/**
 * Builds the last stage of the Dockerfile into `fsRoot` (a folder standing for the image's /),
 * taking each stage's products from this checkout (see the file comment).
 */
export function assembleRuntime(root: string, fsRoot: string): Runtime {
  const stages = parseDockerfile(readFileSync(path.join(root, 'Dockerfile'), 'utf8'))
  const byName = new Map(stages.filter((s) => s.name).map((s) => [s.name!, s]))
  const ignored = dockerignore(root)
  const teach = (stage: Stage, ins: Instruction) =>
    new Error(`Dockerfile line ${ins.line}: the image test cannot reproduce "${ins.op} ${ins.args}" in stage ${stage.name ?? stage.from}; teach assembleRuntime (tests/helpers/dockerfile.ts) what it makes.`)

  /** For a build stage: which host path holds a container path, by the stage's own steps. */
  type Source = { prefix: string; host: (rest: string) => string }
  const sourcesCache = new Map<Stage, Source[]>()
  function sourcesOf(stage: Stage): Source[] {
    if (sourcesCache.has(stage)) return sourcesCache.get(stage)!
    const parent = byName.get(stage.from)
    const sources: Source[] = parent ? [...sourcesOf(parent)] : []
    let workdir = '/'
    const env: Record<string, string> = {}
    for (const ins of stage.instructions) {
      const at = (p: string) => path.posix.resolve(workdir, p)
      if (ins.op === 'WORKDIR') workdir = at(ins.args)
      else if (ins.op === 'ENV') Object.assign(env, envPairs(ins.args))
      else if (['ARG', 'LABEL', 'EXPOSE', 'USER'].includes(ins.op)) continue
      else if (ins.op === 'COPY' && !/--from=/.test(ins.args)) {
        const parts = words(ins.args).filter((w) => !w.startsWith('--'))
        const dest = at(parts.pop()!)
        for (const src of parts) {
          if (src === '.') sources.unshift({ prefix: dest, host: (rest) => path.join(root, rest) })
          else sources.unshift({ prefix: path.posix.join(dest, path.posix.basename(src)), host: (rest) => path.join(root, src, rest) })
        }
      } else if (ins.op === 'RUN' && /^npm ci\b/.test(ins.args)) {
        const omitDev = /--omit=dev\b/.test(ins.args)
        sources.unshift({ prefix: at('node_modules'), host: (rest) => (omitDev ? path.join(PROD_MODULES, rest) : path.join(root, 'node_modules', rest)) })
      } else if (ins.op === 'RUN' && /\bnode scripts\/build\.mjs\b/.test(ins.args)) {
        if (env.NEXT_OUTPUT !== 'standalone') throw new Error(`Dockerfile line ${ins.line}: the build runs without ENV NEXT_OUTPUT=standalone`)
        sources.unshift({ prefix: at('.next'), host: (rest) => path.join(root, '.next', rest) })
      } else throw teach(stage, ins)
    }
    sourcesCache.set(stage, sources)
    return sources
  }

  const PROD_MODULES = path.join(fsRoot, '..', 'prod-node_modules')
  let prodReady = false
  const host = (p: string) => path.join(fsRoot, p)
  const runtime = stages[stages.length - 1]
  const major = nodeMajor(runtime.from)
  if (!major) throw new Error(`the runtime stage is FROM ${runtime.from}, not an official node image`)
  let workdir = '/'
  const env: Record<string, string> = {}
  let cmd: string[] = []
  for (const ins of runtime.instructions) {
    const at = (p: string) => path.posix.resolve(workdir, p)
    if (ins.op === 'WORKDIR') {
      workdir = at(ins.args)
      mkdirSync(host(workdir), { recursive: true })
    } else if (ins.op === 'ENV') Object.assign(env, envPairs(ins.args))
    else if (['ARG', 'LABEL', 'EXPOSE', 'USER'].includes(ins.op)) continue
    else if (ins.op === 'CMD') cmd = JSON.parse(ins.args)
    else if (ins.op === 'RUN') {
      // Accounts and folders only: anything else would change the tree in ways we would not reproduce.
      for (const step of ins.args.split('&&').map((s) => s.trim())) {
        if (/^(groupadd|useradd|chown)\b/.test(step)) continue
        const mk = step.match(/^mkdir -p (\S+)$/)
        if (mk) mkdirSync(host(at(mk[1])), { recursive: true })
        else throw teach(runtime, ins)
      }
    } else if (ins.op === 'COPY') {
      const from = ins.args.match(/--from=(\S+)/)?.[1]
      const parts = words(ins.args).filter((w) => !w.startsWith('--'))
      const dest = at(parts.pop()!)
      for (const src of parts) {
        if (!from) {
          const rel = path.posix.normalize(src)
          if (ignored(rel)) throw new Error(`Dockerfile line ${ins.line}: ${src} is excluded by .dockerignore`)
          copyTree(path.join(root, rel), host(parts.length > 1 || dest.endsWith('/') ? path.posix.join(dest, path.posix.basename(rel)) : dest), (r) => ignored(`${rel}/${r}`))
          continue
        }
        const stage = byName.get(from)
        if (!stage) throw new Error(`Dockerfile line ${ins.line}: no stage named ${from}`)
        const abs = path.posix.resolve('/', src)
        const source = sourcesOf(stage).find((s) => abs === s.prefix || abs.startsWith(`${s.prefix}/`))
        if (!source) throw new Error(`Dockerfile line ${ins.line}: nothing in stage ${from} makes ${src}`)
        if (source.host('').startsWith(PROD_MODULES) && !prodReady) {
          productionNodeModules(root, PROD_MODULES)
          prodReady = true
        }
        const from_ = source.host(path.posix.relative(source.prefix, abs))
        if (!existsSync(from_)) throw new Error(`Dockerfile line ${ins.line}: ${src} from stage ${from} does not exist (looked for ${from_}; has the build run?)`)
        const target = statSync(from_).isDirectory() ? dest : dest.endsWith('/') || parts.length > 1 ? path.posix.join(dest, path.posix.basename(abs)) : dest
        copyTree(from_, host(target))
      }
    } else throw teach(runtime, ins)
  }
  return { fsRoot, workdir: host(workdir), env, cmd, nodeMajor: major, host: (p) => host(at0(workdir, p)) }
}

const at0 = (workdir: string, p: string) => path.posix.resolve(workdir, p)
