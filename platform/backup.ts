/**
 * Backup and restore of one Daleel instance: its database and its uploaded media, in one
 * timestamped .tar.gz with a manifest (used by scripts/backup.ts and scripts/restore.ts).
 *
 *   SQLite  → `VACUUM INTO` a copy: SQLite's own consistent online snapshot, taken while the
 *             server keeps running (readers and writers are not stopped; WAL mode included).
 *   MongoDB → `mongodump --archive --gzip` / `mongorestore --drop` (MongoDB Database Tools must be
 *             installed; we say so plainly when they are not).
 *   Media   → the media folder, file by file, each with its SHA-256 in the manifest. When media
 *             live in an S3-compatible bucket (S3_BUCKET) they are not copied: use the store's own
 *             versioning/replication, and the manifest records that.
 *
 * Restoring replaces the instance, so it refuses to touch one that already holds content unless
 * told to (`force`). Stop the app servers before restoring (the database file is swapped).
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { copyFile, lstat, mkdir, mkdtemp, open, readFile, readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'
import { create as createTar, extract as extractTar, list as listTar } from 'tar'

import { databaseKind, databaseUri, sqliteFilePath } from './database'
import { localMediaDir } from '../media/storage'

const MANIFEST = 'manifest.json'
const SQLITE_FILE = 'database.sqlite'
const MONGO_FILE = 'database.mongodump.gz'
const MEDIA_FOLDER = 'media'

type Manifest = {
  format: 1
  app: 'daleel'
  createdAt: string
  engine: 'sqlite' | 'mongodb'
  database: string
  media: { stored: 'archive' | 's3'; files: Array<{ path: string; size: number; sha256: string }> }
}

export type Instance = { databaseUri: string; mediaDir: string; s3Bucket?: string }

export function instanceFromEnv(env: NodeJS.ProcessEnv = process.env): Instance {
  return {
    databaseUri: databaseUri(env),
    mediaDir: localMediaDir(env),
    s3Bucket: env.S3_BUCKET || undefined,
  }
}

export class BackupError extends Error {}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk)
  return hash.digest('hex')
}

async function listFiles(dir: string, base = dir): Promise<string[]> {
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await listFiles(full, base)))
    // Skip our own health-check probes and anything that is not a plain file.
    else if (entry.isFile() && !entry.name.startsWith('.health-')) out.push(path.relative(base, full))
  }
  return out.sort()
}

function runTool(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] })
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? new BackupError(
              `${command} was not found. Backups of a MongoDB database use MongoDB Database Tools (mongodump/mongorestore); install them (https://www.mongodb.com/docs/database-tools/installation/) and try again.`,
            )
          : err,
      ),
    )
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit ${code}).`))))
  })
}

const timestamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z')

/** Write one archive `daleel-backup-<UTC time>.tar.gz` into outDir and return its path. */
export async function createBackup(instance: Instance, outDir: string, now = new Date()): Promise<string> {
  const engine = databaseKind(instance.databaseUri)
  const work = await mkdtemp(path.join(os.tmpdir(), 'daleel-backup-'))
  try {
    let database: string
    if (engine === 'sqlite') {
      const file = sqliteFilePath(instance.databaseUri) as string
      if (!existsSync(file)) throw new BackupError(`There is no SQLite database at DATABASE_URI to back up.`)
      database = SQLITE_FILE
      const client = createClient({ url: instance.databaseUri })
      try {
        // A consistent snapshot while the app keeps serving; the copy is also compacted.
        await client.execute(`VACUUM INTO ${sqlString(path.join(work, SQLITE_FILE))}`)
      } finally {
        client.close()
      }
    } else {
      database = MONGO_FILE
      await runTool('mongodump', [`--uri=${instance.databaseUri}`, `--archive=${path.join(work, MONGO_FILE)}`, '--gzip'])
    }

    const files: Manifest['media']['files'] = []
    if (!instance.s3Bucket) {
      await mkdir(path.join(work, MEDIA_FOLDER), { recursive: true })
      for (const rel of await listFiles(instance.mediaDir)) {
        const target = path.join(work, MEDIA_FOLDER, rel)
        await mkdir(path.dirname(target), { recursive: true })
        await copyFile(path.join(instance.mediaDir, rel), target)
        files.push({ path: rel, size: (await stat(target)).size, sha256: await sha256(target) })
      }
    }
    const manifest: Manifest = {
      format: 1,
      app: 'daleel',
      createdAt: now.toISOString(),
      engine,
      database,
      media: { stored: instance.s3Bucket ? 's3' : 'archive', files },
    }
    await writeFile(path.join(work, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)

    await mkdir(outDir, { recursive: true })
    const archive = path.join(outDir, `daleel-backup-${timestamp(now)}.tar.gz`)
    const partial = `${archive}.partial`
    const entries = [MANIFEST, database, ...(instance.s3Bucket ? [] : [MEDIA_FOLDER])]
    await createTar({ gzip: true, file: partial, cwd: work, portable: true }, entries)
    // Only a complete archive ever carries the final name.
    await rename(partial, archive)
    return archive
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** Does this instance already hold content (any row outside the migrations table, or any media file)? */
async function instanceHasContent(instance: Instance): Promise<string | null> {
  if ((await listFiles(instance.mediaDir)).length > 0) return 'the media folder is not empty'
  if (databaseKind(instance.databaseUri) === 'sqlite') {
    const file = sqliteFilePath(instance.databaseUri) as string
    if (!existsSync(file) || (await stat(file)).size === 0) return null
    const client = createClient({ url: instance.databaseUri })
    try {
      const tables = await client.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'payload_migrations'",
      )
      for (const row of tables.rows) {
        const name = String(row.name).replace(/"/g, '""')
        const hit = await client.execute(`SELECT 1 FROM "${name}" LIMIT 1`)
        if (hit.rows.length > 0) return 'the database already has content'
      }
      return null
    } finally {
      client.close()
    }
  }
  // MongoDB: mongorestore without --drop would merge into existing collections; only --force drops.
  const { MongoClient } = await import('mongodb')
  const client = new MongoClient(instance.databaseUri, { serverSelectionTimeoutMS: 5000 })
  try {
    await client.connect()
    const collections = await client.db().listCollections({}, { nameOnly: true }).toArray()
    for (const c of collections) {
      if (c.name === 'payload-migrations' || c.name.startsWith('system.')) continue
      if ((await client.db().collection(c.name).estimatedDocumentCount()) > 0) return 'the database already has content'
    }
    return null
  } finally {
    await client.close()
  }
}

/**
 * A path written in the archive (a tar entry or a manifest entry): relative, forward slashes, no
 * "." or ".." segments, no empty segments, no control characters. Anything else is refused, not
 * cleaned up: an archive that needs cleaning up was not made by `npm run backup`.
 */
function plainRelativePath(p: unknown): p is string {
  if (typeof p !== 'string' || !p || p.length > 1024) return false
  if (p.startsWith('/') || p.includes('\\') || /[\u0000-\u001f\u007f]/.test(p) || /^[A-Za-z]:/.test(p)) return false
  return p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..')
}

const ARCHIVE_FILES = new Set([MANIFEST, SQLITE_FILE, MONGO_FILE])

/** Where a tar entry may be, and what it may be: the manifest, the database, and plain files and folders under media/. */
function allowedEntry(entryPath: string, type: string): boolean {
  const p = entryPath.replace(/\/+$/, '')
  if (!plainRelativePath(p)) return false
  if (type === 'Directory') return p === MEDIA_FOLDER || p.startsWith(`${MEDIA_FOLDER}/`)
  if (type !== 'File' && type !== 'OldFile' && type !== 'ContiguousFile') return false // no links, devices, FIFOs
  return ARCHIVE_FILES.has(p) || p.startsWith(`${MEDIA_FOLDER}/`)
}

/** Checks an archive's entries before anything is extracted: names every entry it refuses. */
async function checkArchiveEntries(archive: string): Promise<void> {
  const refused: string[] = []
  await listTar({
    file: archive,
    strict: true,
    onReadEntry: (entry) => {
      if (!allowedEntry(entry.path, entry.type)) refused.push(`${JSON.stringify(entry.path)} (${entry.type})`)
      entry.resume()
    },
  })
  if (refused.length) {
    throw new BackupError(`The archive holds entries a Daleel backup never has, so nothing was restored: ${refused.slice(0, 5).join(', ')}${refused.length > 5 ? ', …' : ''}.`)
  }
}

/** The first bytes of a file (to check what it is, whatever it is called). */
async function head(file: string, length: number): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const buffer = Buffer.alloc(length)
    const { bytesRead } = await handle.read(buffer, 0, length, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** A regular file inside `base`, reached without following any link on the way. */
async function plainFileInside(base: string, rel: string): Promise<boolean> {
  let current = base
  const parts = rel.split('/')
  for (let i = 0; i < parts.length; i++) {
    current = path.join(current, parts[i])
    let info
    try {
      info = await lstat(current)
    } catch {
      return false
    }
    if (info.isSymbolicLink()) return false
    if (i < parts.length - 1 ? !info.isDirectory() : !info.isFile()) return false
  }
  return true
}

/** Refuses a target path that, through links already in the instance's media folder, would land outside it. */
async function insideMediaDir(mediaDir: string, target: string): Promise<boolean> {
  const root = await realpath(mediaDir)
  const parent = await realpath(path.dirname(target))
  return parent === root || parent.startsWith(`${root}${path.sep}`)
}

/**
 * Bring an archive back into `instance`. Returns the manifest that was restored.
 *
 * Nothing in the archive is trusted. Before anything of the instance is touched: every tar entry
 * must be the manifest, the database file, or a plain file or folder under media/ (no links,
 * devices, FIFOs, absolute or ".." paths); the manifest's database name must be the one this
 * engine's backups use and the file must be what it says (SQLite's header; gzip for a mongodump);
 * every media path in the manifest must be plain and relative, listed once, a regular file in the
 * archive (not reached through a link) with the recorded SHA-256; and nothing else may be under
 * media/. Only then is the database swapped and are the files copied, each checked to land inside
 * the media folder.
 */
export async function restoreBackup(archive: string, instance: Instance, options: { force?: boolean } = {}): Promise<Manifest> {
  if (!existsSync(archive)) throw new BackupError(`No backup archive at the given path.`)
  await checkArchiveEntries(archive)
  const work = await mkdtemp(path.join(os.tmpdir(), 'daleel-restore-'))
  try {
    await extractTar({
      file: archive,
      cwd: work,
      strict: true,
      // The same rule again while writing into our own temporary folder, and no owners or modes
      // from the archive.
      filter: (entryPath, entry) => allowedEntry(entryPath, (entry as { type?: string }).type ?? 'File'),
      preserveOwner: false,
      noChmod: true,
    })
    const manifestFile = path.join(work, MANIFEST)
    if (!(await plainFileInside(work, MANIFEST))) throw new BackupError('This archive has no manifest.json: it is not a Daleel backup.')
    let manifest: Manifest
    try {
      manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest
    } catch {
      throw new BackupError('The archive is damaged: manifest.json is not readable JSON.')
    }
    if (manifest?.app !== 'daleel' || manifest.format !== 1) throw new BackupError('This archive is not a Daleel backup this version can read.')
    const engine = databaseKind(instance.databaseUri)
    if (engine !== manifest.engine) {
      throw new BackupError(`This backup holds a ${manifest.engine} database but DATABASE_URI points to ${engine}.`)
    }
    const expectedDatabase = engine === 'sqlite' ? SQLITE_FILE : MONGO_FILE
    if (manifest.database !== expectedDatabase) {
      throw new BackupError(`The archive is damaged: its manifest names the database ${JSON.stringify(manifest.database)}; a ${engine} backup holds ${expectedDatabase}.`)
    }
    if (!(await plainFileInside(work, expectedDatabase))) throw new BackupError(`The archive is damaged: ${expectedDatabase} is missing or not a plain file.`)
    const magic = await head(path.join(work, expectedDatabase), 16)
    const looksRight = engine === 'sqlite' ? magic.toString('latin1') === 'SQLite format 3\u0000' : magic[0] === 0x1f && magic[1] === 0x8b
    if (!looksRight) throw new BackupError(`The archive is damaged: ${expectedDatabase} is not ${engine === 'sqlite' ? 'an SQLite database' : 'a gzip mongodump'}.`)

    const files = manifest.media?.files
    if (!Array.isArray(files) || (manifest.media.stored !== 'archive' && manifest.media.stored !== 's3')) {
      throw new BackupError('The archive is damaged: its manifest has no list of media files.')
    }
    // Every media file must be intact before anything is replaced.
    const listed = new Set<string>()
    for (const f of files) {
      // A manifest path may never point outside the media folder, nor at it.
      if (!plainRelativePath(f?.path)) {
        throw new BackupError(`The archive is damaged: media path ${JSON.stringify(f?.path)} leaves the media folder.`)
      }
      if (listed.has(f.path)) throw new BackupError(`The archive is damaged: media file ${f.path} is listed twice.`)
      listed.add(f.path)
      const file = path.join(work, MEDIA_FOLDER, f.path)
      if (!(await plainFileInside(path.join(work, MEDIA_FOLDER), f.path)) || (await sha256(file)) !== f.sha256) {
        throw new BackupError(`The archive is damaged: media file ${f.path} is missing or altered.`)
      }
    }
    const extra = (await listFiles(path.join(work, MEDIA_FOLDER))).map((rel) => rel.split(path.sep).join('/')).filter((rel) => !listed.has(rel))
    if (extra.length) throw new BackupError(`The archive is damaged: media/${extra[0]} is not in its manifest.`)

    const occupied = await instanceHasContent(instance)
    if (occupied && !options.force) {
      throw new BackupError(`Refusing to restore: ${occupied}. Restoring replaces everything; run again with --force to do that.`)
    }

    if (engine === 'sqlite') {
      const file = sqliteFilePath(instance.databaseUri) as string
      await mkdir(path.dirname(file), { recursive: true })
      const incoming = `${file}.restoring`
      await copyFile(path.join(work, expectedDatabase), incoming)
      // A stale write-ahead log next to the new file would be replayed into it.
      await rm(`${file}-wal`, { force: true })
      await rm(`${file}-shm`, { force: true })
      await rename(incoming, file)
    } else {
      await runTool('mongorestore', [
        `--uri=${instance.databaseUri}`,
        `--archive=${path.join(work, expectedDatabase)}`,
        '--gzip',
        '--drop',
      ])
    }

    if (manifest.media.stored === 'archive') {
      await mkdir(instance.mediaDir, { recursive: true })
      if (options.force) {
        for (const rel of await listFiles(instance.mediaDir)) await rm(path.join(instance.mediaDir, rel), { force: true })
      }
      for (const f of files) {
        const target = path.join(instance.mediaDir, f.path)
        await mkdir(path.dirname(target), { recursive: true })
        if (!(await insideMediaDir(instance.mediaDir, target))) {
          throw new BackupError(`Media file ${f.path} would be written outside the media folder (a link in it points elsewhere); stopped.`)
        }
        await copyFile(path.join(work, MEDIA_FOLDER, f.path), target)
      }
    }
    return manifest
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
