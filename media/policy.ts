/**
 * What the media library accepts, decided in one place: which types (by their bytes), how big
 * per kind of file, and how many pixels an image may declare. Limits come from the environment
 * so an operator can raise them without a code change; the defaults suit a think tank's library.
 */

type MediaKind = 'image' | 'audio' | 'video' | 'document' | 'captions'

/** Allowed types, as detected from the file's bytes, and the kind each belongs to. */
export const allowedTypes: Record<string, { kind: MediaKind; ext: string }> = {
  'image/jpeg': { kind: 'image', ext: 'jpg' },
  'image/png': { kind: 'image', ext: 'png' },
  'image/webp': { kind: 'image', ext: 'webp' },
  'image/gif': { kind: 'image', ext: 'gif' },
  'audio/mpeg': { kind: 'audio', ext: 'mp3' },
  'audio/mp4': { kind: 'audio', ext: 'm4a' },
  'audio/x-m4a': { kind: 'audio', ext: 'm4a' },
  'audio/ogg': { kind: 'audio', ext: 'ogg' },
  'audio/opus': { kind: 'audio', ext: 'opus' },
  'video/mp4': { kind: 'video', ext: 'mp4' },
  'video/webm': { kind: 'video', ext: 'webm' },
  'application/pdf': { kind: 'document', ext: 'pdf' },
  // WebVTT is plain text: file-type cannot see it, so checkUpload recognises its header itself.
  'text/vtt': { kind: 'captions', ext: 'vtt' },
}

export const allowedMimeTypes = Object.keys(allowedTypes)

const MB = 1024 * 1024

/** Default size limits per kind, in bytes. Override with MEDIA_MAX_<KIND>_MB. */
const defaultLimitsMB: Record<MediaKind, number> = {
  image: 25,
  audio: 100,
  video: 200,
  document: 50,
  captions: 1,
}

function envNumber(name: string): number | undefined {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return undefined
  const n = Number(raw)
  return Number.isFinite(n) && n > 0 ? n : undefined
}

/** Size limit in bytes for one kind of file. */
export function sizeLimit(kind: MediaKind): number {
  const mb = envNumber(`MEDIA_MAX_${kind.toUpperCase()}_MB`) ?? defaultLimitsMB[kind]
  return Math.floor(mb * MB)
}

/**
 * The largest any single upload may be. Payload's multipart parser stops reading at this many
 * bytes and answers 413 (abortOnLimit), so nothing over it is ever held whole or stored.
 * The per-kind limit is then checked as soon as the first bytes tell us the kind.
 */
export function largestUpload(): number {
  return Math.max(...(Object.keys(defaultLimitsMB) as MediaKind[]).map(sizeLimit))
}

/**
 * Most pixels an image may declare (width x height x frames). Checked from the header before
 * anything is decoded, and passed to sharp as limitInputPixels, so a tiny file claiming
 * 20000x20000 cannot exhaust memory. Default 100 megapixels: every camera we use is below it.
 */
export function maxInputPixels(): number {
  return Math.floor((envNumber('MEDIA_MAX_MEGAPIXELS') ?? 100) * 1_000_000)
}

export function kindOf(mimeType: string | null | undefined): MediaKind | undefined {
  return mimeType ? allowedTypes[mimeType.split(';')[0].trim().toLowerCase()]?.kind : undefined
}

/** Images, audio and video display inline; everything else is downloaded, never rendered. */
export function isInlineType(mimeType: string | null | undefined): boolean {
  return /^(image|audio|video)\//i.test(mimeType ?? '') && !/svg|xml/i.test(mimeType ?? '')
}

export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} bytes`
}

/**
 * sharp, with the pixel limit applied to every image Payload decodes (sizes, crops, focal
 * points): a second line behind checkUpload's header check.
 *
 * It also lets libvips use JPEG shrink-on-load when Payload resizes. Payload turns it off for its
 * focal-point sizes (for exact dimensions), which makes every cropped size decode all 12 million
 * pixels of a photo twice; with it, a 320 px thumbnail decodes the JPEG at 1/8 scale. Payload reads
 * the real resized dimensions back before cropping, so the crop stays exact. See docs/media.md.
 */
export function limitedSharp<T extends (...args: any[]) => any>(sharpFn: T): T {
  const fastShrink = (instance: any) => {
    if (!instance || typeof instance.resize !== 'function') return instance
    const resize = instance.resize.bind(instance)
    instance.resize = (...args: any[]) => {
      const i = args.findIndex((a) => a && typeof a === 'object')
      if (i >= 0 && args[i].fastShrinkOnLoad === false) args[i] = { ...args[i], fastShrinkOnLoad: true }
      return resize(...args)
    }
    const clone = instance.clone.bind(instance)
    instance.clone = () => fastShrink(clone())
    return instance
  }
  const wrapped = (input?: unknown, options?: Record<string, unknown>) => {
    if (input && typeof input === 'object' && !ArrayBuffer.isView(input) && !Array.isArray(input) && options === undefined) {
      // sharp(options) form, e.g. sharp({ create: … }): nothing to decode.
      return sharpFn(input)
    }
    return fastShrink(sharpFn(input, { limitInputPixels: maxInputPixels(), ...options }))
  }
  return Object.assign(wrapped, sharpFn) as unknown as T
}
