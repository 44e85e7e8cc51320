import { PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib'
import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { readPdfText, wordCount } from './pdfText'
import { kindOf } from './policy'
import { inAdminLanguage } from '../translations/labels'

/**
 * The movie header (moov/mvhd) duration of an MP4/M4A. music-metadata takes duration from the
 * audio track, so a video without sound would otherwise have none; every MP4 has an mvhd.
 */
export function mp4MovieDuration(data: Uint8Array): number | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const type = (at: number) => String.fromCharCode(data[at + 4], data[at + 5], data[at + 6], data[at + 7])
  const children = function* (start: number, end: number) {
    let at = start
    while (at + 8 <= end) {
      let size = view.getUint32(at)
      let header = 8
      if (size === 1 && at + 16 <= end) {
        size = Number(view.getBigUint64(at + 8))
        header = 16
      } else if (size === 0) size = end - at
      if (size < header || at + size > end) return
      yield { type: type(at), body: at + header, end: at + size }
      at += size
    }
  }
  for (const top of children(0, data.length)) {
    if (top.type !== 'moov') continue
    for (const child of children(top.body, top.end)) {
      if (child.type !== 'mvhd') continue
      const version = data[child.body]
      const timescale = view.getUint32(child.body + (version === 1 ? 20 : 12))
      const duration = version === 1 ? Number(view.getBigUint64(child.body + 24)) : view.getUint32(child.body + 16)
      return timescale > 0 ? duration / timescale : undefined
    }
  }
  return undefined
}

/** Duration in seconds of an audio or video file, read from its headers (no ffmpeg). */
async function readDuration(data: Uint8Array, mimeType: string): Promise<number | undefined> {
  // Loaded on first use: only uploads of audio and video need it, and it is a large module graph.
  const { parseBuffer } = await import('music-metadata')
  const meta = await parseBuffer(data, { mimeType, size: data.length }, { duration: true, skipCovers: true })
  let seconds = meta.format.duration
  if (!seconds && /mp4|m4a/.test(mimeType)) seconds = mp4MovieDuration(data)
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) / 1000 : undefined
}

type PdfFacts = { title?: string; language?: string; pageCount: number }

/** Title, language and page count of a PDF, from its document information and catalogue. */
async function readPdf(data: Uint8Array): Promise<PdfFacts> {
  // updateMetadata: false: we only read; ignoreEncryption: encrypted PDFs still have a page tree.
  const pdf = await PDFDocument.load(data, { ignoreEncryption: true, updateMetadata: false })
  const lang = pdf.catalog.lookup(PDFName.of('Lang'))
  const language =
    lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText().trim() || undefined : undefined
  return { title: pdf.getTitle()?.trim() || undefined, language, pageCount: pdf.getPageCount() }
}

/**
 * When a file arrives (new or replacing), record what only the file knows: its kind, an audio or
 * video duration, a PDF's page count and text (for search), and the PDF's own title and language as a starting point
 * staff can correct. A file we cannot read is refused rather than stored without its facts.
 */
export const extractMetadata: CollectionBeforeChangeHook = async ({ data, req }) => {
  const file = req.file
  const mimeType = (data.mimeType as string | undefined) ?? file?.mimetype
  data.kind = kindOf(mimeType) ?? data.kind
  if (!file?.data?.length || !mimeType) return data

  const kind = kindOf(mimeType)
  if (kind === 'audio' || kind === 'video') {
    try {
      data.duration = (await readDuration(file.data, mimeType)) ?? null
    } catch {
      const message = inAdminLanguage(req, {
        en: `This ${kind} file is damaged or incomplete: its length cannot be read.`,
        ur: `یہ ${kind === 'audio' ? 'آڈیو' : 'ویڈیو'} فائل خراب یا نامکمل ہے: اس کی لمبائی پڑھی نہیں جا سکتی۔`,
      })
      throw new APIError(message, 400, null, true)
    }
  } else {
    data.duration = null
  }

  if (kind === 'document') {
    let facts: PdfFacts
    try {
      facts = await readPdf(file.data)
    } catch {
      throw new APIError(inAdminLanguage(req, { en: 'This PDF is damaged or incomplete and cannot be read.', ur: 'یہ PDF خراب یا نامکمل ہے اور پڑھی نہیں جا سکتی۔' }), 400, null, true)
    }
    // Its words, for site search (search/entries.ts). A PDF whose text cannot be read is still a
    // good upload (a scan, an unusual encoding): it is stored without text rather than refused.
    let text = ''
    try {
      text = (await readPdfText(file.data)).text
    } catch (err) {
      req.payload.logger.warn({ msg: `PDF text could not be read (${(err as Error).message}); stored without text.` })
    }
    const pdf = (data.pdf ?? {}) as Record<string, unknown>
    data.pdf = {
      ...pdf,
      text,
      wordCount: wordCount(text),
      pageCount: facts.pageCount,
      // Keep what staff typed; otherwise take what the file says about itself.
      title: (typeof pdf.title === 'string' && pdf.title.trim()) || facts.title || null,
      language: (typeof pdf.language === 'string' && pdf.language.trim()) || facts.language || null,
    }
  }
  return data
}
