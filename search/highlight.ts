/**
 * Snippets: the passage of a result that best shows why it matched, cut from the ORIGINAL text
 * (never the normalised index text) with the matched words marked. The same code serves both
 * engines: a word matches when its key (search/normalise.ts wordKey: normalised, English stemmed)
 * is one the query asked for, so "trafficked" marks "trafficking" and ي-spelt queries mark ی-spelt
 * words.
 */
import type { Locale } from '../content/locales'
import { wordKey, WORD } from './normalise'
import type { QueryPart } from './query'

export type Segment = { text: string; mark?: boolean }

/** Only this much of a field is scanned for a snippet (a long PDF is still searched in full). */
const SCAN_CHARS = 40_000
const WINDOW_WORDS = 32

type Matcher = { exact: Set<string>; prefixes: string[]; stem: boolean; firsts: Set<string> }

export function matcher(parts: QueryPart[], locale: Locale): Matcher {
  const stem = locale === 'en'
  const exact = new Set<string>()
  const prefixes: string[] = []
  for (const p of parts) {
    p.words.forEach((w, i) => {
      if (p.prefix && i === p.words.length - 1) prefixes.push(w)
      else exact.add(wordKey(w, stem))
    })
  }
  // A cheap first look: a word can only match if it starts like some key (stems are prefixes).
  const firsts = new Set([...exact, ...prefixes].map((k) => k.slice(0, 2)))
  return { exact, prefixes, stem, firsts }
}

/** The key of a word this query asked for, or null. */
function matchKey(m: Matcher, word: string): string | null {
  const quick = word.slice(0, 2).toLowerCase()
  if (/^[\x00-\x7f]+$/.test(quick) && !m.firsts.has(quick)) return null
  const key = wordKey(word, m.stem)
  if (m.exact.has(key)) return key
  const plain = m.stem ? wordKey(word, false) : key
  return m.prefixes.find((p) => plain.startsWith(p)) ?? null
}

type Token = { start: number; end: number; key: string | null }

function tokens(text: string, m: Matcher): Token[] {
  const out: Token[] = []
  for (const match of text.slice(0, SCAN_CHARS).matchAll(WORD)) {
    out.push({ start: match.index!, end: match.index! + match[0].length, key: matchKey(m, match[0]) })
  }
  return out
}

/** Marked segments for a whole short text (titles). */
export function markAll(text: string, m: Matcher): Segment[] {
  return segments(text, tokens(text, m), 0, text.length)
}

function segments(text: string, list: Token[], from: number, to: number): Segment[] {
  const out: Segment[] = []
  let at = from
  for (const t of list) {
    if (!t.key || t.start < from || t.end > to) continue
    if (t.start > at) out.push({ text: text.slice(at, t.start) })
    out.push({ text: text.slice(t.start, t.end), mark: true })
    at = t.end
  }
  if (to > at) out.push({ text: text.slice(at, to) })
  return out
}

type Passage = { score: number; segments: Segment[] }

/**
 * The best passage of about WINDOW_WORDS words: the most different query words, then the most
 * matches, then the earliest. Null when nothing in the text matches.
 */
function bestPassage(text: string, m: Matcher): Passage | null {
  if (!text) return null
  const list = tokens(text, m)
  const hits = list.map((t, i) => (t.key ? i : -1)).filter((i) => i >= 0)
  if (!hits.length) return null
  let best = { start: 0, distinct: 0, count: 0 }
  let end = 0
  for (let h = 0; h < hits.length; h++) {
    while (end < hits.length && hits[end] < hits[h] + WINDOW_WORDS) end++
    const inWindow = hits.slice(h, end)
    const distinct = new Set(inWindow.map((i) => list[i].key)).size
    if (distinct > best.distinct || (distinct === best.distinct && inWindow.length > best.count)) {
      best = { start: hits[h], distinct, count: inWindow.length }
    }
  }
  // Start a few words before the first match, so it reads in context.
  const startToken = Math.max(0, best.start - 6)
  const endToken = Math.min(list.length - 1, startToken + WINDOW_WORDS - 1)
  const from = startToken === 0 ? 0 : list[startToken].start
  const to = endToken === list.length - 1 ? Math.min(text.length, SCAN_CHARS) : list[endToken].end
  const segs = segments(text, list, from, to)
  if (from > 0) segs.unshift({ text: '… ' })
  if (to < text.length) segs.push({ text: ' …' })
  return { score: best.distinct * 1000 + best.count, segments: segs.map((s) => (s.mark ? s : { text: s.text.replace(/\s+/g, ' ') })) }
}

/**
 * The snippet of a result: the best passage of its texts (`texts` in order of preference), else of
 * `fallback` texts (names and places read badly as a passage: only when nothing else matched and
 * the title did not either), else the start of its summary.
 */
export function snippet(texts: string[], summary: string, m: Matcher, fallback: string[] = []): Segment[] {
  let best: Passage | null = null
  for (const text of texts) {
    const p = bestPassage(text, m)
    if (p && (!best || p.score > best.score)) best = p
  }
  for (const text of best ? [] : fallback) {
    const p = bestPassage(text, m)
    if (p && (!best || p.score > best.score)) best = p
  }
  if (best) return best.segments
  const words = summary.split(/\s+/)
  const short = words.length > WINDOW_WORDS ? `${words.slice(0, WINDOW_WORDS).join(' ')} …` : summary
  return short ? markAll(short, m) : []
}

const ESCAPE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Segments as HTML: the text escaped, matches in <mark> (for the API's `snippet`). */
export function toHtml(segs: Segment[]): string {
  return segs.map((s) => (s.mark ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text))).join('')
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPE[c])
