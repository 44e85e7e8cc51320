import { plainText, richText } from '../../content/richText'

test('paragraphs, headings and lists round-trip to plain text, one block per line', () => {
  const doc = richText([
    { heading: 'Introduction' },
    'Distinguished Delegates.',
    { list: ['First proposal.', 'Second proposal.'], ordered: true },
    { heading: 'Details', level: 3 },
    'Thank you.',
  ])
  expect(plainText(doc)).toBe('Introduction\nDistinguished Delegates.\nFirst proposal.\nSecond proposal.\nDetails\nThank you.')
})

test('the Lexical shape is what the admin editor stores', () => {
  const doc = richText([{ heading: 'H', level: 3 }, 'P', { list: ['a', 'b'] }, { list: ['c'], ordered: true }])
  const [heading, paragraph, bullets, numbers] = doc.root.children as any[]
  expect(doc.root.type).toBe('root')
  expect(heading).toMatchObject({ type: 'heading', tag: 'h3' })
  expect(paragraph).toMatchObject({ type: 'paragraph', children: [{ type: 'text', text: 'P' }] })
  expect(bullets).toMatchObject({ type: 'list', listType: 'bullet', tag: 'ul' })
  expect(numbers).toMatchObject({ type: 'list', listType: 'number', tag: 'ol' })
  expect(numbers.children[0]).toMatchObject({ type: 'listitem', value: 1 })
  expect(richText([{ heading: 'Default' }]).root.children[0]).toMatchObject({ tag: 'h2' })
})

test('Urdu text survives the round trip unchanged', () => {
  expect(plainText(richText(['یو این ٹی او سی تعمیری مکالمہ']))).toBe('یو این ٹی او سی تعمیری مکالمہ')
})

test('plainText of empty or non-Lexical values is an empty string', () => {
  expect(plainText(null)).toBe('')
  expect(plainText(undefined)).toBe('')
  expect(plainText('a string')).toBe('')
  expect(plainText({ root: { type: 'root', children: [] } })).toBe('')
  expect(plainText(richText([]))).toBe('')
})
