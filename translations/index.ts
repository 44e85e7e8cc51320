/**
 * The admin panel's languages (Payload's `i18n`): English and Urdu. This is the language of the
 * admin's own words (buttons, menus, messages), chosen by each staff member; the language of the
 * *content* being edited is the separate Locale menu (content/locales.ts).
 * Guide for translators: translations/README.md.
 */
import type { I18nOptions, Language } from '@payloadcms/translations'
import { en } from '@payloadcms/translations/languages/en'

import { lexicalUrdu } from './lexical-ur'
import { payloadUrdu } from './payload-ur'
import { pluginsUrdu } from './plugins-ur'

const ur: Language = {
  // date-fns, which Payload formats dates with, has no Urdu and Payload accepts only its own list of
  // keys: the Urdu admin loads en-US and gets Urdu words in the browser (translations/urduDates.ts).
  dateFNSKey: 'en-US',
  translations: payloadUrdu,
}

// Payload's types list only the languages it ships; adding one it does not ship through
// i18n.supportedLanguages is the documented way (docs: configuration/i18n, "Adding Languages").
const supportedLanguages = { en, ur }

export const adminI18n: I18nOptions = {
  fallbackLanguage: 'en',
  supportedLanguages,
  // Lexical and the plugins ship no Urdu: their strings are added the way they add their own
  // (under `lexical`, `plugin-redirects`).
  translations: { ur: { ...lexicalUrdu, ...pluginsUrdu } } as I18nOptions['translations'],
}
