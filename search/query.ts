/**
 * What a reader typed, as a bounded query: words (all must match, in any field), "quoted phrases"
 * and a trailing * for the start of a word (trafficking → traffick*). Everything else is plain
 * text: no operators, so no query a reader types can be an error in the engine or cost more than
 * MAX_WORDS words.
 */
import { normalise, scriptOf, WORD } from './normalise'

export const MAX_QUERY_LENGTH = 200
export const MAX_WORDS = 10
/** A prefix (traff*) needs this many letters: "a*" would expand to most of the index. */
const MIN_PREFIX = 3

/** One thing every result must contain: a word, a word's start, or a phrase (several words in a row). */
export type QueryPart = { words: string[]; prefix: boolean }

export type ParsedQuery = {
  /** The query as the reader typed it, tidied (shown back on the page, kept in links). */
  text: string
  parts: QueryPart[]
  /** The script the reader typed in, for "this looks like Urdu: search the Urdu pages". */
  script: 'arabic' | 'latin' | null
}

export type QueryProblem = { code: 'empty' | 'too_short' | 'too_long' | 'too_many_words'; message: string }

/** The raw value of a query parameter (first of repeated ones); anything else is empty. */
export function queryText(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : ''
  return text.normalize('NFC').replace(/\s+/g, ' ').trim()
}

export function parseQuery(raw: unknown): ParsedQuery | QueryProblem {
  const text = queryText(raw)
  if (!text) return { code: 'empty', message: 'Type what you are looking for.' }
  if (text.length > MAX_QUERY_LENGTH) {
    return { code: 'too_long', message: `A search can be at most ${MAX_QUERY_LENGTH} characters long.` }
  }
  const parts: QueryPart[] = []
  // "…" (and the curly quotes phones type) group words into a phrase; the rest are single words.
  const pieces = text.split(/["“”«»]/)
  pieces.forEach((piece, i) => {
    const inQuotes = i % 2 === 1 && i < pieces.length - 1
    if (inQuotes) {
      const words = normalise(piece).match(WORD) ?? []
      if (words.length) parts.push({ words, prefix: false })
      return
    }
    for (const token of piece.split(' ')) {
      const words = normalise(token).match(WORD) ?? []
      if (!words.length) continue
      // "anti-trafficking" or "Pakistan's" are one thing typed, several words in a row.
      const prefix = words.length === 1 && /\*$/.test(token) && words[0].length >= MIN_PREFIX
      parts.push({ words, prefix })
    }
  })
  const wordCount = parts.reduce((n, p) => n + p.words.length, 0)
  if (wordCount > MAX_WORDS) {
    return { code: 'too_many_words', message: `Use at most ${MAX_WORDS} words.` }
  }
  const letters = parts.reduce((n, p) => n + p.words.join('').length, 0)
  if (letters < 2) return { code: 'too_short', message: 'Type at least two letters or digits.' }
  // The same word twice changes nothing.
  const seen = new Set<string>()
  const unique = parts.filter((p) => {
    const key = `${p.words.join(' ')}${p.prefix ? '*' : ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  return { text, parts: unique, script: scriptOf(text) }
}

export const isProblem = (q: ParsedQuery | QueryProblem): q is QueryProblem => 'code' in q
