import { feedRoute } from '@/partner-api/feeds'

// rss feed (partner-api/feeds.ts). Dynamic: read at request time, cached until the next publish.
export const dynamic = 'force-dynamic'
export const GET = feedRoute('programs', 'rss')
