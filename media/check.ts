/**
 * Compares the media library with the files on disk: files no document references (left behind
 * by a crash, a failed upload or a manual copy) and documents whose files are gone. Used by
 * `npm run media:check` (scripts/media-check.ts); `fix` deletes the unreferenced files only,
 * never documents (a missing file needs a person to re-upload it).
 */
import { readdir, stat, unlink } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import { localMediaDir } from './storage'

type MediaCheckReport = {
  storage: 'local' | 's3'
  directory?: string
  documents: number
  files: number
  orphans: { file: string; bytes: number }[]
  missing: { id: number | string; filename: string; file: string; size?: string }[]
  removed: string[]
}

type MediaRow = {
  id: number | string
  filename?: string | null
  sizes?: Record<string, { filename?: string | null } | null> | null
}

export async function checkMediaFiles(payload: Payload, { fix = false } = {}): Promise<MediaCheckReport> {
  const collection = payload.collections.media.config
  const upload = typeof collection.upload === 'object' ? collection.upload : undefined
  if (process.env.S3_BUCKET || upload?.disableLocalStorage) {
    throw new Error('media:check compares the library with a local folder; with S3_BUCKET set, use the bucket\'s own inventory tools.')
  }
  const directory = path.resolve(upload?.staticDir || localMediaDir())

  const referenced = new Map<string, MediaRow>()
  const missing: MediaCheckReport['missing'] = []
  let documents = 0
  // Page through the library so a large one is never held whole in memory.
  for (let page = 1; ; page++) {
    const result = await payload.find({
      collection: 'media',
      depth: 0,
      limit: 500,
      page,
      overrideAccess: true,
      select: { filename: true, sizes: true } as any,
      sort: 'id',
    })
    for (const doc of result.docs as unknown as MediaRow[]) {
      documents++
      const files: [string, string | undefined][] = []
      if (doc.filename) files.push([doc.filename, undefined])
      for (const [name, size] of Object.entries(doc.sizes ?? {})) if (size?.filename) files.push([size.filename, name])
      for (const [file, size] of files) {
        referenced.set(file, doc)
        const exists = await stat(path.join(directory, file)).then(
          (s) => s.isFile(),
          () => false,
        )
        if (!exists) missing.push({ id: doc.id, filename: doc.filename ?? '', file, ...(size ? { size } : {}) })
      }
    }
    if (!result.hasNextPage) break
  }

  let entries: string[] = []
  try {
    entries = await readdir(directory)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const orphans: MediaCheckReport['orphans'] = []
  let files = 0
  for (const entry of entries.sort()) {
    const info = await stat(path.join(directory, entry)).catch(() => undefined)
    if (!info?.isFile()) continue
    files++
    if (!referenced.has(entry)) orphans.push({ file: entry, bytes: info.size })
  }

  const removed: string[] = []
  if (fix) {
    for (const orphan of orphans) {
      await unlink(path.join(directory, orphan.file))
      removed.push(orphan.file)
    }
  }
  return { storage: 'local', directory, documents, files, orphans, missing, removed }
}

export function formatMediaCheck(report: MediaCheckReport): string {
  const lines = [`Media library: ${report.documents} documents, ${report.files} files in ${report.directory}`]
  if (!report.orphans.length) lines.push('No unreferenced files.')
  else {
    const verb = report.removed.length ? 'Removed' : 'Unreferenced (run with --fix to remove)'
    lines.push(`${verb}: ${report.orphans.length} file(s), ${report.orphans.reduce((n, o) => n + o.bytes, 0)} bytes`)
    for (const o of report.orphans) lines.push(`  ${o.file} (${o.bytes} bytes)`)
  }
  if (!report.missing.length) lines.push('Every document has its files.')
  else {
    lines.push(`Documents with missing files: ${report.missing.length} (re-upload in the admin; --fix does not touch these)`)
    for (const m of report.missing) lines.push(`  media ${m.id} (${m.filename}): missing ${m.size ? `${m.size} size ` : ''}${m.file}`)
  }
  return lines.join('\n')
}
