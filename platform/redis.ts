/**
 * One shared Redis connection, only when REDIS_URL is set (rate-limit counters and the response
 * cache then live there, so every app server sees the same counts and the same publishes).
 */
import type { Redis as RedisClient } from 'ioredis'

let client: RedisClient | null | undefined
let pending: Promise<RedisClient | null> | null = null

export function redis(): Promise<RedisClient | null> {
  if (client !== undefined && !pending) return Promise.resolve(client)
  pending ??= connect().finally(() => (pending = null))
  return pending
}

async function connect(): Promise<RedisClient | null> {
  const url = process.env.REDIS_URL
  if (!url) return (client = null)
  const { Redis } = await import('ioredis')
  client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
  // Errors are reported by the callers' fallbacks; never let an unhandled 'error' crash the app.
  client.on('error', () => {})
  // Commands fail fast while disconnected (callers fall back to memory), so wait briefly for the
  // first connection rather than answering the first requests without Redis.
  const c = client
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2000)
    c.once('ready', () => {
      clearTimeout(timer)
      resolve()
    })
  })
  return client
}
