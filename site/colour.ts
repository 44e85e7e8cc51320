/**
 * The organisation's brand colour (Site settings) is the page header's background behind white
 * text, so it must keep that text readable: WCAG 2.2 AA asks for a contrast of at least 4.5:1 for
 * normal text. Relative luminance and contrast as WCAG defines them.
 */
export const HEADER_TEXT = '#ffffff'
export const DEFAULT_BRAND = '#0b3d5c'
const HEX = /^#[0-9a-f]{6}$/i

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

/**
 * Why a brand colour cannot be used, in plain words, or null when it can. In the admin language of
 * the person saving (Site settings passes it; translations/labels.ts).
 */
export function brandColourProblem(value: unknown, language: 'en' | 'ur' = 'en'): string | null {
  if (value === undefined || value === null || value === '') return null
  if (typeof value !== 'string' || !HEX.test(value.trim())) {
    return language === 'ur' ? 'رنگ # اور چھ ہیکسا ڈیسیمل ہندسوں میں لکھیں، مثلاً #0b3d5c۔' : 'Write the colour as # and six hexadecimal digits, e.g. #0b3d5c.'
  }
  const ratio = contrastRatio(value.trim(), HEADER_TEXT)
  if (ratio < 4.5) {
    return language === 'ur'
      ? `یہ رنگ صفحے کے اوپر والے حصے کی سفید تحریر کے لیے بہت ہلکا ہے: ان کا تضاد ${ratio.toFixed(2)}:1 ہے، اور WCAG AA کے مطابق کم از کم 4.5:1 چاہیے تاکہ سب پڑھ سکیں۔ کوئی گہرا رنگ چنیں۔`
      : `This colour is too light for the white text of the page header: their contrast is ${ratio.toFixed(2)}:1, and WCAG AA needs at least 4.5:1 so everyone can read it. Choose a darker colour.`
  }
  return null
}

/** The colour to use: the saved one when it is valid, else the default. */
export function brandColour(value: unknown): string {
  return typeof value === 'string' && !brandColourProblem(value) && value ? value.trim().toLowerCase() : DEFAULT_BRAND
}
