import { SHAREABLE_PAGE } from '@/site/page-cache.mjs'

/**
 * For a page Next renders per request (it reads its query string) whose answer is nevertheless the
 * same for every reader: the page cache in front of Next (site/page-cache.mjs) may then keep it,
 * every query string of it, until a change purges its path. Render it only when that is true.
 */
export function SameForEveryReader() {
  return <meta name={SHAREABLE_PAGE.name} content={SHAREABLE_PAGE.content} />
}
