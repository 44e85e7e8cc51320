import type { GlobalBeforeOperationHook } from 'payload'

/**
 * Saving a global in one language must not copy another language's text into it. Payload 3.90
 * reads a global's current values WITH the English fallback before an update and saves them
 * back, so saving the Urdu site settings stored the English tagline as its "Urdu" tagline (and it
 * then never followed English edits). Collections already read without fallback when updating;
 * this does the same for globals. The response is read without fallback by Payload anyway.
 */
export const keepTranslationsApart: GlobalBeforeOperationHook = ({ args, operation }) => {
  if (operation === 'update' && args.req) args.req.fallbackLocale = null as unknown as string
  return args
}
