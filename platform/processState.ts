/**
 * State that must exist once per process. Next builds route handlers and pages into separate
 * bundles (the API and feeds in one, pages in another), each with its own copy of every module,
 * and Payload's hooks run with the copy of whichever bundle started Payload first. A cache held in
 * a module variable would then be two caches: a publish would drop the pages' copy while the API
 * and the fast path in server.mjs kept serving theirs. Keeping the state on globalThis under a
 * registered symbol makes every copy share it (as Payload does with its own instance).
 */
export function processState<T>(name: string, create: () => T): T {
  const key = Symbol.for(`daleel.${name}`)
  const store = globalThis as Record<symbol, unknown>
  if (!(key in store)) store[key] = create()
  return store[key] as T
}
