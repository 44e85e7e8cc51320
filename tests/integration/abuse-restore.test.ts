/**
 * Abuse suite, class 10: restore trusts nothing in the archive.
 *
 * A backup archive may come from anywhere (a shared drive, an e-mail, an attacker). Restoring a
 * hostile one must change nothing outside the instance's own database and media folder, and must
 * refuse before it writes anything at all: manifest paths that leave the media folder, a manifest
 * that names some other file as "the database" (which restore then copied into place), symbolic
 * and hard links (a media "file" that is a link to /etc/passwd was copied, content and all, into
 * the public media folder), devices and FIFOs, entries outside the backup's layout, files that are
 * not what they claim to be. Archives are built with GNU tar, which stores links and FIFOs as such.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'

import { BackupError, restoreBackup, type Instance } from '../../platform/backup'

const sqliteOnly = !String(process.env.DATABASE_URI).startsWith('mongodb')
const maybe = sqliteOnly ? test : test.skip

let root: string
let outside: string
const SECRET = 'root:x:0:0:the secret outside the instance'

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'daleel-hostile-'))
  outside = path.join(root, 'outside')
  mkdirSync(outside)
  writeFileSync(path.join(outside, 'secret.txt'), SECRET)
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

let n = 0
/** A fresh, empty instance: its database file does not exist yet, its media folder is empty. */
function emptyInstance(): Instance {
  const dir = path.join(root, `instance-${++n}`)
  mkdirSync(path.join(dir, 'media'), { recursive: true })
  return { databaseUri: `file:${path.join(dir, 'daleel.db')}`, mediaDir: path.join(dir, 'media') }
}

async function sqliteFile(file: string) {
  const client = createClient({ url: `file:${file}` })
  await client.execute('CREATE TABLE hello (x TEXT)')
  await client.execute("INSERT INTO hello VALUES ('from the archive')")
  client.close()
}

/** A staging folder laid out like a backup, then changed by `tamper`, then tarred by GNU tar. */
async function archive(tamper: (stage: string, manifest: any) => void, tarArgs: string[] = []): Promise<string> {
  const stage = path.join(root, `stage-${++n}`)
  mkdirSync(path.join(stage, 'media'), { recursive: true })
  await sqliteFile(path.join(stage, 'database.sqlite'))
  writeFileSync(path.join(stage, 'media', 'photo.png'), 'png bytes')
  const manifest = {
    format: 1,
    app: 'daleel',
    createdAt: new Date().toISOString(),
    engine: 'sqlite',
    database: 'database.sqlite',
    media: { stored: 'archive', files: [{ path: 'photo.png', size: 9, sha256: sha('png bytes') }] },
  }
  tamper(stage, manifest)
  writeFileSync(path.join(stage, 'manifest.json'), JSON.stringify(manifest))
  const file = path.join(root, `archive-${n}.tar.gz`)
  const entries = readdirSync(stage)
  const res = spawnSync('tar', ['-czf', file, '-C', stage, ...tarArgs, ...entries], { encoding: 'utf8' })
  if (res.status !== 0) throw new Error(res.stderr)
  return file
}

/** Restores and expects a refusal that changed nothing: no database file, empty media, outside untouched. */
async function refused(file: string, pattern?: RegExp) {
  const instance = emptyInstance()
  const outsideBefore = readdirSync(outside).sort()
  const tmpBefore = new Set(readdirSync(os.tmpdir()))
  let caught: unknown
  try {
    await restoreBackup(file, instance)
  } catch (err) {
    caught = err
  }
  expect(caught).toBeInstanceOf(BackupError)
  if (pattern) expect(String((caught as Error).message)).toMatch(pattern)
  expect(existsSync(instance.databaseUri.slice('file:'.length))).toBe(false)
  expect(readdirSync(instance.mediaDir)).toEqual([])
  expect(readdirSync(outside).sort()).toEqual(outsideBefore)
  expect(readFileSync(path.join(outside, 'secret.txt'), 'utf8')).toBe(SECRET)
  // Nothing escaped next to the temporary extraction folder either.
  expect([...new Set(readdirSync(os.tmpdir()))].filter((f) => !tmpBefore.has(f) && /escape|evil/.test(f))).toEqual([])
}

maybe('a well-formed archive still restores (the control)', async () => {
  const instance = emptyInstance()
  await restoreBackup(await archive(() => {}), instance)
  expect(readFileSync(path.join(instance.mediaDir, 'photo.png'), 'utf8')).toBe('png bytes')
})

maybe('a media "file" that is a symbolic link to a file outside is refused (its content is never copied into media)', async () => {
  const file = await archive((stage, manifest) => {
    symlinkSync(path.join(outside, 'secret.txt'), path.join(stage, 'media', 'leak.txt'))
    manifest.media.files.push({ path: 'leak.txt', size: SECRET.length, sha256: sha(SECRET) })
  })
  await refused(file, /entries a Daleel backup never has|SymbolicLink/)
})

maybe('a media folder that is a link to a folder outside is refused', async () => {
  const file = await archive((stage, manifest) => {
    symlinkSync(outside, path.join(stage, 'media', 'sub'))
    manifest.media.files.push({ path: 'sub/secret.txt', size: SECRET.length, sha256: sha(SECRET) })
  })
  await refused(file)
})

maybe('a hard link is refused (tar would make it point wherever its header says)', async () => {
  const file = await archive((stage, manifest) => {
    writeFileSync(path.join(stage, 'media', 'a.txt'), 'same bytes')
    // GNU tar stores the second name of one file as a hard link to the first.
    spawnSync('ln', [path.join(stage, 'media', 'a.txt'), path.join(stage, 'media', 'b.txt')])
    manifest.media.files.push({ path: 'a.txt', size: 10, sha256: sha('same bytes') }, { path: 'b.txt', size: 10, sha256: sha('same bytes') })
  })
  await refused(file, /entries a Daleel backup never has/)
})

maybe('a FIFO (or any special file) in the archive is refused before extraction', async () => {
  const file = await archive((stage) => {
    spawnSync('mkfifo', [path.join(stage, 'media', 'pipe')])
  })
  await refused(file, /entries a Daleel backup never has/)
})

maybe('manifest paths that leave the media folder, or are not plain, are refused', async () => {
  for (const bad of ['../../outside/evil.txt', '/etc/passwd', 'sub/../../evil.txt', '.', '', 'a//b', 'C:\\evil', 'x\u0000y']) {
    const file = await archive((_stage, manifest) => {
      manifest.media.files.push({ path: bad, size: 1, sha256: sha('x') })
    })
    await refused(file)
  }
})

maybe('a manifest naming another file as the database is refused (it was copied over the database)', async () => {
  for (const database of ['../outside/secret.txt', path.join(outside, 'secret.txt'), 'manifest.json', 'media/photo.png']) {
    await refused(await archive((_s, manifest) => (manifest.database = database)), /names the database/)
  }
})

maybe('a "database" that is not an SQLite file is refused before anything is swapped', async () => {
  await refused(await archive((stage) => writeFileSync(path.join(stage, 'database.sqlite'), 'not a database')), /not an SQLite database/)
})

maybe('entries outside the backup layout (absolute, "..", other folders) are refused', async () => {
  const escape = path.join(root, 'escape-target')
  mkdirSync(escape)
  writeFileSync(path.join(escape, 'escape.txt'), 'x')
  // GNU tar keeps "../" and absolute names with -P.
  await refused(await archive(() => {}, ['-P', path.join('..', path.basename(escape), 'escape.txt')]), /entries a Daleel backup never has/)
  await refused(await archive((stage) => mkdirSync(path.join(stage, 'etc'))), /entries a Daleel backup never has/)
  await refused(await archive(() => {}, ['-P', path.join(escape, 'escape.txt')]))
})

maybe('a media file in the archive that the manifest does not list is refused', async () => {
  await refused(await archive((stage) => writeFileSync(path.join(stage, 'media', 'unlisted.html'), '<script>alert(1)</script>')), /not in its manifest/)
})
