import { payloadSecret, secretProblem } from '../../platform/secret'

const env = (vars: Record<string, string | undefined>) => vars as NodeJS.ProcessEnv

test.each([undefined, '', '  ', 'change-me', 'changeme', 'secret', 'YOUR_SECRET_HERE'])('%p is not a secret', (value) => {
  expect(secretProblem(value)).toMatch(/PAYLOAD_SECRET is not set\. Set it to a long random value/)
})

test('a short secret is refused with its length and the minimum', () => {
  expect(secretProblem('abc123')).toBe('PAYLOAD_SECRET is too short (6 characters); use at least 32.')
})

test('a long random secret is fine', () => {
  expect(secretProblem('4f1c2a9e8b7d6c5f4e3a2b1c0d9e8f7a6b5c4d3e')).toBeNull()
  expect(secretProblem('x'.repeat(32))).toBeNull()
})

test('production refuses to start without a real secret and says why', () => {
  expect(() => payloadSecret(env({ NODE_ENV: 'production' }))).toThrow('Refusing to start in production: PAYLOAD_SECRET is not set')
  expect(() => payloadSecret(env({ NODE_ENV: 'production', PAYLOAD_SECRET: 'short' }))).toThrow(/too short/)
})

test('production with a real secret uses it', () => {
  const secret = 'a'.repeat(40)
  expect(payloadSecret(env({ NODE_ENV: 'production', PAYLOAD_SECRET: secret }))).toBe(secret)
})

test('the production build and development tools do not need the secret', () => {
  expect(() => payloadSecret(env({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }))).not.toThrow()
  expect(payloadSecret(env({ NODE_ENV: 'development' }))).toBeTruthy()
})
