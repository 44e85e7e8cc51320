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
import { copyFile, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'
import { create as createTar, extract as extractTar } from 'tar'

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

/** Bring an archive back into `instance`. Returns the manifest that was restored. */
export async function restoreBackup(archive: string, instance: Instance, options: { force?: boolean } = {}): Promise<Manifest> {
  if (!existsSync(archive)) throw new BackupError(`No backup archive at the given path.`)
  const work = await mkdtemp(path.join(os.tmpdir(), 'daleel-restore-'))
  try {
    await extractTar({ file: archive, cwd: work, strict: true })
    const manifestFile = path.join(work, MANIFEST)
    if (!existsSync(manifestFile)) throw new BackupError('This archive has no manifest.json: it is not a Daleel backup.')
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest
    if (manifest.app !== 'daleel' || manifest.format !== 1) throw new BackupError('This archive is not a Daleel backup this version can read.')
    const engine = databaseKind(instance.databaseUri)
    if (engine !== manifest.engine) {
      throw new BackupError(`This backup holds a ${manifest.engine} database but DATABASE_URI points to ${engine}.`)
    }
    // Every media file must be intact before anything is replaced.
    for (const f of manifest.media.files) {
      // A manifest path may never point outside the media folder.
      if (path.isAbsolute(f.path) || path.normalize(f.path).split(path.sep).includes('..')) {
        throw new BackupError(`The archive is damaged: media path ${JSON.stringify(f.path)} leaves the media folder.`)
      }
      const file = path.join(work, MEDIA_FOLDER, f.path)
      if (!existsSync(file) || (await sha256(file)) !== f.sha256) {
        throw new BackupError(`The archive is damaged: media file ${f.path} is missing or altered.`)
      }
    }

    const occupied = await instanceHasContent(instance)
    if (occupied && !options.force) {
      throw new BackupError(`Refusing to restore: ${occupied}. Restoring replaces everything; run again with --force to do that.`)
    }

    if (engine === 'sqlite') {
      const file = sqliteFilePath(instance.databaseUri) as string
      await mkdir(path.dirname(file), { recursive: true })
      const incoming = `${file}.restoring`
      await copyFile(path.join(work, manifest.database), incoming)
      // A stale write-ahead log next to the new file would be replayed into it.
      await rm(`${file}-wal`, { force: true })
      await rm(`${file}-shm`, { force: true })
      await rename(incoming, file)
    } else {
      await runTool('mongorestore', [
        `--uri=${instance.databaseUri}`,
        `--archive=${path.join(work, manifest.database)}`,
        '--gzip',
        '--drop',
      ])
    }

    if (manifest.media.stored === 'archive') {
      await mkdir(instance.mediaDir, { recursive: true })
      if (options.force) {
        for (const rel of await listFiles(instance.mediaDir)) await rm(path.join(instance.mediaDir, rel), { force: true })
      }
      for (const f of manifest.media.files) {
        const target = path.join(instance.mediaDir, f.path)
        await mkdir(path.dirname(target), { recursive: true })
        await copyFile(path.join(work, MEDIA_FOLDER, f.path), target)
      }
    }
    return manifest
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
