/**
 * `npm run media:check [-- --fix] [-- --json]`: report files in the media folder that no
 * document references, and documents whose files are missing. Exit code 1 when anything is
 * wrong (and not fixed), so it can run from cron or CI. See media/check.ts.
 */
import { getPayload } from 'payload'

import config from '../payload.config'
import { checkMediaFiles, formatMediaCheck } from '../media/check'

process.env.DALEEL_JOBS = 'off'
const fix = process.argv.includes('--fix')
const json = process.argv.includes('--json')
const payload = await getPayload({ config })
try {
  const report = await checkMediaFiles(payload, { fix })
  console.log(json ? JSON.stringify(report, null, 2) : formatMediaCheck(report))
  const unresolved = report.missing.length + (fix ? 0 : report.orphans.length)
  process.exit(unresolved ? 1 : 0)
} catch (error) {
  console.error((error as Error).message)
  process.exit(2)
}
