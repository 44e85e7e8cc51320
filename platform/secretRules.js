// Plain JavaScript so both the app (TypeScript) and `npm start` (plain Node) share one rule.
const PLACEHOLDERS = new Set(['', 'change-me', 'changeme', 'secret', 'YOUR_SECRET_HERE'])
export const MIN_SECRET_LENGTH = 32

/** @param {string | undefined} secret @returns {string | null} what is wrong with it, or null */
export function secretProblem(secret) {
  if (!secret || PLACEHOLDERS.has(secret.trim())) {
    return 'PAYLOAD_SECRET is not set. Set it to a long random value (for example: openssl rand -hex 32).'
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    return `PAYLOAD_SECRET is too short (${secret.length} characters); use at least ${MIN_SECRET_LENGTH}.`
  }
  return null
}
