/**
 * The rich-text editor's own strings (@payloadcms/richtext-lexical) in Urdu. Lexical adds its
 * translations to Payload's under `lexical.<feature>`; it ships none for Urdu, so these are merged
 * in through `i18n.translations.ur`. tests/unit/admin-translations.test.ts fails when Lexical's
 * English has a key that is missing here (Lexical exports no type to check them with).
 */
export const lexicalUrdu = {
  lexical: {
    general: {
      placeholder: "لکھنا شروع کریں، یا احکامات کے لیے '/' دبائیں…",
      slashMenuBasicGroupLabel: 'بنیادی',
      slashMenuListGroupLabel: 'فہرستیں',
      toolbarItemsActive: '{{count}} فعال',
    },
    align: {
      alignCenterLabel: 'درمیان میں',
      alignJustifyLabel: 'دونوں طرف برابر',
      alignLeftLabel: 'بائیں جانب',
      alignRightLabel: 'دائیں جانب',
    },
    blockquote: { label: 'اقتباس' },
    blocks: {
      inlineBlocks: {
        create: '{{label}} بنائیں',
        edit: '{{label}} میں ترمیم کریں',
        label: 'سطری بلاک',
        remove: '{{label}} ہٹائیں',
      },
      label: 'بلاک',
    },
    heading: { label: 'سرخی {{headingLevel}}' },
    horizontalRule: { label: 'افقی لکیر' },
    indent: { decreaseLabel: 'حاشیہ کم کریں', increaseLabel: 'حاشیہ بڑھائیں' },
    link: { label: 'لنک', loadingWithEllipsis: 'لوڈ ہو رہا ہے…' },
    checklist: { label: 'چیک لسٹ' },
    orderedList: { label: 'نمبر وار فہرست' },
    unorderedList: { label: 'نکات کی فہرست' },
    paragraph: { label: 'پیراگراف', label2: 'عام عبارت' },
    relationship: { label: 'تعلق' },
    textState: { defaultStyle: 'عام انداز' },
    upload: { label: 'فائل' },
  },
}

/**
 * Controls of the rich-text editor whose accessible names Lexical writes in English in its markup,
 * outside its translations. The admin (translations/AdminLanguage.tsx) names them in the admin's
 * language; `en` is what Lexical 3.90.1 writes, so an upstream change is easy to spot.
 */
export const lexicalControlNames: Record<string, { en: string; ur: string }> = {
  '.draggable-block-menu': { en: 'Drag to move', ur: 'منتقل کرنے کے لیے کھینچیں' },
  '.add-block-menu': { en: 'Add block', ur: 'بلاک شامل کریں' },
  '.insert-paragraph-at-end': { en: 'Insert Paragraph', ur: 'آخر میں پیراگراف شامل کریں' },
  '.link-edit': { en: 'Edit link', ur: 'لنک میں ترمیم کریں' },
  '.link-trash': { en: 'Remove link', ur: 'لنک ہٹائیں' },
}
