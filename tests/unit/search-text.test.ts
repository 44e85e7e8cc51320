/**
 * What the search index and a query agree on (search/normalise.ts, search/query.ts) and how a
 * snippet shows a match (search/highlight.ts), without a database.
 */
import { matcher, snippet, toHtml } from '../../search/highlight'
import { normalise, scriptOf, wordKey } from '../../search/normalise'
import { isProblem, parseQuery, type ParsedQuery } from '../../search/query'
import { matchExpression } from '../../search/sqlite'

const parsed = (q: string) => {
  const p = parseQuery(q)
  if (isProblem(p)) throw new Error(p.message)
  return p as ParsedQuery
}

test('Arabic-keyboard, Persian and presentation-form spellings of Urdu fold to the same text', () => {
  const urdu = 'تعمیری مکالمہ پاکستان کھوسہ'
  for (const typed of ['تعميري مكالمه پاكستان كهوسه', 'تعمیری مکالمه پاکستان کھوسہ', 'تَعمیری مُکالمہ پاکِستان کھوسہ']) {
    expect(normalise(typed)).toBe(normalise(urdu))
  }
  // Presentation forms (as PDFs often give them) and Urdu digits.
  expect(normalise('\ufeeb\ufedf\ufe8e')).toBe(normalise('هلا'))
  expect(normalise('۲۰۲۲')).toBe('2022')
  // Hamza and madda are not needed to find a word; tatweel and zero-width joiners never are.
  expect(normalise('آئین')).toBe(normalise('ایین'))
  expect(normalise('پاکـــستان\u200c')).toBe(normalise('پاکستان'))
  expect(normalise('Café Naïve')).toBe('cafe naive')
})

test('English words meet their other forms; Urdu words are not stemmed', () => {
  expect(wordKey('trafficked', true)).toBe(wordKey('Trafficking', true))
  expect(wordKey('children', true)).not.toBe(wordKey('child', false))
  expect(wordKey('اسمگلنگ', false)).toBe(normalise('اسمگلنگ'))
  expect(scriptOf('انسانی اسمگلنگ')).toBe('arabic')
  expect(scriptOf('trafficking')).toBe('latin')
  expect(scriptOf('2022')).toBeNull()
})

test('a query is words, "phrases" and prefixes, bounded, and never an operator', () => {
  expect(parsed('  Trafficking   "rule of law"  traff* ').parts).toEqual([
    { words: ['trafficking'], prefix: false },
    { words: ['rule', 'of', 'law'], prefix: false },
    { words: ['traff'], prefix: true },
  ])
  // Hyphenated and possessive words are one thing typed.
  expect(parsed("gender-based Pakistan's").parts).toEqual([
    { words: ['gender', 'based'], prefix: false },
    { words: ['pakistan', 's'], prefix: false },
  ])
  expect(parseQuery('a')).toMatchObject({ code: 'too_short' })
  expect(parsed('abc*').parts).toEqual([{ words: ['abc'], prefix: true }])
  expect(parsed('ab*').parts).toEqual([{ words: ['ab'], prefix: false }])
  expect(parseQuery('w '.repeat(11))).toMatchObject({ code: 'too_many_words' })
  expect(parseQuery('x'.repeat(201))).toMatchObject({ code: 'too_long' })
  expect(parseQuery(['first', 'second'])).toMatchObject({ text: 'first' })
  expect(parseQuery({ q: 1 })).toMatchObject({ code: 'empty' })
  // FTS5 syntax typed by a reader is quoted text, never syntax.
  expect(matchExpression(parsed('NEAR(a b) OR {title}: "x').parts)).toBe('"near a" AND "b" AND "or" AND "title" AND "x"')
  expect(matchExpression(parsed('trafficking').parts, 'title')).toBe('{title} : ("trafficking")')
})

test('snippets mark the words as written, in the best passage, and are escaped as HTML', () => {
  const body = `${'Filler words about other things. '.repeat(30)}Victims of trafficking, women and children, were trafficked across borders. ${'More filler. '.repeat(30)}`
  const m = matcher(parsed('trafficked children').parts, 'en')
  const segs = snippet([body], 'A summary.', m)
  expect(segs.filter((s) => s.mark).map((s) => s.text)).toEqual(['trafficking', 'children', 'trafficked'])
  expect(segs[0].text).toBe('… ')
  expect(segs.map((s) => s.text).join('')).toMatch(/Victims of trafficking, women and children, were trafficked across borders/)

  const ur = matcher(parsed('مكالمه').parts, 'ur')
  expect(snippet(['یو این ٹی او سی تعمیری مکالمہ: انسانی اسمگلنگ'], '', ur).filter((s) => s.mark).map((s) => s.text)).toEqual(['مکالمہ'])

  // Nothing matches in the texts: the start of the summary.
  expect(snippet(['unrelated'], 'The summary says little.', m)).toEqual([{ text: 'The summary says little.' }])
  expect(toHtml([{ text: '<b>"x" & y</b> ' }, { text: 'hit', mark: true }])).toBe('&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt; <mark>hit</mark>')
})
