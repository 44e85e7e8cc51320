/**
 * `payload.find` for one sorted page of a list, read in two steps: the page's ids first (sorting
 * reads only the sort column), then those documents in full, in that order.
 *
 * Why: on SQLite, Payload's one query builds every matching document's relations and translations
 * before it sorts and cuts the page, so 10 statements out of 1,000 cost as much as all 1,000, and
 * it grew with the collection. The statements index, every statement page (its related list), the
 * topic pages and the feeds paid it on each render. On MongoDB the extra step is one small query.
 * Access, draft mode and the locale apply to both steps exactly as the caller asked. `sort` is one
 * field (`-deliveredOn`), as every list here sorts.
 */
import type { PaginatedDocs, Payload, Where } from 'payload'

type FindArgs = Parameters<Payload['find']>[0]

export async function findSorted<T>(payload: Payload, args: FindArgs & { sort: string }): Promise<PaginatedDocs<T>> {
  const sortField = args.sort.replace(/^-/, '')
  const order = await payload.find({ ...args, depth: 0, populate: undefined, select: { [sortField]: true } } as FindArgs)
  if (!order.docs.length) return { ...order, docs: [] } as PaginatedDocs<T>
  const ids = order.docs.map((d) => d.id)
  const full = await payload.find({
    ...args,
    where: { id: { in: ids } } satisfies Where,
    sort: undefined,
    page: undefined,
    limit: ids.length,
    pagination: false,
  } as FindArgs)
  const byId = new Map(full.docs.map((d) => [String(d.id), d]))
  // A document unpublished between the two reads is left out.
  const docs = ids.map((id) => byId.get(String(id))).filter((d) => d !== undefined) as unknown as T[]
  return { ...order, docs } as PaginatedDocs<T>
}
