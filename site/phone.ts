/** Phone numbers as staff type them: digits, spaces, hyphens, brackets (also around a leading area code, "(051) 2870852"), an optional leading +. */
const PHONE_PATTERN = /^\+?\(?[0-9][0-9 ()\-.]*[0-9]$/

export function phoneProblem(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return 'Enter a phone number.'
  const digits = value.replace(/\D/g, '')
  if (!PHONE_PATTERN.test(value.trim()) || digits.length < 7 || digits.length > 15) {
    return 'Enter a phone number using digits, spaces and hyphens, e.g. 051-2870852 or +92 51 2870852.'
  }
  return null
}

/**
 * A tel: link in international form. Numbers written the national way (leading 0) get the
 * country calling code of the office's country, so they dial from abroad too.
 */
export function telHref(number: string, countryCallingCode = '92'): string {
  const trimmed = number.trim()
  const digits = trimmed.replace(/\D/g, '')
  if (trimmed.startsWith('+')) return `tel:+${digits}`
  if (digits.startsWith('00')) return `tel:+${digits.slice(2)}`
  if (digits.startsWith('0')) return `tel:+${countryCallingCode}${digits.slice(1)}`
  return `tel:${digits}`
}
