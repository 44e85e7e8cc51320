/**
 * Strings of the Payload plugins we use that ship their own translations (under their own key, the
 * way Lexical does) but none in Urdu. Today: @payloadcms/plugin-redirects, whose collection lists
 * the old addresses that lead to a page (content/changes/subscribers/redirects.ts).
 * tests/unit/admin-translations.test.ts fails when a plugin's English has a key missing here.
 */
export const pluginsUrdu = {
  'plugin-redirects': {
    customUrl: 'اپنا پتہ (URL)',
    documentToRedirect: 'وہ دستاویز جس پر بھیجنا ہے',
    fromUrl: 'پرانا پتہ',
    internalLink: 'سائٹ کا اندرونی لنک',
    redirectType: 'منتقلی کی قسم',
    toUrlType: 'نئے پتے کی قسم',
  },
}
