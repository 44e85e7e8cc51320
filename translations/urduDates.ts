/**
 * Dates in the Urdu admin: month and day names, "3 منٹ پہلے", "22 نومبر 2026".
 *
 * Payload formats every admin date with date-fns and picks the date-fns locale by a fixed list of
 * keys (`dateFNSKey`, loaded in the browser by @payloadcms/translations); date-fns has no Urdu and
 * the list cannot be extended from the config. So the Urdu admin uses the key 'en-US' and, in the
 * browser only, `setAdminDateLanguage` swaps that locale object's words for Urdu ones while the
 * admin is in Urdu, and back when it is not. Parsing (`match`) stays as it is: dates are typed in
 * digits. Never on the server: there the locale object is shared by every request.
 */
import type { Locale } from 'date-fns'
import { enUS } from 'date-fns/locale/en-US'

const months = ['جنوری', 'فروری', 'مارچ', 'اپریل', 'مئی', 'جون', 'جولائی', 'اگست', 'ستمبر', 'اکتوبر', 'نومبر', 'دسمبر']
const days = ['اتوار', 'پیر', 'منگل', 'بدھ', 'جمعرات', 'جمعہ', 'ہفتہ']

type Pair = { one: string; other: string }
const distance: Record<string, Pair> = {
  lessThanXSeconds: { one: 'ایک سیکنڈ سے کم', other: '{{count}} سیکنڈ سے کم' },
  xSeconds: { one: 'ایک سیکنڈ', other: '{{count}} سیکنڈ' },
  halfAMinute: { one: 'آدھا منٹ', other: 'آدھا منٹ' },
  lessThanXMinutes: { one: 'ایک منٹ سے کم', other: '{{count}} منٹ سے کم' },
  xMinutes: { one: 'ایک منٹ', other: '{{count}} منٹ' },
  aboutXHours: { one: 'تقریباً ایک گھنٹہ', other: 'تقریباً {{count}} گھنٹے' },
  xHours: { one: 'ایک گھنٹہ', other: '{{count}} گھنٹے' },
  xDays: { one: 'ایک دن', other: '{{count}} دن' },
  aboutXWeeks: { one: 'تقریباً ایک ہفتہ', other: 'تقریباً {{count}} ہفتے' },
  xWeeks: { one: 'ایک ہفتہ', other: '{{count}} ہفتے' },
  aboutXMonths: { one: 'تقریباً ایک مہینہ', other: 'تقریباً {{count}} مہینے' },
  xMonths: { one: 'ایک مہینہ', other: '{{count}} مہینے' },
  aboutXYears: { one: 'تقریباً ایک سال', other: 'تقریباً {{count}} سال' },
  xYears: { one: 'ایک سال', other: '{{count}} سال' },
  overXYears: { one: 'ایک سال سے زیادہ', other: '{{count}} سال سے زیادہ' },
  almostXYears: { one: 'تقریباً ایک سال', other: 'تقریباً {{count}} سال' },
}

const dayPeriods: Record<string, string> = {
  am: 'قبل دوپہر',
  pm: 'بعد دوپہر',
  midnight: 'آدھی رات',
  noon: 'دوپہر',
  morning: 'صبح',
  afternoon: 'سہ پہر',
  evening: 'شام',
  night: 'رات',
}

const formats: Record<'date' | 'time', Record<string, string>> = {
  date: { full: 'EEEE، d MMMM y', long: 'd MMMM y', medium: 'd MMMM y', short: 'd/M/y' },
  time: { full: 'h:mm:ss a zzzz', long: 'h:mm:ss a z', medium: 'h:mm:ss a', short: 'h:mm a' },
}
const relative: Record<string, string> = {
  lastWeek: "'پچھلے' eeee 'کو' p",
  yesterday: "'کل' p",
  today: "'آج' p",
  tomorrow: "'کل' p",
  nextWeek: "eeee 'کو' p",
  other: 'P',
}

/** The words of date-fns's Locale in Urdu (its parsing rules stay those of en-US). */
const urduDateWords: Pick<Locale, 'formatDistance' | 'formatLong' | 'formatRelative' | 'localize'> = {
  formatDistance: (token, count, options) => {
    const pair = distance[token]
    const text = (count === 1 ? pair.one : pair.other).replace('{{count}}', String(count))
    if (!options?.addSuffix) return text
    return options.comparison && options.comparison > 0 ? `${text} میں` : `${text} پہلے`
  },
  formatLong: {
    date: ({ width = 'full' } = {}) => formats.date[width] ?? formats.date.full,
    time: ({ width = 'full' } = {}) => formats.time[width] ?? formats.time.full,
    dateTime: () => '{{date}}، {{time}}',
  },
  formatRelative: (token) => relative[token] ?? relative.other,
  localize: {
    ordinalNumber: (n) => String(n),
    era: (n) => (Number(n) === 0 ? 'قبل مسیح' : 'عیسوی'),
    quarter: (n) => ['پہلی سہ ماہی', 'دوسری سہ ماہی', 'تیسری سہ ماہی', 'چوتھی سہ ماہی'][Number(n) - 1] ?? String(n),
    month: (n) => months[Number(n)],
    day: (n) => days[Number(n)],
    dayPeriod: (p) => dayPeriods[String(p)] ?? String(p),
  },
}

const englishDateWords = {
  formatDistance: enUS.formatDistance,
  formatLong: enUS.formatLong,
  formatRelative: enUS.formatRelative,
  localize: enUS.localize,
}

/** Call while rendering the admin: Urdu date words for the Urdu admin, English ones otherwise. */
export function setAdminDateLanguage(language: string): void {
  if (typeof window === 'undefined') return
  Object.assign(enUS, language === 'ur' ? urduDateWords : englishDateWords)
}
