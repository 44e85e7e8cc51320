/**
 * The organisation's identity from Site settings, as the pages use it: the logo in the header
 * (and so on printed pages), the browser tab icon, and the picture shared pages fall back to.
 */
import type { Media, SiteSetting } from '@/payload-types'

import { brandColour, HEADER_TEXT } from './colour'

const asImage = (value: unknown): Media | null =>
  value && typeof value === 'object' && String((value as Media).mimeType ?? '').startsWith('image/') && (value as Media).url ? (value as Media) : null

/** The header logo: the uncropped large size made at upload (or the original), with its alt text in the page's language. */
export function headerLogo(value: unknown): { src: string; width?: number; height?: number; alt: string } | null {
  const m = asImage(value)
  if (!m) return null
  const large = m.sizes?.hero
  if (large?.url && large.width && large.height) return { src: large.url, width: large.width, height: large.height, alt: m.alt ?? '' }
  return { src: m.url!, width: m.width ?? undefined, height: m.height ?? undefined, alt: m.alt ?? '' }
}

/** A square logo is the tab icon; otherwise the organisation's initial, white on its brand colour. */
export function siteIcon(settings: Pick<SiteSetting, 'logo' | 'brandColour' | 'organisationName'>): { url: string; type: string } {
  const m = asImage(settings.logo)
  if (m?.width && m.height && Math.abs(m.width / m.height - 1) < 0.15) return { url: m.url!, type: m.mimeType ?? 'image/png' }
  const initial = [...(settings.organisationName ?? '').trim()][0] ?? ''
  const letter = initial.replace(/[<>&"']/g, '')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${brandColour(settings.brandColour)}"/><text x="16" y="23" font-family="system-ui,sans-serif" font-size="19" font-weight="700" fill="${HEADER_TEXT}" text-anchor="middle">${letter}</text></svg>`
  return { url: `data:image/svg+xml,${encodeURIComponent(svg)}`, type: 'image/svg+xml' }
}

/** The picture a shared page shows when it has none of its own: the logo. */
export function shareImageFallback(settings: Pick<SiteSetting, 'logo'>): Media | null {
  return asImage(settings.logo)
}
