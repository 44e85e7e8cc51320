import { createHash } from 'node:crypto'

import { isRTL, type Locale } from '@/content/locales'
import { comma } from '@/site/format'
import { t } from '@/site/i18n'
import type { Office } from '@/payload-types'

/** A CSS string literal: quotes, backslashes and line breaks escaped, and nothing that could close <style>. */
function cssString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\A ').replace(/</g, '\\3C ')}"`
}

/** Bidi isolates: a run keeps its own direction inside text of the other (U+2066/2068 … U+2069). */
const ltr = (s: string) => `\u2066${s}\u2069`
const firstStrong = (s: string) => `\u2068${s}\u2069`

/**
 * "Islamabad: #38-W, …, Islamabad. Phone: 051-2870852 & 051-2870853". Numbers and English address
 * lines are isolated: in Urdu text a phone number's digits would otherwise count as Arabic
 * numbers and print as 2870852-051 (the screen's phone links are dir="ltr" for the same reason).
 */
function officeLine(locale: Locale, o: Office): string {
  const dict = t(locale)
  const address = (o.addressLines ?? []).map((l) => (l.line ? firstStrong(l.line) : '')).filter(Boolean).join(comma(locale))
  const phones = (o.phones ?? []).map((p) => ltr(p.number)).join(' & ')
  return [`${o.name}: ${address}`, phones ? `${dict.phone}: ${phones}` : ''].filter(Boolean).join('\n')
}

/**
 * How a statement prints (and saves as PDF from the browser), like the letterhead it came from:
 * the issuing organisation's name at the top of every page, its offices with their telephone
 * numbers at the foot of every page, and page numbers; the site's own print rules (site.css)
 * drop the navigation. These are CSS page-margin boxes, so they repeat on each page and never
 * overlap the text. Urdu prints right to left, with the offices mirrored.
 */
export function StatementPrint({ locale, organisation, offices }: { locale: Locale; organisation: string; offices: Office[] }) {
  const rtl = isRTL(locale)
  const dict = t(locale)
  const [first, second, ...rest] = offices.map((o) => officeLine(locale, o))
  // Two offices side by side (as on the letterhead); more than two share the start box.
  const start = [first, ...rest].filter(Boolean).join('\n\n')
  const end = second ?? ''
  const [startBox, endBox] = rtl ? ['@bottom-right', '@bottom-left'] : ['@bottom-left', '@bottom-right']
  const font = rtl ? "font-family: 'Noto Nastaliq Urdu', 'Jameel Noori Nastaleeq', 'Urdu Typesetting', 'Daleel Urdu', sans-serif; direction: rtl;" : 'font-family: system-ui, sans-serif;'
  const box = `${font} font-size: 8pt; white-space: pre-line; color: #000;`
  const css = `@media print {
  @page {
    margin: 22mm 16mm ${offices.length ? '34mm' : '20mm'};
    @top-center { content: ${cssString(organisation)}; ${font} font-size: 11pt; font-weight: 700; color: #000; }
    ${start ? `${startBox} { content: ${cssString(start)}; ${box} text-align: ${rtl ? 'right' : 'left'}; vertical-align: top; }` : ''}
    ${end ? `${endBox} { content: ${cssString(end)}; ${box} text-align: ${rtl ? 'left' : 'right'}; vertical-align: top; }` : ''}
    @bottom-center { content: ${cssString(`${dict.pageOf} `)} counter(page); ${box} white-space: nowrap; vertical-align: top; }
  }
}`
  const id = createHash('sha1').update(css).digest('hex').slice(0, 12)
  // React puts a <style> with href and precedence in the document head (once per page).
  return (
    <style href={`statement-print-${id}`} precedence="print">
      {css}
    </style>
  )
}
