/**
 * Start Debian's redis-server on a free loopback port for a test (no persistence), and stop it.
 * npm test installs redis-server when it is missing (scripts/system-packages.mjs).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import net from 'node:net'

export type RedisServer = { url: string; port: number; stop: () => Promise<void> }

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

function redisBinary(): string {
  for (const candidate of [process.env.REDIS_SERVER_PATH, '/usr/bin/redis-server', '/usr/local/bin/redis-server']) {
    if (candidate && existsSync(candidate)) return candidate
  }
  throw new Error('redis-server is not installed: apt-get install -y redis-server (or set REDIS_SERVER_PATH).')
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.setTimeout(500)
    socket.on('connect', () => socket.write('PING\r\n'))
    socket.on('data', (d) => {
      resolve(d.toString().startsWith('+PONG'))
      socket.destroy()
    })
    socket.on('error', () => resolve(false))
    socket.on('timeout', () => {
      resolve(false)
      socket.destroy()
    })
  })
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort()
  const child: ChildProcess = spawn(
    redisBinary(),
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
    { stdio: 'ignore' },
  )
  const deadline = Date.now() + 10_000
  while (!(await answers(port))) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (code ${child.exitCode})`)
    if (Date.now() > deadline) throw new Error('redis-server did not answer within 10 s')
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
