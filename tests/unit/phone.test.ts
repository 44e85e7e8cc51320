import { phoneProblem, telHref } from '../../site/phone'

test.each(['051-2870852', '051-2870853', '042-35831352', '+92 51 2870852', '(051) 287 0852', '0092-51-2870852', '051.2870852'])(
  '%p is a valid phone number',
  (number) => {
    expect(phoneProblem(number)).toBeNull()
  },
)

test.each([
  ['', 'Enter a phone number.'],
  ['   ', 'Enter a phone number.'],
  [undefined, 'Enter a phone number.'],
  [12345678, 'Enter a phone number.'],
])('%p is missing', (value, message) => {
  expect(phoneProblem(value)).toBe(message)
})

test.each(['call us', '123456', '051-2870852 ext 4', '++92 51 2870852', '1234567890123456', '051-28708a2', '-0512870852'])(
  '%p is refused with an example of the right form',
  (number) => {
    expect(phoneProblem(number)).toMatch(/e\.g\. 051-2870852 or \+92 51 2870852/)
  },
)

test('national numbers get the country calling code so they dial from abroad', () => {
  expect(telHref('051-2870852')).toBe('tel:+92512870852')
  expect(telHref('042-35831352')).toBe('tel:+924235831352')
  expect(telHref('(051) 287 0853', '92')).toBe('tel:+92512870853')
  expect(telHref('020 7946 0000', '44')).toBe('tel:+442079460000')
})

test('international numbers are kept as they are', () => {
  expect(telHref('+92 51 2870852')).toBe('tel:+92512870852')
  expect(telHref('0092 51 2870852')).toBe('tel:+92512870852')
})

test('a local number without a trunk 0 is left without a country code', () => {
  expect(telHref('2870852')).toBe('tel:2870852')
})
