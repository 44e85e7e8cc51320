/**
 * Issue 4, accounts and email: a real SMTP server runs in this process; the password-reset and
 * invitation mails arrive there, their links point at SERVER_URL whatever Host the request
 * claimed, and following them sets a password that then works. Login lockout after 5 failures,
 * unlocked only by an admin.
 */
import type { AddressInfo } from 'node:net'

import { simpleParser, type ParsedMail } from 'mailparser'
import type { Payload } from 'payload'
import { SMTPServer } from 'smtp-server'

import type { Role } from '../../access/roles'

const inbox: ParsedMail[] = []
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => inbox.push(mail))
      .then(() => callback(), callback)
  },
})

let payload: Payload
let helpers: typeof import('../helpers/fixtures')
let rest: typeof import('../helpers/rest').rest
let login: typeof import('../helpers/rest').login
let closePayload: () => Promise<void>
let staff: Record<Role, import('../helpers/fixtures').StaffMember>

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  // Mail settings are read when the config is built, so set them before loading it.
  process.env.SMTP_HOST = '127.0.0.1'
  process.env.SMTP_PORT = String((smtp.server.address() as AddressInfo).port)
  process.env.SMTP_FROM = 'Daleel <no-reply@daleel.test>'
  const payloadHelpers = await import('../helpers/payload')
  helpers = await import('../helpers/fixtures')
  ;({ rest, login } = await import('../helpers/rest'))
  closePayload = payloadHelpers.closePayload
  payload = await payloadHelpers.testPayload()
  staff = await helpers.createStaff(payload)
}, 180_000)
afterAll(async () => {
  await closePayload?.()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
  for (const key of ['SMTP_HOST', 'SMTP_PORT', 'SMTP_FROM']) delete process.env[key]
})

async function mailTo(address: string, subject: RegExp): Promise<ParsedMail> {
  for (let i = 0; i < 300; i++) {
    const found = inbox.find((m) => JSON.stringify(m.to).includes(address) && subject.test(m.subject ?? ''))
    if (found) return found
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`No mail to ${address} matching ${subject} arrived. Inbox: ${inbox.map((m) => m.subject).join(', ')}`)
}

function linkIn(mail: ParsedMail): string {
  const match = String(mail.html || mail.text).match(/https?:\/\/[^\s"<]+\/admin\/reset\/[^\s"<]+/)
  if (!match) throw new Error(`No reset link in: ${mail.text}`)
  return match[0]
}

test('password reset: the mail arrives, its link uses SERVER_URL despite a forged Host, and the new password works', async () => {
  const person = await helpers.createUser(payload, 'editor')
  const res = await rest('POST', '/users/forgot-password', {
    body: { email: person.email },
    headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', Origin: 'http://localhost:3000' },
  })
  expect(res.status).toBe(200)

  const mail = await mailTo(person.email, /Reset your Daleel password/)
  expect(mail.from?.text).toContain('no-reply@daleel.test')
  const link = linkIn(mail)
  expect(link.startsWith('http://localhost:3000/admin/reset/')).toBe(true)
  expect(String(mail.html)).not.toContain('evil.example')

  const token = decodeURIComponent(link.split('/admin/reset/')[1])
  const reset = await rest('POST', '/users/reset-password', { body: { token, password: 'a-brand-new-password-2026' } })
  expect(reset.status).toBe(200)

  await expect(login(person.email, 'a-brand-new-password-2026')).resolves.toEqual(expect.any(String))
  expect((await rest('POST', '/users/login', { body: { email: person.email, password: person.password } })).status).toBe(401)
  // The token works once.
  expect((await rest('POST', '/users/reset-password', { body: { token, password: 'another-password-2026' } })).status).not.toBe(200)
})

test('invitation: an admin creates an account, the colleague receives a link and chooses their own password', async () => {
  const email = 'new.colleague@example.test'
  const created = await rest('POST', '/users', {
    token: staff.admin.token,
    body: { email, name: 'New Colleague', password: 'temporary-password-not-shared', role: 'contributor' },
  })
  expect(created.status).toBe(201)

  const mail = await mailTo(email, /invited to the Daleel admin/)
  const link = linkIn(mail)
  expect(link.startsWith('http://localhost:3000/admin/reset/')).toBe(true)
  const token = decodeURIComponent(link.split('/admin/reset/')[1])
  expect((await rest('POST', '/users/reset-password', { body: { token, password: 'my-own-password-2026' } })).status).toBe(200)
  await expect(login(email, 'my-own-password-2026')).resolves.toEqual(expect.any(String))
})

test('five wrong passwords lock the account; a contributor cannot unlock it, an admin can', async () => {
  const person = await helpers.createUser(payload, 'editor')
  for (let i = 0; i < 5; i++) {
    expect((await rest('POST', '/users/login', { body: { email: person.email, password: 'wrong-password' } })).status).toBe(401)
  }
  const locked = await rest('POST', '/users/login', { body: { email: person.email, password: person.password } })
  expect(locked.status).not.toBe(200)
  expect(JSON.stringify(locked.body)).toMatch(/locked/i)

  const byContributor = await rest('POST', '/users/unlock', { token: staff.contributor.token, body: { email: person.email } })
  expect(byContributor.status).toBe(403)
  const bySelfOrAnonymous = await rest('POST', '/users/unlock', { body: { email: person.email } })
  expect(bySelfOrAnonymous.status).toBe(403)
  expect((await rest('POST', '/users/login', { body: { email: person.email, password: person.password } })).status).not.toBe(200)

  const byAdmin = await rest('POST', '/users/unlock', { token: staff.admin.token, body: { email: person.email } })
  expect(byAdmin.status).toBe(200)
  await expect(login(person.email, person.password)).resolves.toEqual(expect.any(String))
})

test('the session cookie is HttpOnly and SameSite=Lax; CSRF accepts only the server URL', async () => {
  const res = await rest('POST', '/users/login', { body: { email: staff.editor.email, password: staff.editor.password } })
  const cookie = res.headers.get('set-cookie') ?? ''
  expect(cookie).toMatch(/HttpOnly/i)
  expect(cookie).toMatch(/SameSite=Lax/i)
  expect([...new Set(payload.config.csrf)]).toEqual(['http://localhost:3000'])
  // A cookie sent from another site's page is not honoured; from our own origin it is.
  const token = res.body.token
  const me = (origin: string) => rest('GET', '/users/me', { headers: { Cookie: `payload-token=${token}`, Origin: origin } })
  expect((await me('https://evil.example')).body.user).toBeNull()
  expect((await me('http://localhost:3000')).body.user?.email).toBe(staff.editor.email)
  // Secure follows NODE_ENV=production (collections/Users/index.ts); tests run outside production.
  expect(payload.collections.users.config.auth.cookies.secure).toBe(process.env.NODE_ENV === 'production')
})
