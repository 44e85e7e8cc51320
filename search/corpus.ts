/**
 * A generated corpus of statements in English and Urdu, for search tests and `npm run bench`.
 *
 * Made from the words of the demo content (seed/content.ts: the two source documents and their
 * Urdu demo translations), drawn with their real frequencies, so queries behave as they would on
 * the organisation's own writing: "trafficking" is common, "UNTOC" is rarer, "the" is everywhere.
 * Deterministic (seeded): the same `count` makes the same statements. Clearly generated: every
 * title starts "Generated statement", every slug "generated-".
 */
import type { Payload } from 'payload'

import { richText } from '../content/richText'
import { statementTypeOptions } from '../content/statementTypes'
import { campaigns, program, statement } from '../seed/content'
import { WORD } from './normalise'

/** A small fast PRNG (mulberry32): the same seed gives the same corpus on every machine. */
function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function englishSource(): string {
  const texts: string[] = [statement.summary, ...statement.proposals, program.summary, ...program.keyActivities.flatMap((a) => [a.title, a.description])]
  for (const c of campaigns) texts.push(c.summary)
  // The rich-text bodies, as the plain paragraphs they were built from.
  const paragraphs = (doc: { body: { root: { children: Array<{ children?: Array<{ text?: string; children?: Array<{ text?: string }> }> }> } } }) =>
    doc.body.root.children.flatMap((n) => (n.children ?? []).flatMap((c) => [c.text ?? '', ...(c.children ?? []).map((x) => x.text ?? '')]))
  texts.push(...paragraphs(statement as never), ...paragraphs(program as never))
  return texts.join(' ')
}

function urduSource(): string {
  const u = [statement.demoUrdu, program.demoUrdu, ...campaigns.map((c) => c.demoUrdu)]
  return u.flatMap((x) => Object.values(x)).join(' ')
}

const STOP = new Set('a an and are as at be by for from has have in is it its of on or our that the their this to was we with which these those'.split(' '))

type Vocabulary = { words: string[]; content: string[] }
function vocabulary(text: string): Vocabulary {
  const words = text.match(WORD) ?? []
  return { words, content: words.filter((w) => w.length > 3 && !STOP.has(w.toLowerCase())) }
}

type GeneratedStatement = {
  slug: string
  deliveredOn: string
  statementType: string
  /** Indexes into the topics passed to loadCorpus. */
  topicIndexes: number[]
  en: { title: string; summary: string; paragraphs: string[] }
  ur: { title: string; summary: string; paragraphs: string[] }
}

/** `count` statements, deterministic. Dates spread over 2005–2025, one to three topics each. */
export function generateStatements(count: number, options: { seed?: number; topics?: number; words?: number } = {}): GeneratedStatement[] {
  const random = prng(options.seed ?? 7)
  const en = vocabulary(englishSource())
  const ur = vocabulary(urduSource())
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]
  const sentence = (v: Vocabulary, n: number) => {
    const words = Array.from({ length: n }, () => pick(v.words))
    const text = words.join(' ')
    return v === en ? `${text[0].toUpperCase()}${text.slice(1)}.` : `${text}۔`
  }
  const paragraphs = (v: Vocabulary, words: number) => {
    const out: string[] = []
    let left = words
    while (left > 0) {
      const n = Math.min(left, 40 + Math.floor(random() * 40))
      const sentences: string[] = []
      let m = n
      while (m > 0) {
        const k = Math.min(m, 10 + Math.floor(random() * 12))
        sentences.push(sentence(v, k))
        m -= k
      }
      out.push(sentences.join(' '))
      left -= n
    }
    return out
  }
  const title = (v: Vocabulary) => Array.from({ length: 4 + Math.floor(random() * 4) }, () => pick(v.content)).join(' ')
  const topicCount = options.topics ?? 4
  const start = Date.UTC(2005, 0, 1)
  const span = Date.UTC(2025, 11, 31) - start
  return Array.from({ length: count }, (_, i) => {
    const words = options.words ?? 150 + Math.floor(random() * 350)
    const topics = new Set<number>()
    const nTopics = 1 + Math.floor(random() * Math.min(3, topicCount))
    while (topics.size < nTopics) topics.add(Math.floor(random() * topicCount))
    const day = new Date(start + Math.floor(random() * span))
    day.setUTCHours(12, 0, 0, 0)
    return {
      slug: `generated-${i + 1}`,
      deliveredOn: day.toISOString(),
      statementType: pick(statementTypeOptions).value,
      topicIndexes: [...topics],
      en: { title: `Generated statement ${i + 1}: ${title(en)}`, summary: sentence(en, 20), paragraphs: paragraphs(en, words) },
      ur: { title: `تیار کردہ بیان ${i + 1}: ${title(ur)}`, summary: sentence(ur, 20), paragraphs: paragraphs(ur, Math.round(words / 3)) },
    }
  })
}

/**
 * Create generated statements as published documents (English, then the Urdu version), through
 * Payload like any save, as a bulk load (the site is made fresh once, not page by page:
 * content/changes/pipeline.ts). `indexEach: false` skips the search index on each save (a bulk
 * load that rebuilds the index afterwards, as the bench does to time the rebuild).
 */
export async function loadCorpus(
  payload: Payload,
  statements: GeneratedStatement[],
  refs: { organisation: number | string; topics: Array<number | string> },
  options: { indexEach?: boolean; onProgress?: (done: number) => void } = {},
): Promise<Array<number | string>> {
  const context = { bulk: true, seeding: true, skipSearchIndex: options.indexEach === false }
  const ids: Array<number | string> = []
  for (const [i, s] of statements.entries()) {
    const doc = await payload.create({
      collection: 'statements',
      overrideAccess: true,
      context,
      depth: 0,
      data: {
        _status: 'published',
        title: s.en.title,
        slug: s.slug,
        summary: s.en.summary,
        statementType: s.statementType as never,
        speakerName: 'Generated speaker',
        issuingOrganisation: refs.organisation as number,
        deliveredOn: s.deliveredOn,
        body: richText(s.en.paragraphs) as never,
        topics: s.topicIndexes.map((t) => refs.topics[t % refs.topics.length]) as number[],
      },
    })
    await payload.update({
      collection: 'statements',
      id: doc.id,
      locale: 'ur',
      overrideAccess: true,
      context,
      depth: 0,
      data: { _status: 'published', title: s.ur.title, summary: s.ur.summary, body: richText(s.ur.paragraphs) as never },
    })
    ids.push(doc.id)
    options.onProgress?.(i + 1)
  }
  return ids
}
