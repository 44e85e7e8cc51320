/**
 * Issue 15 through the API: the admin language a staff member chose comes back at login, server
 * messages (refusals, validation) follow it, and a "not signed in" answer is never reused for a
 * signed-in browser (which left the admin's Locale menu unable to switch).
 */
import type { Payload } from 'payload'

import { createStaff, makeOrganisation, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { api, rest } from '../helpers/rest'

let payload: Payload
let staff: Record<'admin' | 'editor' | 'contributor', StaffMember>

beforeAll(async () => {
  payload = await testPayload()
  staff = await createStaff(payload)
}, 120_000)
afterAll(closePayload)

const urduAdmin = { Cookie: 'payload-lng=ur' }

test('the language chosen in the admin is restored at every login, from the account', async () => {
  const before = await api('POST', '/users/login', { ip: '192.0.2.150', body: { email: staff.editor.email, password: staff.editor.password } })
  expect(before.status).toBe(200)
  expect(before.headers.get('set-cookie') ?? '').not.toMatch(/payload-lng=/)

  // What the account page's language selector leads to (translations/AdminLanguage.tsx).
  const saved = await rest('POST', '/payload-preferences/admin-language', { token: staff.editor.token, body: { value: 'ur' } })
  expect(saved.status).toBe(200)

  const after = await api('POST', '/users/login', { ip: '192.0.2.150', body: { email: staff.editor.email, password: staff.editor.password } })
  expect(after.status).toBe(200)
  expect(after.headers.get('set-cookie')).toMatch(/payload-lng=ur; Path=\/; Max-Age=\d+; SameSite=Lax/)
  // Someone else's choice is not theirs.
  const other = await api('POST', '/users/login', { ip: '192.0.2.150', body: { email: staff.contributor.email, password: staff.contributor.password } })
  expect(other.headers.get('set-cookie') ?? '').not.toMatch(/payload-lng=/)
})

test("refusals and validation messages come in the staff member's admin language", async () => {
  const org = await makeOrganisation(payload)
  const data = { title: 'Urdu messages', statementType: 'press-release', issuingOrganisation: org.id, deliveredOn: '2024-01-03', speakerName: 'A. Person' }
  const refused = await rest('POST', '/statements', { token: staff.contributor.token, headers: urduAdmin, body: { ...data, _status: 'published' } })
  expect(refused.status).toBe(403)
  expect(JSON.stringify(refused.body)).toContain('لکھاری شائع نہیں کر سکتے')
  const inEnglish = await rest('POST', '/statements', { token: staff.contributor.token, body: { ...data, _status: 'published' } })
  expect(JSON.stringify(inEnglish.body)).toContain('Contributors cannot publish')

  // Our own validation message, and Payload's.
  const invalid = await rest('POST', '/campaigns', { token: staff.editor.token, headers: urduAdmin, body: { title: 'Urdu messages', callToAction: { hashtag: 'two words' } } })
  expect(invalid.status).toBe(400)
  expect(JSON.stringify(invalid.body)).toContain('ہیش ٹیگ ایک لفظ ہوتا ہے')
  const missing = await rest('POST', '/campaigns', { token: staff.editor.token, headers: urduAdmin, body: { summary: 'No title' } })
  expect(missing.status).toBe(400)
  expect(JSON.stringify(missing.body)).toContain('یہ خانہ لازمی ہے')

  // An admin's refusals too: a webhook address inside our network, a key rotated by someone else.
  const hook = await rest('POST', '/webhook-endpoints', { token: staff.admin.token, headers: urduAdmin, body: { name: 'Inside', url: 'http://127.0.0.1:9/hook' } })
  expect(hook.status).toBe(400)
  expect(JSON.stringify(hook.body)).toContain('ویب ہکس صرف عوامی پتوں پر بھیجے جاتے ہیں')
  const key = await rest('POST', '/partner-keys', { token: staff.admin.token, body: { organisation: 'Probe', contactEmail: 'probe@example.test' } })
  const rotate = await rest('POST', `/partner-keys/${key.body.doc.id}/rotate`, { token: staff.editor.token, headers: urduAdmin })
  expect(rotate.status).toBe(403)
  expect(JSON.stringify(rotate.body)).toContain('صرف ایڈمن بدل سکتے ہیں')
})

test('answers to someone not signed in are never reused once they sign in', async () => {
  // The login page asks who is signed in before anyone is; a browser must not keep that answer.
  const me = await api('GET', '/users/me', { ip: '192.0.2.151' })
  expect(me.status).toBe(200)
  expect(me.body.user).toBeNull()
  expect(me.headers.get('Cache-Control')).toBe('no-store')
  // Public reads stay cacheable, but only for requests without the same credentials.
  const topics = await api('GET', '/topics', { ip: '192.0.2.151' })
  expect(topics.headers.get('Cache-Control')).toMatch(/^public, max-age=\d+/)
  expect(topics.headers.get('Vary')).toMatch(/Cookie/)
  expect(topics.headers.get('Vary')).toMatch(/Authorization/)
})

test("the admin's sign-in form works: Payload posts it as multipart, which the public API otherwise refuses", async () => {
  const form = (data: Record<string, unknown>) => {
    const f = new FormData()
    f.append('_payload', JSON.stringify(data))
    return f
  }
  const signedIn = await api('POST', '/users/login', { ip: '192.0.2.152', rawBody: form({ email: staff.contributor.email, password: staff.contributor.password }) })
  expect(signedIn.status).toBe(200)
  expect(typeof signedIn.body.token).toBe('string')
  const wrong = await api('POST', '/users/login', { ip: '192.0.2.152', rawBody: form({ email: staff.contributor.email, password: 'not the password' }) })
  expect(wrong.status).toBe(401)
  const forgot = await api('POST', '/users/forgot-password', { ip: '192.0.2.152', rawBody: form({ email: 'nobody@daleel.test' }) })
  expect(forgot.status).toBe(200)
  // Still no anonymous uploads, and the form is bounded like any public body.
  const upload = await api('POST', '/media', { ip: '192.0.2.152', rawBody: form({ alt: 'x' }) })
  expect(upload.status).toBe(403)
  const huge = await api('POST', '/users/login', { ip: '192.0.2.152', rawBody: form({ email: 'x'.repeat(200_000), password: 'x' }) })
  expect(huge.status).toBe(413)
})
