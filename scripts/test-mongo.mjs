// `npm run test:mongo`: the same unit and integration suite on MongoDB.
//   DATABASE_URI=mongodb://127.0.0.1:27017/daleel?replicaSet=rs0 npm run test:mongo
// Each test file gets its own database on that server. Our development machines and CI have no
// MongoDB server (none in Debian, and its download host is unreachable), so CI runs SQLite only.
import { spawn } from 'node:child_process'

const uri = process.env.DATABASE_URI || process.env.TEST_DATABASE_URI
if (!uri || !uri.startsWith('mongodb')) {
  console.error(
    'npm run test:mongo needs a MongoDB replica set: set DATABASE_URI=mongodb://host:27017/daleel?replicaSet=rs0\n' +
      '(docker compose up mongo starts one where Docker runs). Nothing was run.',
  )
  process.exit(2)
}
const child = spawn('node', ['scripts/test.mjs', '--no-browser'], { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URI: uri } })
child.on('exit', (code) => process.exit(code ?? 1))
