/**
 * Database constraints that client input can break, answered as the client's mistake: never a 500.
 *
 * Array and blocks rows are stored in tables of their own whose row `id` is a primary key. A
 * create or update whose rows carry ids already used (by another document, as when a script copies
 * a document's JSON, or twice in one document) failed deep in the database with a 500; and since
 * Payload writes a document's main row before its rows, without a transaction on SQLite, it left
 * a half-written document behind. `idChecks` checks the ids before anything is written (400 for
 * a repeat inside the document, 409 for an id another document owns, each naming the field).
 * `answerConstraintViolations` (Payload's afterError hook) is the net under it for any other
 * constraint: 409 naming the field, in Payload's validation-error shape, through REST and GraphQL.
 *
 * What else the database would fail on is refused first, on every collection (`inputChecks`,
 * applied to the finished config so Payload's own collections have it too): a document address
 * whose ID cannot be one (`/api/statements/abc` where IDs are numbers) is a 404 as for a missing
 * document, a negative `limit` or `page` a 400 naming it, the version history of a collection
 * that keeps none a 404, a value whose shape its field cannot
 * hold (a list for a date, in a draft save where Payload skips validation) a 400 naming the field.
 * `adapterRefusal` is the net for what Payload's own endpoints hand the adapter unchecked.
 */
import type {
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  Config as PayloadConfig,
  Field,
  GlobalBeforeOperationHook,
  PayloadRequest,
  SanitizedConfig,
} from 'payload'
import { APIError, NotFound, ValidationError } from 'payload'

type Row = { path: string; id: string }

/** Every row id in `data` for array and blocks fields, with the field path it belongs to. */
function collectRows(fields: Field[], data: unknown, prefix: string, out: Row[]) {
  if (!data || typeof data !== 'object') return
  const values = data as Record<string, unknown>
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) collectRows(tab.fields, 'name' in tab && tab.name ? values[tab.name] : data, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix, out)
      continue
    }
    if (!('name' in field) || !field.name) {
      if ('fields' in field) collectRows(field.fields, data, prefix, out)
      continue
    }
    const path = `${prefix}${field.name}`
    const value = values[field.name]
    if (field.type === 'group') collectRows(field.fields, value, `${path}.`, out)
    if (field.type !== 'array' && field.type !== 'blocks') continue
    // locale "all" sends { en: [...], ur: [...] }
    const lists = Array.isArray(value) ? [value] : value && typeof value === 'object' ? Object.values(value).filter(Array.isArray) : []
    for (const list of lists as unknown[][]) {
      for (const row of list) {
        if (!row || typeof row !== 'object') continue
        const r = row as Record<string, unknown>
        if (typeof r.id === 'string' || typeof r.id === 'number') out.push({ path, id: String(r.id) })
        const rowFields = field.type === 'array' ? field.fields : (field.blocks.find((b) => b.slug === r.blockType)?.fields ?? [])
        collectRows(rowFields, row, `${path}.`, out)
      }
    }
  }
}

const refuseReusedRowIds: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  const rows: Row[] = []
  collectRows(collection.fields, data, '', rows)
  if (!rows.length) return data
  const seen = new Map<string, string>()
  for (const row of rows) {
    if (seen.has(row.id)) {
      throw new ValidationError({
        collection: collection.slug,
        errors: [{ path: row.path, message: `Two rows of \`${row.path}\` have the same id (${row.id}). Give each row its own id, or leave the ids out.` }],
      })
    }
    seen.set(row.id, row.path)
  }
  const paths = [...new Set(rows.map((r) => r.path))]
  for (const path of paths) {
    const ids = rows.filter((r) => r.path === path).map((r) => r.id)
    const owners = await req.payload.find({
      collection: collection.slug as 'statements',
      where: { [`${path}.id`]: { in: ids } } as any,
      overrideAccess: true,
      trash: true,
      pagination: false,
      depth: 0,
      select: { id: true } as any,
      req,
    })
    const other = owners.docs.find((d) => operation === 'create' || String(d.id) !== String(originalDoc?.id))
    if (other) {
      const message = `Some rows of \`${path}\` carry ids that another document already uses. Leave out the rows' "id" values (new ones are made), e.g. when copying a document.`
      throw new APIError(message, 409, { collection: collection.slug, errors: [{ path, message }] }, true)
    }
  }
  return data
}

function hasRows(fields: Field[]): boolean {
  return fields.some((f) => f.type === 'array' || f.type === 'blocks' || ('fields' in f && hasRows(f.fields)) || (f.type === 'tabs' && f.tabs.some((t) => hasRows(t.fields))))
}

const PAGED_OPERATIONS = new Set(['read', 'findVersions', 'readDistinct'])

const badArgument = (name: string, message: string) => new APIError(message, 400, { errors: [{ path: name, message }] }, true)

/**
 * Arguments of an operation that the database would fail on, answered before anything reads:
 * a document ID that cannot be one (SQLite's IDs are whole numbers; text IDs, uuid or MongoDB's,
 * are matched or not found by the database) is a 404 like any missing document; a `limit` or `page` that is negative or not whole is a 400 naming it (Payload
 * passes them to the database as they come, for staff too, through REST and GraphQL alike).
 */
const refuseMalformedArguments: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const id = (args as { id?: unknown }).id
  if (id !== undefined && id !== null && typeof id !== 'object') {
    if ((req.payload.db as { defaultIDType?: string }).defaultIDType === 'number' && !/^\d{1,15}$/.test(String(id))) throw new NotFound(req.t)
  }
  if (PAGED_OPERATIONS.has(operation)) {
    const { limit, page } = args as { limit?: unknown; page?: unknown }
    if (limit !== undefined && limit !== null && !(Number.isSafeInteger(limit) && (limit as number) >= 0)) {
      throw badArgument('limit', `\`limit\` must be a whole number, 0 or more (0 means no limit); got ${String(limit)}.`)
    }
    if (page !== undefined && page !== null && !(Number.isSafeInteger(page) && (page as number) >= 0)) {
      throw badArgument('page', `\`page\` must be a whole number (1 for the first page); got ${String(page)}.`)
    }
    // The database is asked to skip (page - 1) × limit rows: beyond a safe integer it fails.
    if (typeof limit === 'number' && typeof page === 'number' && !Number.isSafeInteger(Math.max(0, page - 1) * limit)) {
      throw badArgument('page', `\`page\` is too large for this \`limit\`.`)
    }
  }
  return args
}

const SCALAR_TYPES = new Set(['text', 'textarea', 'email', 'code', 'date', 'number', 'checkbox', 'select', 'radio'])
const isScalar = (v: unknown) => v === null || v === undefined || ['string', 'number', 'boolean'].includes(typeof v) || v instanceof Date
const isPlainObject = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)

const isDate = (v: unknown) =>
  v instanceof Date ? !Number.isNaN(v.getTime()) : (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Date.parse(v))) || (typeof v === 'number' && Number.isFinite(v))

/** The first field in `data` whose value has a shape its column cannot hold (a list for a date…), with what it should be. */
function misshapen(fields: Field[], data: Record<string, unknown>, prefix: string, localeCodes: string[]): { path: string; expected: string } | null {
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        const named = 'name' in tab && tab.name
        const value = named ? data[tab.name!] : data
        if (named && value !== undefined && !isPlainObject(value)) return { path: `${prefix}${tab.name}`, expected: 'an object of its fields' }
        const found = isPlainObject(value) ? misshapen(tab.fields, value, named ? `${prefix}${tab.name}.` : prefix, localeCodes) : null
        if (found) return found
      }
      continue
    }
    if (!('name' in field) || !field.name) {
      if ('fields' in field) {
        const found = misshapen(field.fields, data, prefix, localeCodes)
        if (found) return found
      }
      continue
    }
    if (!(field.name in data)) continue
    const path = `${prefix}${field.name}`
    let values: unknown[] = [data[field.name]]
    // Several locales at once (locale=all): { en: …, ur: … }.
    const byLocale = 'localized' in field && field.localized && isPlainObject(values[0]) && Object.keys(values[0]).length && Object.keys(values[0]).every((k) => localeCodes.includes(k))
    if (byLocale) values = Object.values(values[0] as Record<string, unknown>)
    // Rows sent as null mean none (the admin's autosave sends a new document's empty lists so);
    // Payload's update failed on them ({"proposals": null} was a 500), so they become [].
    if (field.type === 'array' || field.type === 'blocks') {
      if (data[field.name] === null) data[field.name] = []
      if (byLocale) for (const [code, rows] of Object.entries(data[field.name] as Record<string, unknown>)) if (rows === null) (data[field.name] as Record<string, unknown>)[code] = []
      values = values.map((v) => (v === null ? [] : v))
    }
    for (const value of values) {
      if (value === undefined) continue
      // A group (or named tab) is always there, its fields empty or not: Payload's hooks read inside it.
      if (value === null && field.type !== 'group') continue
      const hasMany = 'hasMany' in field && Boolean(field.hasMany)
      if (SCALAR_TYPES.has(field.type)) {
        const ok = hasMany ? isScalar(value) || (Array.isArray(value) && value.every(isScalar)) : isScalar(value)
        if (!ok) return { path, expected: hasMany ? 'a value or a list of values' : `a single ${field.type === 'date' ? 'date' : field.type === 'number' ? 'number' : field.type === 'checkbox' ? 'true or false' : 'value'}, not a list or an object` }
        // One of the choices offered, in drafts too (where Payload does not check): a draft kept
        // {"statementType": -939253167} as "-939253167.0".
        if ((field.type === 'select' || field.type === 'radio') && value !== null && value !== '') {
          const choices = field.options.map((o) => (typeof o === 'string' ? o : o.value))
          const chosen = Array.isArray(value) ? value : [value]
          if (!chosen.every((v) => typeof v === 'string' && choices.includes(v))) return { path, expected: `one of: ${choices.join(', ')}` }
        }
        // A date the database stores as text but nothing can read back ("not a date" in a draft
        // save, where validation is skipped: every later read of the document was a 500).
        if (field.type === 'date' && value !== null && !isDate(value)) return { path, expected: 'a date, such as 2022-07-01 or 2022-07-01T09:00:00.000Z' }
        if (field.type === 'number' && !hasMany && value !== null && !(typeof value === 'number' && Number.isFinite(value)) && !(typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))) {
          return { path, expected: 'a number' }
        }
      } else if (field.type === 'relationship' || field.type === 'upload') {
        const one = (v: unknown) => isScalar(v) || (isPlainObject(v) && ('id' in v || 'value' in v))
        if (!(hasMany ? one(value) || (Array.isArray(value) && value.every(one)) : one(value))) return { path, expected: hasMany ? 'a document ID or a list of them' : 'a document ID' }
      } else if (field.type === 'group') {
        if (!isPlainObject(value)) return { path, expected: 'an object of its fields' }
        const found = misshapen(field.fields, value, `${path}.`, localeCodes)
        if (found) return found
      } else if (field.type === 'array' || field.type === 'blocks') {
        // A number is the admin's own form: its row count, sent with a document's empty lists.
        if (typeof value === 'number') continue
        if (!Array.isArray(value)) return { path, expected: 'a list of rows' }
        for (const row of value) {
          if (!isPlainObject(row)) return { path, expected: 'a list of rows (objects)' }
          const rowFields = field.type === 'array' ? field.fields : field.blocks.find((b) => b.slug === row.blockType)?.fields
          const found = rowFields ? misshapen(rowFields, row, `${path}.`, localeCodes) : null
          if (found) return found
        }
      }
    }
  }
  return null
}

/**
 * A value whose shape its field cannot hold (a list for a date, an object for a title, nothing
 * for a group) is a 400 naming the field, before any hook reads it. Payload's field validation
 * would say so, but it is skipped for drafts, and the database then failed on the value with a
 * 500 (`{"deletedAt": []}` in a draft save); Payload's own field hooks fail on a group sent as
 * null (`{"withdrawal": null}`), before validation.
 */
function checkedArgs<A>(args: A, entity: { slug: string; fields: Field[] }, operation: string, req: PayloadRequest, global: boolean): A {
  const data = (args as { data?: unknown }).data
  // A create or update sent with no body at all: Payload read fields of the missing data and failed
  // with a 500 (found by the doors property test, for collections and then for globals). No fields
  // sent is an empty change; validation then names what a new document still needs.
  if ((operation === 'create' || operation === 'update') && (data === undefined || data === null)) return { ...args, data: {} }
  if ((operation !== 'create' && operation !== 'update') || !isPlainObject(data)) return args
  // Values keyed by locale ({ en: …, ur: … }) only when the request writes every locale at once.
  const localeCodes = req.locale === 'all' && req.payload.config.localization ? req.payload.config.localization.localeCodes : []
  const found = misshapen(entity.fields, data, '', localeCodes)
  if (found) {
    const errors = [{ path: found.path, message: `\`${found.path}\` must be ${found.expected}.` }]
    throw new ValidationError(global ? { global: entity.slug, errors } : { collection: entity.slug, errors })
  }
  return args
}

const refuseMisshapenValues: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => checkedArgs(args, collection, operation, req, false)

/** The same for the globals (site settings, navigation): `POST /api/globals/navigation` with no body was a 500. */
const refuseMisshapenGlobalValues: GlobalBeforeOperationHook = ({ args, global, operation, req }) => checkedArgs(args, global, operation, req, true)

type Reference = { path: string; relationTo: string; id: unknown }

/** Every document a relationship or upload field in `data` points at, with the field's path. */
function collectReferences(config: SanitizedConfig, fields: Field[], data: unknown, prefix: string, localeCodes: string[], out: Reference[]) {
  if (!isPlainObject(data)) return
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        const named = 'name' in tab && tab.name
        collectReferences(config, tab.fields, named ? data[tab.name!] : data, named ? `${prefix}${tab.name}.` : prefix, localeCodes, out)
      }
      continue
    }
    if (!('name' in field) || !field.name) {
      if ('fields' in field) collectReferences(config, field.fields, data, prefix, localeCodes, out)
      continue
    }
    const path = `${prefix}${field.name}`
    let values: unknown[] = [data[field.name]]
    if ('localized' in field && field.localized && isPlainObject(values[0]) && Object.keys(values[0]).length && Object.keys(values[0]).every((k) => localeCodes.includes(k))) {
      values = Object.values(values[0])
    }
    for (const value of values) {
      if (field.type === 'relationship' || field.type === 'upload') {
        for (const item of Array.isArray(value) ? value : [value]) {
          if (item === null || item === undefined || item === '') continue
          if (Array.isArray(field.relationTo)) {
            if (!isPlainObject(item) || typeof item.relationTo !== 'string') continue
            const id = isPlainObject(item.value) ? item.value.id : item.value
            if (id !== null && id !== undefined && id !== '') out.push({ path, relationTo: item.relationTo, id })
          } else {
            const id = isPlainObject(item) ? (item.id ?? item.value) : item
            if (id !== null && id !== undefined && id !== '') out.push({ path, relationTo: field.relationTo, id })
          }
        }
      } else if (field.type === 'group') {
        collectReferences(config, field.fields, value, `${path}.`, localeCodes, out)
      } else if (field.type === 'array' && Array.isArray(value)) {
        for (const row of value) collectReferences(config, field.fields, row, `${path}.`, localeCodes, out)
      } else if (field.type === 'blocks' && Array.isArray(value)) {
        const blocks = [...(field.blocks ?? []), ...((field as { blockReferences?: unknown[] }).blockReferences ?? []).map((b) => (typeof b === 'string' ? config.blocks?.find((x) => x.slug === b) : b))]
        for (const row of value) {
          const block = blocks.find((b) => isPlainObject(b) && isPlainObject(row) && (b as { slug: string }).slug === row.blockType) as { fields: Field[] } | undefined
          if (block) collectReferences(config, block.fields, row, `${path}.`, localeCodes, out)
        }
      }
    }
  }
}

/**
 * A relationship to a document that does not exist is a 400 naming the field, in drafts too (no
 * validation there): on SQLite the foreign key failed with a 500; on MongoDB the dangling ID was
 * stored and read back as nothing. A beforeChange hook, so access is decided first.
 */
const refuseMissingReferences: CollectionBeforeChangeHook = async ({ collection, data, req }) => {
  const config = req.payload.config
  const localeCodes = req.locale === 'all' && config.localization ? config.localization.localeCodes : []
  const references: Reference[] = []
  collectReferences(config, collection.fields, data, '', localeCodes, references)
  const numeric = (req.payload.db as unknown as { defaultIDType?: string }).defaultIDType === 'number'
  const bySlug = new Map<string, Reference[]>()
  for (const r of references) bySlug.set(r.relationTo, [...(bySlug.get(r.relationTo) ?? []), r])
  for (const [slug, list] of bySlug) {
    if (!req.payload.collections[slug]) continue
    const wellFormed = (id: unknown) => (typeof id === 'string' || typeof id === 'number') && (!numeric || /^\d{1,15}$/.test(String(id)))
    const ids = [...new Set(list.filter((r) => wellFormed(r.id)).map((r) => String(r.id)))]
    const found = new Set<string>()
    if (ids.length) {
      const result = await req.payload.find({
        collection: slug as 'media',
        where: { id: { in: numeric ? ids.map(Number) : ids } },
        depth: 0,
        limit: ids.length,
        pagination: false,
        overrideAccess: true,
        trash: true,
        req,
      })
      for (const doc of result.docs) found.add(String(doc.id))
    }
    const missing = list.find((r) => !found.has(String(r.id)))
    if (missing) {
      throw new ValidationError({
        collection: collection.slug,
        errors: [{ path: missing.path, message: `\`${missing.path}\` refers to ${JSON.stringify(missing.id)} in ${slug}, and there is no such document.` }],
      })
    }
  }
  return data
}

/** Plugin: row ids are checked on collections with array or blocks fields. */
export const idChecks = (config: PayloadConfig): PayloadConfig => ({
  ...config,
  collections: (config.collections ?? []).map((c: CollectionConfig) =>
    hasRows(c.fields) ? { ...c, hooks: { ...c.hooks, beforeChange: [refuseReusedRowIds, ...(c.hooks?.beforeChange ?? [])] } } : c,
  ),
})

/**
 * On every collection of the finished config, Payload's own included (payload-locked-documents,
 * payload-preferences, payload-jobs, payload-migrations are added after plugins run, so a plugin
 * never sees them): malformed arguments and misshapen values are the caller's mistake, answered
 * first, before any other hook reads (errors say nothing before access is decided).
 */
export function inputChecks(config: SanitizedConfig): SanitizedConfig {
  for (const c of config.collections) {
    // Payload gives every collection /versions endpoints; on one that keeps no versions they
    // queried tables that do not exist (a 500). Without them, /versions is an ID: not found.
    if (!c.versions && Array.isArray(c.endpoints)) c.endpoints = c.endpoints.filter((e) => e.path !== '/versions' && e.path !== '/versions/:id')
    // Likewise e-mail verification on accounts that do not verify e-mail: it queried a field that does not exist.
    if (c.auth && !c.auth.verify && Array.isArray(c.endpoints)) c.endpoints = c.endpoints.filter((e) => e.path !== '/verify/:id')
    const first = [refuseMalformedArguments, refuseMisshapenValues]
    c.hooks.beforeOperation = [...first, ...(c.hooks.beforeOperation ?? []).filter((h) => !first.includes(h))]
    c.hooks.beforeChange = [refuseMissingReferences, ...(c.hooks.beforeChange ?? []).filter((h) => h !== refuseMissingReferences)]
  }
  // The same for globals (/api/globals/<slug>/versions).
  for (const g of config.globals) {
    if (!g.versions && Array.isArray(g.endpoints)) g.endpoints = g.endpoints.filter((e) => e.path !== '/versions' && e.path !== '/versions/:id')
    g.hooks.beforeOperation = [refuseMisshapenGlobalValues, ...(g.hooks.beforeOperation ?? []).filter((h) => h !== refuseMisshapenGlobalValues)]
  }
  return config
}

type Config = { collections: { slug: string; fields: unknown[] }[] }
type Constraint = { status: 400 | 404 | 409; path: string; message: string }
type AfterErrorRequest = { routeParams?: Record<string, unknown>; method?: string }

const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[-\s]+/g, '_').toLowerCase()

/** Array and blocks fields of a collection, as [field path, database table suffix]. */
function rowTables(fields: unknown[], prefix = ''): [string, string][] {
  const out: [string, string][] = []
  for (const field of fields as { type?: string; name?: string; fields?: unknown[]; tabs?: { name?: string; fields: unknown[] }[]; blocks?: { slug: string; fields: unknown[] }[] }[]) {
    const path = field.name ? `${prefix}${field.name}` : prefix.replace(/\.$/, '')
    if (field.type === 'array' && field.name) {
      out.push([path, snake(path.replace(/\./g, '_'))])
      out.push(...rowTables(field.fields ?? [], `${path}.`))
    } else if (field.type === 'blocks' && field.name) {
      for (const block of field.blocks ?? []) out.push([path, `blocks_${snake(block.slug)}`], ...rowTables(block.fields, `${path}.`))
    } else if (field.type === 'tabs') {
      for (const tab of field.tabs ?? []) out.push(...rowTables(tab.fields, tab.name ? `${prefix}${tab.name}.` : prefix))
    } else if (field.fields) {
      out.push(...rowTables(field.fields, field.type === 'group' && field.name ? `${path}.` : prefix))
    }
  }
  return out
}

/** The field a database table belongs to, e.g. statements_proposals → statements / proposals. */
function fieldOfTable(config: Config, table: string): { collection: string; path: string } | null {
  const name = table.replace(/^_/, '').replace(/_(locales|rels)$/, '')
  const collection = [...config.collections].sort((a, b) => b.slug.length - a.slug.length).find((c) => name === snake(c.slug) || name.startsWith(`${snake(c.slug)}_`))
  if (!collection) return null
  const rest = name.slice(snake(collection.slug).length).replace(/^_/, '').replace(/^v_version_/, '').replace(/^v_/, '')
  if (!rest) return { collection: collection.slug, path: '' }
  const match = rowTables(collection.fields).find(([, suffix]) => suffix === rest)
  return { collection: collection.slug, path: match ? match[0] : rest }
}

/**
 * A database constraint broken by what the client sent (not a fault of ours), as a 409 that
 * names the field; null for anything else. SQLite reports "UNIQUE constraint failed: <table>.id"
 * for array rows whose ids already belong to another document (a copied document's JSON), and
 * "NOT NULL constraint failed: <table>.<column>" when deleting something others still point at.
 */
export function constraintViolation(error: unknown, config: Config): Constraint | null {
  const messages: string[] = []
  for (let e: any = error, depth = 0; e && depth < 6; e = e.cause ?? e.originalError, depth++) if (typeof e.message === 'string') messages.push(e.message)
  const text = messages.join('\n')
  const unique = text.match(/UNIQUE constraint failed: ([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)/)
  if (unique) {
    const where = fieldOfTable(config, unique[1])
    const path = where?.path || unique[2]
    const rows = unique[2] === 'id' && where?.path
    return {
      status: 409,
      path,
      message: rows
        ? `Some rows of \`${path}\` carry ids that are already in use (in this document or another one). Leave out the rows' "id" values (new ones are made), e.g. when copying a document.`
        : `\`${path}\` must be unique: the value sent is already used.`,
    }
  }
  const referenced = text.match(/(?:NOT NULL|FOREIGN KEY) constraint failed(?:: ([A-Za-z0-9_]+)\.([A-Za-z0-9_]+))?/)
  if (referenced && /\bdelete\b/i.test(text)) {
    const where = referenced[1] ? fieldOfTable(config, referenced[1]) : null
    const by = where ? `${where.collection}${where.path ? ` (${where.path})` : ''}` : 'other records'
    return { status: 409, path: where?.path || '', message: `This is still referred to by ${by}: remove those references first.` }
  }
  return null
}

/**
 * What the database adapter refuses that only a caller's input can cause, where no hook of ours
 * can stand in front (Payload's own collections and endpoints):
 * - a value that must be a number reaching SQLite as NaN: an address whose ID is a word (404, as
 *   for any missing document; `/api/payload-locked-documents/count` as a DELETE), else a 400;
 * - Payload's preference delete (`DELETE /api/payload-preferences/<key>`): when the caller has no
 *   such preference, the SQLite adapter's second lookup refers to a join it did not make ("no such
 *   column") and fails; the answer is the 404 Payload means to give.
 */
function adapterRefusal(error: unknown, req?: AfterErrorRequest): Constraint | null {
  const messages: string[] = []
  for (let e: any = error, depth = 0; e && depth < 6; e = e.cause ?? e.originalError, depth++) if (typeof e.message === 'string') messages.push(e.message)
  const text = messages.join('\n')
  if (/Only finite numbers \(not Infinity or NaN\)/.test(text)) {
    const id = req?.routeParams?.id
    if (id !== undefined && !/^\d{1,15}$/.test(String(id))) return { status: 404, path: 'id', message: 'Not Found' }
    return { status: 400, path: '', message: 'A value that must be a number is not one.' }
  }
  if (/no such column/.test(text) && /from "payload_preferences"/.test(text)) {
    return { status: 404, path: 'key', message: 'Not Found' }
  }
  return null
}

/**
 * Payload's afterError hook (payload.config.ts): REST and GraphQL answer a constraint the client
 * broke with 409 naming the field, in Payload's validation-error shape, instead of a 500.
 */
export const answerConstraintViolations = async (args: {
  error: unknown
  req: { payload: { config: Config } }
  result?: unknown
  graphqlResult?: { extensions?: Record<string, unknown>; message?: string } & Record<string, unknown>
}): Promise<{ response?: Record<string, unknown>; status?: number; graphqlResult?: any } | void> => {
  const violation = constraintViolation(args.error, args.req.payload.config) ?? adapterRefusal(args.error, args.req as AfterErrorRequest)
  if (!violation) return
  if (violation.status === 404) {
    if (args.graphqlResult) return { graphqlResult: { ...args.graphqlResult, message: violation.message, extensions: { ...(args.graphqlResult.extensions ?? {}), name: 'NotFound', statusCode: 404 } } }
    return { status: 404, response: { errors: [{ message: violation.message }] } }
  }
  const errors = [{ path: violation.path, message: violation.message }]
  if (args.graphqlResult) {
    return {
      graphqlResult: {
        ...args.graphqlResult,
        message: violation.message,
        extensions: { ...(args.graphqlResult.extensions ?? {}), name: 'ValidationError', statusCode: violation.status, data: { errors } },
      },
    }
  }
  return { status: violation.status, response: { errors: [{ name: 'ValidationError', message: violation.message, data: { errors } }] } }
}

/**
 * Payload's afterError hook (payload.config.ts, before answerConstraintViolations): a refused save
 * keeps its reasons, field by field (`data.errors`), which the admin shows beside each field and
 * partners read.
 *
 * Payload recognises its validation error with `instanceof`. A production build holds two copies of
 * Payload (one compiled for pages, one for API routes), and the copy that starts first serves both.
 * When a page started it (staff opening the admin first after a deploy), the error came from the
 * other copy and the reasons were dropped: the admin said "The following field is invalid: Logo"
 * and never why (payloadcms/payload#17298). Recognised here by its shape instead. Only public errors
 * below 500 (a refusal), so nothing internal is shown.
 */
export const keepRefusalReasons = async (args: {
  error: unknown
  result?: unknown
  graphqlResult?: unknown
}): Promise<{ response: Record<string, unknown> } | void> => {
  if (args.graphqlResult) return
  const error = args.error as { data?: unknown; isPublic?: boolean; message?: unknown; name?: unknown; status?: unknown } | null
  if (!error || typeof error !== 'object' || error.isPublic !== true) return
  if (typeof error.status !== 'number' || error.status >= 500) return
  if (!error.data || typeof error.data !== 'object' || !Array.isArray((error.data as { errors?: unknown }).errors)) return
  const first = (args.result as { errors?: Array<{ data?: unknown }> } | undefined)?.errors?.[0]
  if (first?.data) return
  return { response: { errors: [{ name: error.name, data: error.data, message: error.message }] } }
}
