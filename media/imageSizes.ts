import type { ImageSize } from 'payload'

// effort 1: measured about 20% faster than 2 on our photos at the same or smaller file size.
const webp = { format: 'webp' as const, options: { quality: 80, effort: 1 } }
// AVIF at low effort: encoding cost close to WebP at card size, files markedly smaller.
const avif = { format: 'avif' as const, options: { quality: 50, effort: 2 } }

/**
 * Sizes made once, at upload (never while a reader waits). Fixed-box sizes are cropped around the
 * focal point staff set in the admin. AVIF is made for the card only: cards repeat on every list
 * page, so the smaller file pays many times over, and at 640 px it costs little. A hero AVIF
 * would add a second full decode and encode of a 1600 px image to every upload (see
 * docs/media.md, `npm run bench`) for a picture shown once per page; WebP is kept there.
 */
export const imageSizes: ImageSize[] = [
  { name: 'thumbnail', width: 320, height: 240, formatOptions: webp },
  { name: 'card', width: 640, height: 360, formatOptions: webp },
  { name: 'cardAvif', width: 640, height: 360, formatOptions: avif },
  { name: 'hero', width: 1600, withoutEnlargement: true, formatOptions: webp },
  { name: 'social', width: 1200, height: 630, formatOptions: webp },
]

export const imageSizeNames = imageSizes.map((s) => s.name)
