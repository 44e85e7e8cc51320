// `npm start`: the production server. Refuses to start without a real PAYLOAD_SECRET.
import nextEnv from '@next/env'

import { secretProblem } from '../platform/secretRules.js'
import { run } from './run.mjs'

process.env.NODE_ENV = 'production'
// Read .env files the way `next start` will, so the check sees the same secret the app gets.
nextEnv.loadEnvConfig(process.cwd(), false)
const problem = secretProblem(process.env.PAYLOAD_SECRET)
if (problem) {
  console.error(`Refusing to start in production: ${problem}`)
  process.exit(1)
}
// server.mjs: Next's request handler behind the page cache (see the file for why).
await run('node', ['server.mjs'], { env: { PORT: process.env.PORT || '3000' } })
