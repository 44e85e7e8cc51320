/**
 * Numbers and dates as readers see them (site/format.ts): Urdu digits on Urdu pages, days in UTC,
 * years without a thousands separator. The formatters are made once and kept: a kept one must
 * never answer for other options or another language.
 */
import { formatBytes, formatDate, formatNumber, formatYear } from '../../site/format'

test('English and Urdu numbers, years and dates, asked in any order, each with its own options', () => {
  for (let round = 0; round < 2; round++) {
    expect(formatNumber('en', 10986)).toBe('10,986')
    expect(formatYear('en', 2022)).toBe('2022')
    expect(formatNumber('ur', 12)).toBe('۱۲')
    expect(formatYear('ur', 2022)).toBe('۲۰۲۲')
    expect(formatBytes('en', 1536)).toBe('1.5 KB')
    expect(formatBytes('en', 300)).toBe('300 bytes')
    // A calendar day, whatever the server's time zone: 1 July 2022 stays 1 July.
    expect(formatDate('en', '2022-07-01T00:00:00.000Z')).toBe('1 July 2022')
    expect(formatDate('ur', '2022-07-01T00:00:00.000Z')).toBe('۱ جولائی، ۲۰۲۲')
    expect(formatDate('en', 'not a date')).toBe('')
  }
})
