// Small helpers for the npm scripts: run a command and stop on failure.
import { spawn } from 'node:child_process'

export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options, env: { ...process.env, ...options.env } })
    // Pass stop signals on (a process manager stopping `npm start` must reach `next start`, which
    // then stops accepting connections and lets in-flight requests finish), and wait for the child.
    const forward = (sig) => child.kill(sig)
    process.on('SIGTERM', forward)
    process.on('SIGINT', forward)
    child.on('exit', (code, signal) => {
      process.off('SIGTERM', forward)
      process.off('SIGINT', forward)
      if (code === 0) resolve()
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`))
    })
  })
}

export const bin = (name) => `node_modules/.bin/${name}`

/**
 * Node arguments for running a TypeScript script that loads the Payload config.
 * `--conditions=production` picks Lexical's plain ESM builds: its default `.node.mjs` entry points
 * use top-level await, which intermittently deadlocks Node 20's module loader (the process then
 * exits with code 13 and prints nothing, about one start in three).
 */
export const TS_SCRIPT = ['--conditions=production', '--import', 'tsx']
