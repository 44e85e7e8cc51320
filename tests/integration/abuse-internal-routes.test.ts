/**
 * Abuse suite: the front server's internal routes. `/next/changes` (a script hands the running
 * server what its content changes made stale) and `/next/revalidate` (everything is stale) answer
 * only to the token derived from this instance's PAYLOAD_SECRET: a stranger, a guessed or an
 * old token, or another instance's token cannot make the site drop its caches.
 */
import crypto from 'node:crypto'

import { internalToken } from '../../content/changes/freshness'

const routes = async () => ({
  changes: (await import('../../app/next/changes/route')).POST,
  revalidate: (await import('../../app/next/revalidate/route')).POST,
})

const post = (path: string, authorization?: string, body = '{"everything":true}') =>
  new Request(`http://localhost${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) }, body })

test('without this instance’s token both internal routes answer 401 and do nothing', async () => {
  const { changes, revalidate } = await routes()
  const other = crypto.createHmac('sha256', 'another-instance-secret-0123456789').update('daleel:internal:changes').digest('base64url')
  const tries = [undefined, 'Bearer ', 'Bearer x', `Bearer ${other}`, `Basic ${internalToken()}`, internalToken(), `Bearer ${internalToken()}x`]
  for (const authorization of tries) {
    expect({ authorization, status: (await changes(post('/next/changes', authorization))).status }).toEqual({ authorization, status: 401 })
    expect({ authorization, status: (await revalidate(post('/next/revalidate', authorization))).status }).toEqual({ authorization, status: 401 })
  }
})

test('with the token, a body that is not JSON is refused plainly', async () => {
  const { changes } = await routes()
  const res = await changes(post('/next/changes', `Bearer ${internalToken()}`, 'not json'))
  expect(res.status).toBe(400)
  expect((await res.json()).errors[0].message).toMatch(/JSON/)
})
