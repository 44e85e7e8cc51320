/**
 * Extra production servers for browser-phase tests: server.mjs (what `npm start` runs) on the build scripts/test-browser.mjs
 * made, on a database and media folder of the test's choosing (never the shared test server's).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createClient } from '@libsql/client'

export type Server = { url: string; port: number; child: ChildProcess; log: string[] }

/** A consistent copy of a SQLite database (VACUUM INTO), safe while others use the source. */
export async function copyDatabase(sourceUri: string, targetFile: string): Promise<void> {
  const client = createClient({ url: sourceUri })
  try {
    await client.execute(`VACUUM INTO '${targetFile.replace(/'/g, "''")}'`)
  } finally {
    client.close()
  }
}

/**
 * Starts server.mjs and waits until `readyPath` answers 200 (the health check by default; a test
 * that cares which request comes first after a start passes its own).
 */
export async function startServer(port: number, env: Record<string, string>, { readyPath = '/api/health' } = {}): Promise<Server> {
  const url = `http://localhost:${port}`
  const log: string[] = []
  const child = spawn('node', ['server.mjs'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), SERVER_URL: url, DALEEL_JOBS: 'off', ...env },
  })
  child.stdout?.on('data', (d) => log.push(String(d)))
  child.stderr?.on('data', (d) => log.push(String(d)))
  const server = { url, port, child, log }
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited: ${log.join('')}`)
    try {
      const res = await fetch(`${url}${readyPath}`)
      if (res.status === 200) return server
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  await stopServer(server)
  throw new Error(`server on ${port} did not become healthy: ${log.join('')}`)
}

/** SIGTERM the server's process group; resolves with how it exited. SIGKILL after 15 s. */
export function stopServer(server: Server): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const { child } = server
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode })
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }))
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      /* gone */
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        /* gone */
      }
    }, 15_000).unref()
  })
}
