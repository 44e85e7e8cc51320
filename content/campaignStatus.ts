export type CampaignStatus = 'upcoming' | 'ongoing' | 'past'

/**
 * A campaign's status comes from its dates and today's date, never from a field staff set by
 * hand, so it can never be stale. A campaign without dates has no status: nothing says whether it
 * is still running, and the site says only what is known (that no dates are given).
 */
export function campaignStatus(
  startDate: string | null | undefined,
  endDate: string | null | undefined,
  now: Date = new Date(),
): CampaignStatus | null {
  if (!startDate && !endDate) return null
  if (startDate && new Date(startDate) > now) return 'upcoming'
  if (endDate) {
    // An end date is inclusive: the campaign runs until the end of that day.
    const end = new Date(endDate)
    end.setUTCHours(23, 59, 59, 999)
    if (end < now) return 'past'
  }
  return 'ongoing'
}
