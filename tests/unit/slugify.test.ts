import { slugify } from '../../content/slug'

test.each([
  ["Combating Organized Crime and Human Trafficking: CPDI's Advocacy", 'combating-organized-crime-and-human-trafficking-cpdis-advocacy'],
  ['16 Days of Activism against Gender-Based Violence', '16-days-of-activism-against-gender-based-violence'],
  ['  Leading and trailing  ', 'leading-and-trailing'],
  ['Café déjà vu', 'cafe-deja-vu'],
  ['under_score & ampersand', 'under-score-ampersand'],
  ['a -- b', 'a-b'],
  ['Tariq’s statement', 'tariqs-statement'],
])('slugify(%p) is %p', (input, expected) => {
  expect(slugify(input)).toBe(expected)
})

test('text with no Latin letters or digits gives an empty slug (staff are asked to type one)', () => {
  expect(slugify('منظم جرائم')).toBe('')
  expect(slugify('!!!')).toBe('')
})

test('slugs are at most 96 characters and never end with a hyphen', () => {
  const slug = slugify('word '.repeat(40))
  expect(slug.length).toBeLessThanOrEqual(96)
  expect(slug).not.toMatch(/-$/)
  expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
})
