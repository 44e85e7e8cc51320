/**
 * Caps and input checks for REST reads by anyone who is not staff. Payload accepts any `limit`
 * (0 = everything), any depth up to maxDepth and filters on any field; this refuses, with a 400
 * naming the parameter, everything a public caller should not or cannot sensibly ask for.
 */
import type { SanitizedConfig } from 'payload'
import * as qs from 'qs-esm'

import { defaultLocale, localeCodes } from '../content/locales'
import { ApiError } from './errors'
import { collectionFields, isPublicCollection, type FieldInfo } from './publicSchema'

export const MAX_LIMIT = 100
export const DEFAULT_LIMIT = 10
export const MAX_DEPTH = 2
export const MAX_PAGE = 100_000
const MAX_QUERY_LENGTH = 4096
const MAX_CONDITIONS = 50
const MAX_NESTING = 6

export const WHERE_OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
  'near',
  'within',
  'intersects',
] as const

const FORBIDDEN_KEYS = /(^|[[\].])(__proto__|constructor|prototype)($|[[\].])/

function integerParam(name: string, raw: unknown, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined
  if (typeof raw !== 'string' || !/^-?\d{1,15}$/.test(raw)) {
    throw new ApiError(400, `\`${name}\` must be a whole number between ${min} and ${max}.`, name)
  }
  const n = Number(raw)
  if (n < min || n > max) throw new ApiError(400, `\`${name}\` must be between ${min} and ${max}; got ${raw}.`, name)
  return n
}

type Lookup = (slug: string) => { fields: FieldInfo[]; public: boolean } | undefined

function fieldLookup(config: SanitizedConfig): Lookup {
  const cache = new Map<string, { fields: FieldInfo[]; public: boolean }>()
  return (slug) => {
    if (!cache.has(slug)) {
      const c = config.collections.find((x) => x.slug === slug)
      if (!c) return undefined
      cache.set(slug, { fields: collectionFields(c), public: isPublicCollection(c) })
    }
    return cache.get(slug)
  }
}

/** Checks a dotted field path against what an anonymous reader may see; throws naming `parameter`. */
function checkPath(path: string, fields: FieldInfo[], lookup: Lookup, parameter: string, collection: string): FieldInfo | undefined {
  const parts = path.split('.')
  let current: FieldInfo[] | undefined = fields
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    if (!current) return undefined // inside json / rich text / polymorphic values: Payload checks the rest
    if (/^\d+$/.test(part)) continue // array index
    const field: FieldInfo | undefined = current.find((f) => f.name === part)
    if (!field) {
      throw new ApiError(400, `\`${path}\` is not a field you can query on ${collection}.`, parameter, 'unknown_field')
    }
    if (i === parts.length - 1) return field
    if (UNQUERYABLE.has(field.type)) {
      throw new ApiError(400, `\`${path}\`: the inside of ${field.type} fields cannot be queried.`, parameter, 'unknown_field')
    }
    if (field.type === 'relationship' || field.type === 'upload') {
      const target = Array.isArray(field.relationTo) ? undefined : field.relationTo
      if (!target) return undefined
      const info = lookup(target)
      if (!info?.public) {
        throw new ApiError(400, `\`${path}\` is not a field you can query on ${collection}.`, parameter, 'unknown_field')
      }
      current = info.fields
      collection = target
    } else if (field.type === 'blocks') {
      current = field.blocks?.flatMap((b) => b.fields).concat([{ name: 'blockType', type: 'text' } as FieldInfo])
    } else if (field.fields) {
      current = field.fields.concat([{ name: 'id', type: 'text' } as FieldInfo])
    } else {
      current = undefined
    }
  }
  return undefined
}

const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
/** Rich text and free JSON are documents, not values: only `exists` applies to them. */
const UNQUERYABLE = new Set(['richText', 'json'])
const TEXT_OPERATORS = new Set(['like', 'not_like', 'contains'])
const TEXT_TYPES = new Set(['text', 'textarea', 'email', 'code', 'select', 'radio', 'json'])

/** Values the database would choke on (a date that is not a date, a word for a number ID) are the caller's mistake: 400. */
function checkValue(key: string, op: string, value: unknown, field: FieldInfo | undefined, idType: 'number' | 'text') {
  if (op === 'exists' || GEO_OPERATORS.has(op) || !field) return
  const values = (Array.isArray(value) ? value : typeof value === 'string' && (op === 'in' || op === 'not_in' || op === 'all') ? value.split(',') : [value]).filter(
    (v) => v !== null && v !== 'null',
  )
  const bad = (what: string) => new ApiError(400, `\`where[${key}][${op}]\` must be ${what}.`, 'where', 'invalid_value')
  for (const v of values) {
    if (typeof v === 'object') throw bad('a plain value')
    const text = String(v).trim()
    if (field.type === 'date' && !TEXT_OPERATORS.has(op) && (!text || Number.isNaN(Date.parse(text)))) throw bad('a date, e.g. 2022-07-01')
    if (field.type === 'number' && !TEXT_OPERATORS.has(op) && (!text || !Number.isFinite(Number(text)))) throw bad('a number')
    if (field.type === 'checkbox' && !['true', 'false'].includes(text)) throw bad('true or false')
    const isId = field.type === 'id' || ((field.type === 'relationship' || field.type === 'upload') && !Array.isArray(field.relationTo))
    if (isId && idType === 'number' && !TEXT_OPERATORS.has(op) && !/^\d{1,15}$/.test(text)) throw bad('a document ID (a whole number)')
  }
}

type WhereState = { count: number; idType: 'number' | 'text'; operators?: readonly string[] }

function checkWhere(where: unknown, fields: FieldInfo[], lookup: Lookup, collection: string, state: WhereState, nesting = 0) {
  if (!where || typeof where !== 'object' || Array.isArray(where)) {
    throw new ApiError(400, '`where` must be an object like where[field][operator]=value.', 'where', 'malformed_where')
  }
  if (nesting > MAX_NESTING) throw new ApiError(400, '`where` is nested too deeply.', 'where', 'malformed_where')
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      const list = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : null
      if (!list) throw new ApiError(400, `\`where[${key}]\` must be a list of conditions.`, 'where', 'malformed_where')
      for (const item of list) checkWhere(item, fields, lookup, collection, state, nesting + 1)
      continue
    }
    const field = checkPath(key, fields, lookup, 'where', collection)
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw new ApiError(400, `\`where[${key}]\` needs an operator, e.g. where[${key}][equals]=value.`, 'where', 'malformed_where')
    }
    for (const op of Object.keys(value)) {
      if (!(WHERE_OPERATORS as readonly string[]).includes(op)) {
        throw new ApiError(400, `Unknown operator \`${op}\` in where[${key}]. Use one of: ${WHERE_OPERATORS.join(', ')}.`, 'where', 'unknown_operator')
      }
      // An operator the database adapter does not implement (SQLite's has no `all`, nor geometry)
      // would fail inside it with a 500: say so instead.
      if (state.operators && !state.operators.includes(op)) {
        throw new ApiError(400, `\`${op}\` is not available on this site's database (in where[${key}]). Use equals, in or several conditions in where[and].`, 'where', 'unknown_operator')
      }
      // Geometry operators only make sense on point fields (elsewhere the database adapter fails).
      if (GEO_OPERATORS.has(op) && field?.type !== 'point') {
        throw new ApiError(400, `\`${op}\` works only on point (location) fields; \`${key}\` is not one.`, 'where', 'unknown_operator')
      }
      if (field && UNQUERYABLE.has(field.type) && op !== 'exists') {
        throw new ApiError(400, `\`${key}\` is ${field.type}: only \`exists\` can be used on it.`, 'where', 'unknown_operator')
      }
      if (field && op === 'all' && !field.hasMany) {
        throw new ApiError(400, `\`all\` works only on fields holding several values; \`${key}\` holds one. Use equals or in.`, 'where', 'unknown_operator')
      }
      if (field && TEXT_OPERATORS.has(op) && !TEXT_TYPES.has(field.type)) {
        throw new ApiError(400, `\`${op}\` works only on text fields; \`${key}\` is not one.`, 'where', 'unknown_operator')
      }
      const v = (value as Record<string, unknown>)[op]
      if (op === 'exists' && v !== 'true' && v !== 'false' && v !== true && v !== false) {
        throw new ApiError(400, `\`where[${key}][exists]\` must be true or false.`, 'where', 'malformed_where')
      }
      checkValue(key, op, v, field, state.idType)
      if (++state.count > MAX_CONDITIONS) throw new ApiError(400, `\`where\` has more than ${MAX_CONDITIONS} conditions.`, 'where', 'malformed_where')
    }
  }
}

function checkSelect(name: 'select' | 'populate', value: unknown, fields: FieldInfo[], lookup: Lookup, collection: string) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ApiError(400, `\`${name}\` must be an object like ${name}[field]=true.`, name)
  }
  if (name === 'populate') {
    for (const [slug, sel] of Object.entries(value)) {
      const info = lookup(slug)
      if (!info?.public) throw new ApiError(400, `\`populate[${slug}]\` is not a public collection.`, name)
      checkSelect('select', sel, info.fields, lookup, slug)
    }
    return
  }
  const walk = (obj: Record<string, unknown>, prefix: string) => {
    for (const [key, v] of Object.entries(obj)) {
      const path = prefix ? `${prefix}.${key}` : key
      if (v && typeof v === 'object') walk(v as Record<string, unknown>, path)
      else checkPath(path, fields, lookup, 'select', collection)
    }
  }
  walk(value as Record<string, unknown>, '')
}

type GuardResult = { collection?: string }

/**
 * Validates a non-staff REST GET. `segments` are the path parts after /api/. Throws ApiError.
 * Only collection reads (list and by id) and globals are checked: other GET endpoints take no such params.
 */
export function guardQuery(
  config: SanitizedConfig,
  segments: string[],
  search: string,
  idType: 'number' | 'text' = 'text',
  /** The where operators the database adapter implements, when it says (SQLite's does; MongoDB's has them all). */
  operators?: readonly string[],
): GuardResult {
  const raw = search.startsWith('?') ? search.slice(1) : search
  if (raw.length > MAX_QUERY_LENGTH) throw new ApiError(400, `The query string is longer than ${MAX_QUERY_LENGTH} characters.`, 'query')
  let decodedKeys: string[] = []
  try {
    decodedKeys = raw.split('&').map((p) => decodeURIComponent(p.split('=')[0].replace(/\+/g, ' ')))
  } catch {
    throw new ApiError(400, 'The query string is not valid URL encoding.', 'query')
  }
  for (const key of decodedKeys) {
    if (FORBIDDEN_KEYS.test(key)) {
      throw new ApiError(400, `\`${key.split(/[[]/)[0]}\` contains a forbidden key (__proto__, constructor or prototype).`, key.split(/[[]/)[0] || 'query')
    }
  }
  const query = qs.parse(raw, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true }) as Record<string, unknown>

  const [first, second] = segments
  const isGlobal = first === 'globals'
  const collectionConfig = isGlobal ? undefined : config.collections.find((c) => c.slug === first)

  integerParam('depth', query.depth, 0, MAX_DEPTH)
  if (query.locale !== undefined && !(typeof query.locale === 'string' && ([...localeCodes, 'all'] as string[]).includes(query.locale))) {
    throw new ApiError(400, `\`locale\` must be one of: ${[...localeCodes, 'all'].join(', ')}.`, 'locale')
  }
  const fallback = query['fallback-locale'] ?? query.fallbackLocale
  if (fallback !== undefined && !(typeof fallback === 'string' && ([...localeCodes, 'none', 'null', 'false'] as string[]).includes(fallback))) {
    throw new ApiError(400, `\`fallback-locale\` must be one of: ${[...localeCodes, 'none'].join(', ')} (default ${defaultLocale}).`, 'fallback-locale')
  }
  if (query.draft !== undefined && query.draft !== 'false') {
    throw new ApiError(400, '`draft` is only available to staff: the public API serves published content.', 'draft')
  }
  if (query.trash !== undefined && query.trash !== 'false') {
    throw new ApiError(400, '`trash` is only available to staff.', 'trash')
  }
  if (!collectionConfig) return {}

  const lookup = fieldLookup(config)
  const fields = lookup(collectionConfig.slug)!.fields
  const slug = collectionConfig.slug
  const isList = second === undefined

  if (isList) {
    if (query.limit === '0') {
      throw new ApiError(400, `\`limit=0\` (everything at once) is not available: use limit=1…${MAX_LIMIT} with page.`, 'limit')
    }
    integerParam('limit', query.limit, 1, MAX_LIMIT)
    integerParam('page', query.page, 1, MAX_PAGE)
    if (query.pagination !== undefined && query.pagination !== 'true') {
      throw new ApiError(400, '`pagination=false` is not available: page through results instead.', 'pagination')
    }
    if (query.where !== undefined) checkWhere(query.where, fields, lookup, slug, { count: 0, idType, operators })
    if (query.sort !== undefined) {
      const sorts = Array.isArray(query.sort) ? query.sort : typeof query.sort === 'string' ? query.sort.split(',') : null
      if (!sorts) throw new ApiError(400, '`sort` must be a field name, optionally with a leading minus.', 'sort')
      for (const s of sorts) {
        if (typeof s !== 'string' || !s.trim()) throw new ApiError(400, '`sort` must be a field name, optionally with a leading minus.', 'sort')
        const sortField = checkPath(s.trim().replace(/^-/, ''), fields, lookup, 'sort', slug)
        if (sortField && ['richText', 'json', 'array', 'group', 'blocks'].includes(sortField.type)) {
          throw new ApiError(400, `\`${s.trim()}\` cannot be sorted on: choose a plain field such as a date or title.`, 'sort')
        }
      }
    }
  } else if (query.where !== undefined) {
    checkWhere(query.where, fields, lookup, slug, { count: 0, idType, operators })
  }
  if (query.select !== undefined) checkSelect('select', query.select, fields, lookup, slug)
  if (query.populate !== undefined) checkSelect('populate', query.populate, fields, lookup, slug)
  if (query.joins !== undefined && query.joins !== 'false') {
    throw new ApiError(400, '`joins` is not available on the public API.', 'joins')
  }
  return { collection: slug }
}
