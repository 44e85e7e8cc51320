/**
 * The characters a WOFF2 font has glyphs for (its cmap), read in Node without font tools, so a
 * browser test can say whether the font Chromium used really draws every character it was given.
 * WOFF2 (W3C): a table directory, then every table in one Brotli stream, in directory order; the
 * cmap table is never transformed. cmap formats 4 (BMP) and 12 (full Unicode) are read.
 */
import { readFileSync } from 'node:fs'
import { brotliDecompressSync } from 'node:zlib'

const KNOWN_TAGS = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT', 'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH', 'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar', 'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill']

function base128(buf: Buffer, at: number): [number, number] {
  let value = 0
  for (let i = 0; i < 5; i++) {
    const byte = buf[at + i]
    value = value * 128 + (byte & 0x7f)
    if (!(byte & 0x80)) return [value, at + i + 1]
  }
  throw new Error('WOFF2: bad UIntBase128')
}

function cmapCodepoints(cmap: Buffer): Set<number> {
  const out = new Set<number>()
  const count = cmap.readUInt16BE(2)
  for (let i = 0; i < count; i++) {
    const offset = cmap.readUInt32BE(4 + i * 8 + 4)
    const format = cmap.readUInt16BE(offset)
    if (format === 4) {
      const segX2 = cmap.readUInt16BE(offset + 6)
      const ends = offset + 14
      const starts = ends + segX2 + 2
      const deltas = starts + segX2
      const rangeOffsets = deltas + segX2
      for (let s = 0; s < segX2 / 2; s++) {
        const end = cmap.readUInt16BE(ends + s * 2)
        const start = cmap.readUInt16BE(starts + s * 2)
        const delta = cmap.readInt16BE(deltas + s * 2)
        const rangeOffset = cmap.readUInt16BE(rangeOffsets + s * 2)
        for (let c = start; c <= end && c !== 0xffff; c++) {
          const glyph = rangeOffset
            ? cmap.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2)
            : (c + delta) & 0xffff
          if (glyph) out.add(c)
        }
      }
    } else if (format === 12) {
      const groups = cmap.readUInt32BE(offset + 12)
      for (let g = 0; g < groups; g++) {
        const start = cmap.readUInt32BE(offset + 16 + g * 12)
        const end = cmap.readUInt32BE(offset + 16 + g * 12 + 4)
        for (let c = start; c <= end; c++) out.add(c)
      }
    }
  }
  return out
}

/** Every code point the font maps to a glyph. */
export function woff2Codepoints(file: string): Set<number> {
  const buf = readFileSync(file)
  if (buf.toString('latin1', 0, 4) !== 'wOF2') throw new Error(`${file} is not a WOFF2 font`)
  const numTables = buf.readUInt16BE(12)
  const compressedSize = buf.readUInt32BE(20)
  let at = 48
  let offset = 0
  let cmap: { offset: number; length: number } | null = null
  for (let i = 0; i < numTables; i++) {
    const flags = buf[at++]
    let tag = KNOWN_TAGS[flags & 0x3f]
    if ((flags & 0x3f) === 63) {
      tag = buf.toString('latin1', at, at + 4)
      at += 4
    }
    const version = flags >> 6
    let length: number
    ;[length, at] = base128(buf, at)
    const transformed = tag === 'glyf' || tag === 'loca' ? version !== 3 : version !== 0
    if (transformed) [length, at] = base128(buf, at)
    if (tag === 'cmap') cmap = { offset, length }
    offset += length
  }
  if (!cmap) throw new Error(`${file} has no cmap`)
  const tables = brotliDecompressSync(buf.subarray(at, at + compressedSize))
  return cmapCodepoints(tables.subarray(cmap.offset, cmap.offset + cmap.length))
}
