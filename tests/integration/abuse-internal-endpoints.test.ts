/**
 * Abuse suite: the internal endpoints (`POST /next/changes`: a script hands the server what its
 * content changes made stale; `POST /next/revalidate`: the server asks Next to drop every page)
 * are on the same port as the site, so anyone can knock. Only the token derived from
 * PAYLOAD_SECRET opens them; anything else is a plain 401 that does nothing, and no header a
 * stranger writes makes them fail with a 500 (a token of the right length in characters but not
 * in bytes did: timingSafeEqual threw).
 */
import { internalToken, onStaleness } from '../../content/changes/freshness'
import { POST as changes } from '../../app/next/changes/route'
import { POST as revalidate } from '../../app/next/revalidate/route'

const post = (handler: (r: Request) => Promise<Response>, path: string, authorization: string | null, body: unknown = { everything: true, pages: ['/'] }) => {
  const headers = new Headers({ 'Content-Type': 'application/json' })
  if (authorization !== null) headers.set('Authorization', authorization)
  return handler(new Request(`http://localhost:3000${path}`, { method: 'POST', headers, body: JSON.stringify(body) }))
}

const token = () => internalToken()
const strangers = () => {
  const right = token()
  return [
    null,
    '',
    'Bearer',
    'Bearer ',
    `Bearer ${right.slice(0, -1)}`,
    `Bearer ${right.slice(0, -1)}x`,
    `Bearer ${'é'.repeat(right.length)}`, // as many characters, twice the bytes
    `Bearer ${'\u00ff'.repeat(right.length - 1)}a`,
    `bearer ${right}`,
    `Basic ${Buffer.from(`x:${right}`).toString('base64')}`,
    `Bearer ${right}${right}`,
  ]
}

test('the token exists (else every refusal below would prove nothing)', () => {
  expect(process.env.PAYLOAD_SECRET).toBeTruthy()
  expect(token().length).toBeGreaterThan(20)
})

test.each([
  ['/next/changes', changes],
  ['/next/revalidate', revalidate],
])('%s: every header but the token is a plain 401, never a 500, and nothing is applied', async (path, handler) => {
  const applied: unknown[] = []
  const stop = onStaleness((s) => applied.push(s))
  try {
    for (const authorization of strangers()) {
      const res = await post(handler, path, authorization)
      expect({ authorization, status: res.status }).toEqual({ authorization, status: 401 })
    }
  } finally {
    stop()
  }
  expect(applied).toEqual([])
})

test('/next/changes with the token is applied (the door does open for the server’s own scripts)', async () => {
  const applied: unknown[] = []
  const stop = onStaleness((s) => applied.push(s))
  try {
    const res = await post(changes, '/next/changes', `Bearer ${token()}`, { apiTags: ['list:topics'] })
    expect(res.status).toBe(200)
  } finally {
    stop()
  }
  expect(applied).toEqual([expect.objectContaining({ apiTags: ['list:topics'] })])
  // Bad JSON with the token is a 400 that says so, not a 500.
  const bad = await changes(new Request('http://localhost:3000/next/changes', { method: 'POST', headers: { Authorization: `Bearer ${token()}` }, body: '{' }))
  expect(bad.status).toBe(400)
})
