/**
 * One spelling for every way a word can be typed, applied to indexed text AND to queries, so
 * they always meet. Pure functions, no engine: SQLite (FTS5) and MongoDB index what this returns.
 *
 * Urdu is written with letters that Arabic and Persian keyboards (and PDFs, and copy-paste from
 * other sites) produce in other forms. A reader typing on an Arabic keyboard writes ي for ی, ك for
 * ک, ه for ہ/ھ, and rarely types the short vowels (zer, zabar, pesh) that some texts carry. Text
 * taken from PDFs often comes as "presentation forms" (one code point per shaped glyph). All of
 * these fold here to one form: NFKD (presentation forms and ligatures to letters, hamza and madda
 * split off), combining marks dropped, then these letter folds:
 *   yeh:  ي ى ے (and ئ ۓ once their hamza is gone) → ی
 *   kaf:  ك → ک
 *   heh:  ه ھ ۀ ە ة ۃ (and ۂ) → ہ      (heh goal, do-chashmi and Arabic heh are one letter to a reader searching)
 *   alef: أ إ آ ٱ → ا, waw: ؤ → و
 *   digits: ۰–۹ and ٠–٩ → 0–9
 *   tatweel, zero-width joiners and direction marks removed.
 * Folding ے into ی and ھ into ہ merges a few spellings (کے/کی); a search index can afford that, the
 * page cannot: snippets are always cut from the original text (search/highlight.ts).
 */
import { stemmer } from 'stemmer'

const MARKS = /[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u08d3-\u08e1\u08e3-\u08ff]/g
const INVISIBLE = /[\u0640\u200c\u200d\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff\u00ad]/g
const FOLDS: Record<string, string> = {
  '\u064a': '\u06cc', // ي
  '\u0649': '\u06cc', // ى
  '\u06d2': '\u06cc', // ے
  '\u0643': '\u06a9', // ك
  '\u0647': '\u06c1', // ه
  '\u06be': '\u06c1', // ھ
  '\u06c0': '\u06c1', // ۀ (NFKD leaves it as ە + hamza; listed for safety)
  '\u06d5': '\u06c1', // ە
  '\u0629': '\u06c1', // ة
  '\u06c3': '\u06c1', // ۃ
  '\u0671': '\u0627', // ٱ
}
const FOLD = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g')
const ARABIC_DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/g

/** Text in the one form the index holds (also for queries). Lower case; word boundaries kept. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(INVISIBLE, '')
    .replace(FOLD, (c) => FOLDS[c])
    .replace(ARABIC_DIGIT, (d) => String((d.charCodeAt(0) & 0xf) % 10))
    .normalize('NFC')
    .toLowerCase()
}

/** A word, as the tokenisers see one: letters, digits and combining marks (apostrophes and hyphens split words). */
export const WORD = /[\p{L}\p{N}\p{M}]+/gu

const ARABIC_LETTER = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/

/** Which script a text is mostly written in (for "this looks like Urdu: search the Urdu pages"). */
export function scriptOf(text: string): 'arabic' | 'latin' | null {
  let arabic = 0
  let latin = 0
  for (const ch of text) {
    if (ARABIC_LETTER.test(ch)) arabic++
    else if (LATIN_LETTER.test(ch)) latin++
  }
  if (!arabic && !latin) return null
  return arabic >= latin ? 'arabic' : 'latin'
}

/**
 * The key a word is matched by: normalised and, for English, reduced to its Porter stem (the same
 * algorithm as SQLite FTS5's `porter` tokenizer), so "trafficked" and "trafficking" meet.
 * Used to mark matches in snippets and, on MongoDB, to require every word (see search/mongo.ts).
 */
export function wordKey(word: string, stem: boolean): string {
  const n = normalise(word)
  return stem && /^[a-z]+$/.test(n) ? stemmer(n) : n
}
