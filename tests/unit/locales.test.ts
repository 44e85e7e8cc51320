import { defaultLocale, isLocale, isRTL, localeCodes, localePrefix, locales, otherLocale } from '../../content/locales'

test('English is the default; Urdu is the second language, right to left', () => {
  expect(defaultLocale).toBe('en')
  expect(localeCodes).toEqual(['en', 'ur'])
  expect(isRTL('ur')).toBe(true)
  expect(isRTL('en')).toBe(false)
  expect(locales.find((l) => l.code === 'ur')?.nativeLabel).toBe('اردو')
})

test('isLocale accepts only the configured codes', () => {
  expect(isLocale('en')).toBe(true)
  expect(isLocale('ur')).toBe(true)
  for (const value of ['fr', 'EN', 'all', '', null, undefined, 1, {}]) expect(isLocale(value)).toBe(false)
})

test('the language switcher goes to the other language', () => {
  expect(otherLocale('en')).toBe('ur')
  expect(otherLocale('ur')).toBe('en')
})

test('English lives at the root and Urdu under /ur', () => {
  expect(localePrefix('en')).toBe('')
  expect(localePrefix('ur')).toBe('/ur')
})
