/**
 * Block types that mark where a structured list stands in a body text (content/editor.ts): kept
 * apart from the editor so pages and feeds can name them without loading the editor.
 */
export const PROPOSALS_BLOCK = 'proposals'
export const CONTRIBUTIONS_BLOCK = 'keyActivities'
