/**
 * Renders nothing. Used for `lastKnownUpdatedAt` (workflow/editorialWorkflow.ts): a field marked `hidden`
 * would be left out of the admin form's state and never sent back, but this one must travel
 * with every save so the server can refuse a save made from an out-of-date version (409).
 */
export function VersionMarkerField() {
  return null
}

