import type { Media } from '@/payload-types'

type SizeName = 'thumbnail' | 'card' | 'hero' | 'social'

/** Which pre-generated sizes (made at upload) to offer for each use. */
const FAMILIES: Record<'hero' | 'card' | 'thumb', SizeName[]> = {
  hero: ['card', 'hero'],
  card: ['card', 'social'],
  thumb: ['thumbnail', 'card'],
}

function asMedia(value: unknown): Media | null {
  return value && typeof value === 'object' && 'url' in value ? (value as Media) : null
}

/**
 * A plain <img> with srcset from the sizes Payload made at upload (no resizing while the reader
 * waits), width and height set so nothing jumps, lazy unless it is the first thing on screen.
 */
export function Img({
  media,
  use = 'card',
  sizes,
  eager = false,
  className,
}: {
  media: unknown
  use?: 'hero' | 'card' | 'thumb'
  sizes?: string
  eager?: boolean
  className?: string
}) {
  const m = asMedia(media)
  if (!m?.url || !String(m.mimeType ?? '').startsWith('image/')) return null
  const available = FAMILIES[use]
    .map((name) => m.sizes?.[name])
    .filter((s): s is NonNullable<typeof s> => Boolean(s?.url && s.width))
  const main = available[available.length - 1]
  const src = main?.url ?? m.url
  const width = main?.width ?? m.width ?? undefined
  const height = main?.height ?? m.height ?? undefined
  const srcSet = available.length > 1 ? available.map((s) => `${s.url} ${s.width}w`).join(', ') : undefined
  return (
    <img
      className={className}
      src={src}
      srcSet={srcSet}
      sizes={srcSet ? (sizes ?? (use === 'hero' ? '100vw' : '(min-width: 48rem) 33vw, 100vw')) : undefined}
      width={width ?? undefined}
      height={height ?? undefined}
      alt={m.alt ?? ''}
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      fetchPriority={eager ? 'high' : undefined}
    />
  )
}
