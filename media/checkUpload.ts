import { randomBytes } from 'node:crypto'
import { fileTypeFromBuffer } from 'file-type'
import { APIError, type CollectionBeforeOperationHook } from 'payload'
import sharp from 'sharp'

import { isStaffUser } from '../access/roles'
import { allowedTypes, formatBytes, kindOf, maxInputPixels, sizeLimit } from './policy'
import { inAdminLanguage, type Bilingual } from '../translations/labels'

const acceptedList = 'JPEG, PNG, WebP, GIF, MP3, M4A, OGG, MP4, WebM, PDF and WebVTT captions'
const acceptedListUrdu = 'JPEG، PNG، WebP، GIF، MP3، M4A، OGG، MP4، WebM، PDF اور WebVTT کیپشن'
const kindInUrdu: Record<string, string> = { image: 'تصویر', audio: 'آڈیو', video: 'ویڈیو', document: 'دستاویز', captions: 'کیپشن' }

type WithLanguage = Parameters<typeof inAdminLanguage>[0]
/** A refusal in the uploader's admin language (English for API callers). */
const refuse = (req: WithLanguage, message: Bilingual, status = 400) => new APIError(inAdminLanguage(req, message), status, null, true)

/** Text-based formats that can carry code a browser would run. Looked for in the first bytes. */
function describeMarkupOrScript(head: string): string | undefined {
  const text = head.replace(/^\uFEFF/, '').trimStart().toLowerCase()
  if (text.startsWith('#!')) return 'a script'
  if (/<svg[\s>]/.test(text)) return 'SVG'
  if (/^<!doctype html|<html[\s>]|<script[\s>]|<body[\s>]|<head[\s>]|<iframe[\s>]/.test(text)) return 'HTML'
  if (text.startsWith('<?xml') || text.startsWith('<')) return 'XML or HTML'
  if (/^(function\b|var |let |const |import |export |\(function)/.test(text)) return 'a script'
  return undefined
}

/** WebVTT: UTF-8 text whose first line is "WEBVTT", alone or followed by a space or tab. */
export function isWebVTT(data: Buffer): boolean {
  if (data.includes(0)) return false
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    return false
  }
  return /^\uFEFF?WEBVTT(?:[ \t][^\r\n]*)?(?:\r\n|\r|\n|$)/.test(text)
}

/**
 * A stored filename readers can see in URLs: no folders, control or direction-override
 * characters, at most 60 characters of name, the extension that matches the bytes, and a random
 * suffix so two uploads can never claim the same name, even at the same moment.
 */
export function safeFilename(original: string, ext: string): string {
  const leaf = original.split(/[\\/]/).pop() ?? ''
  const withoutExt = leaf.includes('.') ? leaf.slice(0, leaf.lastIndexOf('.')) : leaf
  const base = withoutExt
    .normalize('NFKC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  const short = Array.from(base).slice(0, 60).join('').replace(/-+$/, '') || 'file'
  return `${short}-${randomBytes(4).toString('hex')}.${ext}`
}

/** Fields Payload fills in from the uploaded file. */
const FILE_FIELDS = ['filename', 'mimeType', 'filesize', 'width', 'height', 'sizes', 'url', 'thumbnailURL']

/**
 * Runs before Payload touches an uploaded file (create or replace). Decides what the file IS from
 * its bytes (never its name or declared type), refuses anything off the allowlist with a reason,
 * applies the per-kind size limit, refuses images that declare more pixels than we will decode,
 * and gives the file a safe, unique name with the right extension.
 */
export const checkUpload: CollectionBeforeOperationHook = async ({ args, operation }) => {
  // This runs before Payload checks access: only staff may upload at all (access/media.ts), so
  // for anyone else say nothing about the file and let access answer 403, unread.
  if (!(args as { overrideAccess?: boolean })?.overrideAccess && !isStaffUser(args?.req?.user)) return args
  const file = args?.req?.file
  if (operation === 'create' && !file) {
    // Without a file, Payload would fetch `url` (a server-side request to a user-given address)
    // or reuse another item's stored file by `filename`. Neither is allowed: upload the file.
    // Payload lifts `url` out of the data before this hook runs, so look at the request body too.
    const data = (args as { data?: Record<string, unknown> }).data
    const body = (args.req as { data?: Record<string, unknown> }).data
    if ((data && (data.url || data.filename)) || (body && typeof body === 'object' && (body.url || body.filename))) {
      throw refuse(args.req, {
        en: "Upload the file itself: the library does not fetch files from web addresses or copy other items' files.",
        ur: 'فائل خود اپ لوڈ کریں: لائبریری ویب پتوں سے فائلیں نہیں لاتی اور نہ دوسرے آئٹمز کی فائلیں نقل کرتی ہے۔',
      })
    }
    return args
  }
  if (operation === 'update' && !file) {
    // What describes the stored file changes only with a new file. Sent without one ({"filename":
    // "x"} pointed the item at a file that is not there; {"mimeType": 1} was a 500), it is ignored:
    // the admin's own form sends these fields back unchanged with every save.
    const data = (args as { data?: Record<string, unknown> }).data
    if (data && typeof data === 'object') for (const field of FILE_FIELDS) delete data[field]
    return args
  }
  if (!file || operation !== 'update' && operation !== 'create') return args
  const data: Buffer | undefined = file.data
  const req = args.req
  if (!data || data.length === 0) throw refuse(req, { en: 'The file is empty.', ur: 'فائل خالی ہے۔' })

  const detected = await fileTypeFromBuffer(data)
  let mime = detected?.mime as string | undefined
  if (!mime) {
    if (isWebVTT(data)) {
      mime = 'text/vtt'
    } else {
      const looksLike = describeMarkupOrScript(data.subarray(0, 2048).toString('utf8'))
      if (looksLike) {
        throw refuse(req, {
          en: `This file is ${looksLike}, whatever its name says. SVG, XML, HTML and script files are not accepted because they can run code in a reader's browser. Accepted: ${acceptedList}.`,
          ur: `نام کچھ بھی ہو، یہ فائل ${looksLike} ہے۔ SVG، XML، HTML اور اسکرپٹ فائلیں قبول نہیں کی جاتیں کیونکہ یہ قاری کے براؤزر میں کوڈ چلا سکتی ہیں۔ قابلِ قبول: ${acceptedListUrdu}۔`,
        })
      }
      throw refuse(req, {
        en: `We could not recognise this file's type from its contents. Accepted: ${acceptedList}.`,
        ur: `فائل کے مواد سے اس کی قسم نہیں پہچانی جا سکی۔ قابلِ قبول: ${acceptedListUrdu}۔`,
      })
    }
  }
  if (mime === 'application/xml' || mime === 'image/svg+xml' || mime === 'text/html') {
    const what = mime === 'text/html' ? 'HTML' : mime === 'image/svg+xml' ? 'SVG' : 'XML'
    throw refuse(req, {
      en: `This file is ${what}. SVG, XML, HTML and script files are not accepted because they can run code in a reader's browser. Accepted: ${acceptedList}.`,
      ur: `یہ فائل ${what} ہے۔ SVG، XML، HTML اور اسکرپٹ فائلیں قبول نہیں کی جاتیں کیونکہ یہ قاری کے براؤزر میں کوڈ چلا سکتی ہیں۔ قابلِ قبول: ${acceptedListUrdu}۔`,
    })
  }
  const allowed = allowedTypes[mime]
  if (!allowed) {
    throw refuse(req, {
      en: `Files of type ${mime} are not accepted (judged from the file's contents). Accepted: ${acceptedList}.`,
      ur: `${mime} قسم کی فائلیں قبول نہیں کی جاتیں (فائل کے مواد سے پرکھا گیا)۔ قابلِ قبول: ${acceptedListUrdu}۔`,
    })
  }

  const kind = kindOf(mime)!
  const limit = sizeLimit(kind)
  const size = file.size ?? data.length
  if (size > limit) {
    throw refuse(
      req,
      {
        en: `This ${kind} file is ${formatBytes(size)}; the limit for ${kind} files is ${formatBytes(limit)}.`,
        ur: `یہ ${kindInUrdu[kind] ?? kind} فائل ${formatBytes(size)} کی ہے؛ ${kindInUrdu[kind] ?? kind} فائلوں کی حد ${formatBytes(limit)} ہے۔`,
      },
      413,
    )
  }

  if (kind === 'image') {
    // metadata() reads the header only: nothing is decoded, so a bomb costs nothing here.
    let meta: sharp.Metadata
    try {
      meta = await sharp(data, { limitInputPixels: false }).metadata()
    } catch {
      throw refuse(req, { en: 'This image is damaged or incomplete and cannot be read.', ur: 'یہ تصویر خراب یا نامکمل ہے اور پڑھی نہیں جا سکتی۔' })
    }
    const pixels = (meta.width ?? 0) * (meta.height ?? 0) * (meta.pages ?? 1)
    if (!meta.width || !meta.height)
      throw refuse(req, { en: 'This image does not say how big it is and cannot be used.', ur: 'اس تصویر میں اس کا سائز درج نہیں، اس لیے استعمال نہیں ہو سکتی۔' })
    if (pixels > maxInputPixels()) {
      const frames = (meta.pages ?? 1) > 1
      throw refuse(req, {
        en: `This image declares ${meta.width} x ${meta.height} pixels${frames ? ` x ${meta.pages} frames` : ''} (${Math.round(pixels / 1e6)} megapixels); the limit is ${Math.round(maxInputPixels() / 1e6)} megapixels. Resize it before uploading.`,
        ur: `اس تصویر کا سائز ${meta.width} x ${meta.height} پکسل${frames ? ` x ${meta.pages} فریم` : ''} (${Math.round(pixels / 1e6)} میگا پکسل) درج ہے؛ حد ${Math.round(maxInputPixels() / 1e6)} میگا پکسل ہے۔ اپ لوڈ سے پہلے اسے چھوٹا کریں۔`,
      })
    }
  }

  file.mimetype = mime
  file.name = safeFilename(file.name || 'file', allowed.ext)
  return args
}

/**
 * Payload fetches `url` server-side when a document is created with `filename` + `url` and no
 * file, even with pasteURL off. Every such fetch asks this filter for its headers first, so
 * refusing here stops it on every path (REST, GraphQL, Local API). Only our own file URLs pass
 * (Payload re-reads a stored file that way when a crop or focal point changes on remote storage).
 */
export const refuseExternalFetch = (
  _headers: Record<string, string>,
  context?: { isSameOrigin: boolean; url: string },
): Record<string, string> => {
  const { isSameOrigin = false, url = '' } = context ?? {}
  let own = false
  try {
    const target = new URL(url)
    const server = process.env.SERVER_URL ? new URL(process.env.SERVER_URL).origin : undefined
    own = (isSameOrigin || target.origin === server) && target.pathname.startsWith('/api/media/file/')
  } catch {
    own = false
  }
  // No request here (Payload asks while fetching), so the message is in English.
  if (!own) throw new APIError('The library does not fetch files from web addresses: upload the file itself.', 400, null, true)
  return {}
}
