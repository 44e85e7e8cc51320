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
