/**
 * Compares the media library with the stored files (the media folder, or the S3 bucket when
 * S3_BUCKET is set): files no document references (left behind by a crash, a failed upload or a
 * manual copy) and documents whose files are gone. Used by
 * `npm run media:check` (scripts/media-check.ts); `fix` deletes the unreferenced files only,
 * never documents (a missing file needs a person to re-upload it).
 */
import type { Payload } from 'payload'
import { localMediaDir, mediaStore } from './storage'

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
  const store = await mediaStore(process.env, upload?.staticDir || localMediaDir())

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
        if (!(await store.has(file))) missing.push({ id: doc.id, filename: doc.filename ?? '', file, ...(size ? { size } : {}) })
      }
    }
    if (!result.hasNextPage) break
  }

  const stored = await store.list()
  const files = stored.length
  const orphans: MediaCheckReport['orphans'] = stored.filter((f) => !referenced.has(f.file)).map((f) => ({ file: f.file, bytes: f.bytes }))

  const removed: string[] = []
  if (fix) {
    for (const orphan of orphans) {
      await store.remove(orphan.file)
      removed.push(orphan.file)
    }
  }
  return { storage: store.kind, directory: store.where, documents, files, orphans, missing, removed }
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
