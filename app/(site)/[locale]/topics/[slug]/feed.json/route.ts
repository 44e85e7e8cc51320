import { feedRoute } from '@/partner-api/feeds'

// json feed (partner-api/feeds.ts). Dynamic: read at request time, cached until the next publish.
export const dynamic = 'force-dynamic'
// Any topic slug: an unknown one answers 404 from the handler.
export const dynamicParams = true
export const GET = feedRoute('all', 'json')
