import { feedRoute } from '@/lib/api/feeds'

// atom feed (lib/api/feeds.ts). Dynamic: read at request time, cached until the next publish.
export const dynamic = 'force-dynamic'
export const GET = feedRoute('statements', 'atom')
