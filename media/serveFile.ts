import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import type { PayloadRequest, TypeWithID } from 'payload'

import { isInlineType } from './policy'
import { imageSizeNames } from './imageSizes'

/**
 * Headers every media file is served with, wherever it is stored: browsers must not guess the
 * type (nosniff), and anything that is not an image, audio or video is downloaded rather than
 * opened in the site's origin. Used by modifyResponseHeaders (S3 and Payload's own serving) and
 * by serveLocalFile below.
 */
export function secureMediaHeaders(headers: Headers, storedType?: string | null): Headers {
  if (storedType) headers.set('Content-Type', storedType === 'text/vtt' ? 'text/vtt; charset=utf-8' : storedType)
  headers.set('X-Content-Type-Options', 'nosniff')
  if (!isInlineType(headers.get('Content-Type'))) headers.set('Content-Disposition', 'attachment')
  return headers
}

type MediaDocLike = TypeWithID & {
  filename?: string | null
  mimeType?: string | null
  sizes?: Record<string, { filename?: string | null; mimeType?: string | null } | undefined> | null
}

/** The stored content type of the original or of the image size with this filename. */
function storedTypeOf(doc: MediaDocLike | undefined, filename: string): string | undefined {
  if (!doc) return undefined
  if (doc.filename === filename) return doc.mimeType ?? undefined
  for (const size of Object.values(doc.sizes ?? {})) {
    if (size?.filename === filename) return size.mimeType ?? undefined
  }
  return undefined
}

function parseRange(header: string | null, size: number): { start: number; end: number } | 'invalid' | undefined {
  if (!header) return undefined
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid'
  let start: number
  let end: number
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]))
    end = size - 1
  } else {
    start = Number(m[1])
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  }
  return start > end || start >= size ? 'invalid' : { start, end }
}

/**
 * Serves files from local disk with the content type recorded at upload (Payload's fallback
 * guesses from the bytes or extension, which would call a WebVTT file text/plain). Payload has
 * already checked read access and found the document before this runs. Supports single byte
 * ranges so audio and video can seek.
 */
export const serveLocalFile =
  (staticDir: string) =>
  async (
    req: PayloadRequest,
    { doc, params }: { doc?: unknown; params: { collection: string; filename: string } },
  ): Promise<Response | void> => {
    const filename = params.filename
    const dir = path.resolve(staticDir)
    const filePath = path.resolve(dir, filename)
    if (!filePath.startsWith(dir + path.sep)) return new Response(null, { status: 400 })

    let found = doc && typeof doc === 'object' && 'id' in doc ? (doc as MediaDocLike) : undefined
    if (!found) {
      // Staff reads come through without a document (access was simply `true`).
      found = (await req.payload.db.findOne({
        collection: params.collection,
        req,
        where: {
          or: [
            { filename: { equals: filename } },
            ...imageSizeNames.map((s) => ({
              [`sizes.${s}.filename`]: { equals: filename },
            })),
          ],
        },
      })) as MediaDocLike | undefined
    }
    // No item has this file: not found (Payload's own fallback answers a missing file with a 500).
    if (!found) return Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 })
    const storedType = storedTypeOf(found, filename)
    if (!storedType) return undefined // not ours to answer: let Payload respond

    let size: number
    try {
      size = (await stat(filePath)).size
    } catch {
      return Response.json({ errors: [{ message: 'This file is missing.' }] }, { status: 404 })
    }
    const headers = secureMediaHeaders(new Headers(), storedType)
    headers.set('Accept-Ranges', 'bytes')
    const range = parseRange(req.headers.get('range'), size)
    if (range === 'invalid') {
      headers.set('Content-Range', `bytes */${size}`)
      return new Response(null, { status: 416, headers })
    }
    const { start, end } = range ?? { start: 0, end: size - 1 }
    headers.set('Content-Length', String(Math.max(0, end - start + 1)))
    if (range) headers.set('Content-Range', `bytes ${start}-${end}/${size}`)
    const body = size === 0 ? null : (Readable.toWeb(createReadStream(filePath, { start, end })) as ReadableStream)
    return new Response(body, { status: range ? 206 : 200, headers })
  }
