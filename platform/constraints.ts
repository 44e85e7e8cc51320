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
 * A document address whose ID cannot be one (`/api/statements/abc` where IDs are numbers) reached
 * the database as NaN and failed there with a 500; it is answered 404, as for an ID that does not
 * exist, before any hook reads the document (`refuseMalformedId`, first of every collection's).
 */
import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, CollectionConfig, Config as PayloadConfig, Field } from 'payload'
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

const refuseMalformedId: CollectionBeforeOperationHook = ({ args, req }) => {
  const id = (args as { id?: unknown }).id
  if (id === undefined || id === null || typeof id === 'object') return args
  // SQLite's default IDs are whole numbers; text IDs (uuid, MongoDB's) are matched or not found by the database.
  if ((req.payload.db as { defaultIDType?: string }).defaultIDType === 'number' && !/^\d{1,15}$/.test(String(id))) throw new NotFound(req.t)
  return args
}

/** Plugin: on every collection, malformed document IDs are a 404, and row ids are checked (collections with array or blocks fields). */
export const idChecks = (config: PayloadConfig): PayloadConfig => ({
  ...config,
  collections: (config.collections ?? []).map((c: CollectionConfig) => {
    const hooks = { ...c.hooks, beforeOperation: [refuseMalformedId, ...(c.hooks?.beforeOperation ?? [])] }
    return { ...c, hooks: hasRows(c.fields) ? { ...hooks, beforeChange: [refuseReusedRowIds, ...(c.hooks?.beforeChange ?? [])] } : hooks }
  }),
})

type Config = { collections: { slug: string; fields: unknown[] }[] }
type Constraint = { status: 409; path: string; message: string }

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
 * Payload's afterError hook (payload.config.ts): REST and GraphQL answer a constraint the client
 * broke with 409 naming the field, in Payload's validation-error shape, instead of a 500.
 */
export const answerConstraintViolations = async (args: {
  error: unknown
  req: { payload: { config: Config } }
  result?: unknown
  graphqlResult?: { extensions?: Record<string, unknown>; message?: string } & Record<string, unknown>
}): Promise<{ response?: Record<string, unknown>; status?: number; graphqlResult?: any } | void> => {
  const violation = constraintViolation(args.error, args.req.payload.config)
  if (!violation) return
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
