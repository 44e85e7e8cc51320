/**
 * Statement types with the fixed plain-language explanation readers see (GOV.UK's speech types
 * are the model). The explanation is part of the type, not typed by staff, so it is always the same.
 */
export const statementTypes = {
  'delivered-statement': {
    label: { en: 'Delivered statement', ur: 'پیش کردہ بیان' },
    explanation: {
      en: 'The text of a statement as it was delivered, for example at a conference or a United Nations meeting.',
      ur: 'بیان کا متن جیسا کہ وہ پیش کیا گیا، مثلاً کسی کانفرنس یا اقوامِ متحدہ کے اجلاس میں۔',
    },
  },
  'speech-transcript': {
    label: { en: 'Speech transcript', ur: 'تقریر کا متن' },
    explanation: {
      en: 'A word-for-word record of the speech as it was given.',
      ur: 'تقریر کا لفظ بہ لفظ ریکارڈ، جیسا کہ وہ کی گئی۔',
    },
  },
  'speaking-notes': {
    label: { en: 'Speaking notes', ur: 'تقریری نکات' },
    explanation: {
      en: "The speaker's notes. The words actually spoken may have differed.",
      ur: 'مقرر کے نوٹس۔ اصل میں بولے گئے الفاظ مختلف ہو سکتے ہیں۔',
    },
  },
  'written-submission': {
    label: { en: 'Written submission', ur: 'تحریری گزارش' },
    explanation: {
      en: 'A statement submitted in writing, for example to a consultation, review or committee.',
      ur: 'تحریری طور پر جمع کرایا گیا بیان، مثلاً کسی مشاورت، جائزے یا کمیٹی کو۔',
    },
  },
  'press-release': {
    label: { en: 'Press release', ur: 'پریس ریلیز' },
    explanation: {
      en: 'An announcement issued to journalists and the public.',
      ur: 'صحافیوں اور عوام کے لیے جاری کیا گیا اعلان۔',
    },
  },
  'joint-statement': {
    label: { en: 'Joint statement', ur: 'مشترکہ بیان' },
    explanation: {
      en: 'A statement issued together with other organisations, who share responsibility for it.',
      ur: 'دیگر اداروں کے ساتھ مل کر جاری کیا گیا بیان، جس کی ذمہ داری سب پر ہے۔',
    },
  },
} as const

export type StatementType = keyof typeof statementTypes

export const statementTypeOptions = Object.entries(statementTypes).map(([value, t]) => ({
  value,
  label: { ...t.label },
}))
