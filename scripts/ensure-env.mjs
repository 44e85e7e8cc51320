// Development convenience: make sure a PAYLOAD_SECRET exists without anyone setting one up.
// Writes a generated secret to the git-ignored .env on first run. Never used in production.
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, appendFileSync } from 'node:fs'

export function ensureDevSecret(file = '.env') {
  if (process.env.PAYLOAD_SECRET) return
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : ''
  const match = existing.match(/^PAYLOAD_SECRET=(.+)$/m)
  if (match) {
    process.env.PAYLOAD_SECRET = match[1].trim()
    return
  }
  const secret = randomBytes(32).toString('hex')
  appendFileSync(file, `${existing && !existing.endsWith('\n') ? '\n' : ''}# Generated for development by npm run dev. Do not commit.\nPAYLOAD_SECRET=${secret}\n`)
  process.env.PAYLOAD_SECRET = secret
  console.log(`Generated a development PAYLOAD_SECRET in ${file}.`)
}
