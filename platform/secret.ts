/**
 * PAYLOAD_SECRET signs login tokens and encrypts API keys. It comes from the environment only.
 * In development `npm run dev` writes a generated one to the git-ignored .env on first run
 * (scripts/ensure-env.mjs); in production we refuse to start without a real one.
 */
import { secretProblem } from './secretRules.js'

export { secretProblem }

export function payloadSecret(env: NodeJS.ProcessEnv = process.env): string {
  const problem = secretProblem(env.PAYLOAD_SECRET)
  const building = env.NEXT_PHASE === 'phase-production-build'
  if (problem && env.NODE_ENV === 'production' && !building) {
    throw new Error(`Refusing to start in production: ${problem}`)
  }
  // Outside production a missing secret is tolerated for tooling (type generation); tests set their own.
  return env.PAYLOAD_SECRET || 'development-only-secret-not-for-production-use'
}
