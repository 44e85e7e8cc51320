/**
 * The error page's words, kept apart from the rest of the dictionary (site/i18n.ts spreads
 * them in) because the error boundary is a client component: whatever it imports is sent to every
 * reader's browser, and it needs only these four strings.
 */
export const errorText: Record<'en' | 'ur', { goHome: string; errorTitle: string; errorBody: string; tryAgain: string }> = {
  en: {
    goHome: 'Go to the home page',
    errorTitle: 'Sorry, something went wrong',
    errorBody: 'The page could not be shown. Please try again in a moment.',
    tryAgain: 'Try again',
  },
  ur: {
    goHome: 'سرورق پر جائیں',
    errorTitle: 'معذرت، کچھ غلط ہو گیا',
    errorBody: 'صفحہ نہیں دکھایا جا سکا۔ براہِ کرم کچھ دیر بعد دوبارہ کوشش کریں۔',
    tryAgain: 'دوبارہ کوشش کریں',
  },
}
