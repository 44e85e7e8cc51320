import { feedRoute } from '@/lib/api/feeds'

// json feed (lib/api/feeds.ts). Dynamic: read at request time, cached until the next publish.
export const dynamic = 'force-dynamic'
export const GET = feedRoute('all', 'json')
