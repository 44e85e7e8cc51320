// `npm test`: every test, then one closing line "N passed, N failed".
//   0. the system packages the tests use (scripts/system-packages.mjs): installed with apt-get when
//      missing (Debian, root), else one line naming the command to run and no test starts;
//      then lint (ESLint, eslint.config.mjs): one result, failed when it reports any error;
//   1. unit + integration tests (Jest; each integration file gets its own fresh SQLite database)
//   2. the integration tests again on SQLite with text IDs (SQLITE_ID_TYPE=uuid, migrations/uuid/):
//      MongoDB's IDs are strings, so no test, guard, page or helper may assume numbers;
//   3. browser tests (Jest + Playwright driving Debian's Chromium) against a production build
//      (`npm run build && npm start`) on its own seeded database.
// Set DATABASE_URI=mongodb://… to run the integration tests on MongoDB (see npm run test:mongo).
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'

import { ensureDevSecret } from './ensure-env.mjs'
import { ensureSystemPackages } from './system-packages.mjs'

const root = process.cwd()
const results = path.join(root, 'test-results')
mkdirSync(results, { recursive: true })
const totals = { passed: 0, failed: 0 }
const onlyFast = process.argv.includes('--no-browser')

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('exit', (code) => resolve(code ?? 1))
  })
}

function count(jsonFile, label) {
  if (!existsSync(jsonFile)) {
    console.error(`${label}: Jest wrote no results (it crashed or found nothing); counting that as a failure.`)
    totals.failed += 1
    return
  }
  const r = JSON.parse(readFileSync(jsonFile, 'utf8'))
  totals.passed += r.numPassedTests
  totals.failed += r.numFailedTests
  // A test file that fails to load has no test results but still failed.
  const brokenSuites = r.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length
  totals.failed += brokenSuites
  if (r.numTotalTests === 0) {
    console.error(`${label}: no tests ran; counting that as a failure.`)
    totals.failed += 1
  }
}

const jest = ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--forceExit']

if (!ensureSystemPackages({ label: onlyFast ? 'npm run test:mongo' : 'npm test', browser: !onlyFast })) process.exit(1)
ensureDevSecret()
// Lint counts as one test: passed with no errors, failed otherwise (its report is printed above).
console.log('Lint (ESLint)…')
if ((await run('node', ['node_modules/eslint/bin/eslint.js', '.'])) === 0) totals.passed += 1
else {
  console.error('lint: ESLint reported errors (above); counting that as one failure.')
  totals.failed += 1
}

rmSync(path.join(results, 'jest-fast.json'), { force: true })
await run('node', [...jest, '--selectProjects', 'unit', 'integration', '--json', `--outputFile=${path.join(results, 'jest-fast.json')}`])
count(path.join(results, 'jest-fast.json'), 'unit and integration tests')

const onMongo = (process.env.TEST_DATABASE_URI || process.env.DATABASE_URI || '').startsWith('mongodb')
if (!onMongo) {
  console.log('\nIntegration tests again, on SQLite with text (uuid) IDs…')
  rmSync(path.join(results, 'jest-uuid.json'), { force: true })
  await run('node', [...jest, '--selectProjects', 'integration', '--json', `--outputFile=${path.join(results, 'jest-uuid.json')}`], { SQLITE_ID_TYPE: 'uuid' })
  count(path.join(results, 'jest-uuid.json'), 'integration tests with text IDs')
}

const browserTests = existsSync('tests/browser') && readdirSync('tests/browser').some((f) => f.endsWith('.test.ts'))
if (!onlyFast && browserTests) {
  rmSync(path.join(results, 'jest-browser.json'), { force: true })
  const code = await run('node', ['scripts/test-browser.mjs', `--outputFile=${path.join(results, 'jest-browser.json')}`])
  if (code !== 0 && !existsSync(path.join(results, 'jest-browser.json'))) {
    console.error('Browser tests could not run (see above); counting that as a failure.')
  }
  count(path.join(results, 'jest-browser.json'), 'browser tests')
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed`)
process.exit(totals.failed > 0 ? 1 : 0)
