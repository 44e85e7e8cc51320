/**
 * The OpenAPI 3.1 document of the public API, generated from the Payload config on request (so it
 * cannot drift from the collections): every public collection's list and detail endpoints, their
 * fields as JSON Schemas, the query parameters and caps, errors, rate-limit headers and the
 * partner-key scheme. Served at /api/openapi.json; rendered on /developers.
 */
import type { SanitizedConfig } from 'payload'

import { localeCodes } from '../content/locales'
import { hasDrafts } from '../content/schema'
import { serverURL } from '../platform/serverUrl'
import { englishText } from '../translations/labels'
import { searchOpenAPI } from '../search/openapi'
import { searchableTypes } from '../search/specs'
import { DEFAULT_LIMIT, MAX_DEPTH, MAX_LIMIT, MAX_PAGE, WHERE_OPERATORS } from './queryGuard'
import { collectionFields, isPublicCollection, readableFields, type FieldInfo } from './publicSchema'
import { apiSettings } from './settings'

type Schema = Record<string, unknown>
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const ID: Schema = { anyOf: [{ type: 'integer' }, { type: 'string' }], description: 'Document ID.' }

function schemaName(slug: string): string {
  return slug
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('')
}

// Labels are written in both admin languages ({ en, ur }); the OpenAPI document is in English.
function label(collection: { labels?: { plural?: unknown; singular?: unknown }; slug: string }, which: 'plural' | 'singular') {
  return englishText(collection.labels?.[which]) ?? collection.slug
}

function fieldSchema(field: FieldInfo, publicSlugs: Set<string>): Schema {
  let s: Schema
  switch (field.type) {
    case 'id':
      return ID
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      s = { type: 'string' }
      break
    case 'number':
      s = { type: 'number' }
      break
    case 'checkbox':
      s = { type: 'boolean' }
      break
    case 'date':
      s = { type: 'string', format: 'date-time' }
      break
    case 'select':
    case 'radio':
      s = field.options?.length ? { type: 'string', enum: field.options } : { type: 'string' }
      break
    case 'relationship':
    case 'upload': {
      const targets = Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo!]
      const one = (t: string): Schema => (publicSlugs.has(t) ? { anyOf: [ID, ref(schemaName(t))] } : { ...ID })
      s = Array.isArray(field.relationTo)
        ? { type: 'object', properties: { relationTo: { type: 'string', enum: targets }, value: { anyOf: targets.map(one) } } }
        : one(targets[0])
      s.description = `${Array.isArray(field.relationTo) ? 'Polymorphic relation' : `Relation to ${targets[0]}`}: an ID, or the document itself when \`depth\` > 0.`
      break
    }
    case 'richText':
      s = { type: 'object', description: 'Rich text as Lexical JSON (root → children). Feeds carry the same text as HTML.' }
      break
    case 'group':
      s = objectSchema(field.fields ?? [], publicSlugs)
      break
    case 'array':
      s = { type: 'array', items: objectSchema([{ name: 'id', type: 'text', localized: false, required: false, hasMany: false }, ...(field.fields ?? [])], publicSlugs) }
      break
    case 'blocks':
      s = {
        type: 'array',
        items: {
          anyOf: (field.blocks ?? []).map((b) => {
            const o = objectSchema(b.fields, publicSlugs)
            ;(o.properties as Schema).blockType = { const: b.slug }
            return o
          }),
        },
      }
      break
    case 'point':
      s = { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: '[longitude, latitude]' }
      break
    case 'json':
    default:
      s = {}
  }
  if (field.hasMany && !['relationship', 'upload'].includes(field.type) && !['array', 'blocks'].includes(field.type)) {
    s = { type: 'array', items: s }
  } else if (field.hasMany) {
    s = { type: 'array', items: s }
  }
  if (field.description) s = { ...s, description: field.description }
  if (field.localized) {
    s = {
      anyOf: [s, { type: 'object', propertyNames: { enum: localeCodes }, additionalProperties: { anyOf: [s, { type: 'null' }] } }],
      'x-localized': true,
      description: `${field.description ? `${field.description} ` : ''}Localized: the requested \`locale\` (default en, falling back to English); with locale=all, an object keyed by locale.`,
    }
  }
  return field.required ? s : { anyOf: [s, { type: 'null' }] }
}

function objectSchema(fields: FieldInfo[], publicSlugs: Set<string>): Schema {
  const properties: Schema = {}
  for (const f of fields) properties[f.name] = fieldSchema(f, publicSlugs)
  return { type: 'object', properties }
}

const headers = {
  'RateLimit-Limit': { description: 'Requests allowed in the current window.', schema: { type: 'integer' } },
  'RateLimit-Remaining': { description: 'Requests left in the current window.', schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'Seconds until the window resets.', schema: { type: 'integer' } },
}
const headerRefs = Object.fromEntries(Object.keys(headers).map((h) => [h, { $ref: `#/components/headers/${h}` }]))

function errorResponse(description: string) {
  return { description, headers: headerRefs, content: { 'application/json': { schema: ref('Error') } } }
}

const commonErrors = {
  '400': errorResponse('Bad query: the error names the parameter (`parameter`).'),
  '401': errorResponse('The partner key is not valid, revoked or expired.'),
  '403': errorResponse('Not allowed, e.g. a key limited to other collections.'),
  '429': {
    ...errorResponse('Too many requests. Wait `Retry-After` seconds.'),
    headers: { ...headerRefs, 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } },
  },
}

const param = (name: string, description: string, schema: Schema, extra: Schema = {}) => ({ name, in: 'query', description, schema, ...extra })
const localeParams = [
  param('locale', 'Language of localized fields. `all` returns every language keyed by code.', { type: 'string', enum: [...localeCodes, 'all'], default: 'en' }),
  param('fallback-locale', 'Language used when a translation is missing; `none` for no fallback.', { type: 'string', enum: [...localeCodes, 'none'], default: 'en' }),
]
const depthParam = param('depth', `How many levels of related documents to include (0–${MAX_DEPTH}).`, { type: 'integer', minimum: 0, maximum: MAX_DEPTH, default: 1 })
const selectParam = param('select', 'Only these fields, e.g. `select[title]=true&select[slug]=true`.', { type: 'object', additionalProperties: true }, { style: 'deepObject', explode: true })

export function buildOpenAPI(config: SanitizedConfig): Schema {
  const collections = config.collections.filter(isPublicCollection)
  const publicSlugs = new Set(collections.map((c) => c.slug))
  const s = apiSettings()
  const schemas: Schema = {
    Error: {
      type: 'object',
      required: ['errors'],
      properties: {
        errors: {
          type: 'array',
          items: {
            type: 'object',
            required: ['message'],
            properties: {
              message: { type: 'string' },
              parameter: { type: 'string', description: 'The query parameter or header at fault.' },
              code: { type: 'string' },
            },
          },
        },
      },
    },
  }
  const paths: Schema = {}

  for (const c of collections) {
    const name = schemaName(c.slug)
    const fields = collectionFields(c)
    const doc = objectSchema(fields, publicSlugs)
    doc.required = ['id']
    doc.description = englishText(c.admin?.description)
    schemas[name] = doc
    schemas[`${name}List`] = {
      type: 'object',
      required: ['docs', 'totalDocs', 'limit', 'page', 'totalPages', 'hasNextPage', 'hasPrevPage'],
      properties: {
        docs: { type: 'array', items: ref(name) },
        totalDocs: { type: 'integer' },
        limit: { type: 'integer' },
        totalPages: { type: 'integer' },
        page: { type: 'integer' },
        pagingCounter: { type: 'integer' },
        hasPrevPage: { type: 'boolean' },
        hasNextPage: { type: 'boolean' },
        prevPage: { type: ['integer', 'null'] },
        nextPage: { type: ['integer', 'null'] },
      },
    }
    const filterable = fields.filter((f) => !['richText', 'json', 'blocks'].includes(f.type)).map((f) => f.name)
    const drafts = hasDrafts(c)
    const okHeaders = {
      ...headerRefs,
      ETag: { description: 'Send it back as If-None-Match to get 304 when nothing changed.', schema: { type: 'string' } },
      'Cache-Control': { description: `max-age=${s.cacheMaxAge}, stale-while-revalidate=${s.cacheStaleWhileRevalidate}.`, schema: { type: 'string' } },
    }
    paths[`/api/${c.slug}`] = {
      get: {
        operationId: `list${name}`,
        tags: [label(c, 'plural')],
        summary: `List ${label(c, 'plural').toLowerCase()}`,
        description: `${drafts ? 'Published documents only. ' : ''}Paginated; at most ${MAX_LIMIT} per page.`,
        parameters: [
          param('where', `Filter, e.g. \`where[slug][equals]=x\`. Operators: ${WHERE_OPERATORS.join(', ')}. Fields: ${filterable.join(', ')} (and dotted paths into related public documents). Combine with where[and][0]…/where[or][0]….`, { type: 'object', additionalProperties: true }, { style: 'deepObject', explode: true }),
          param('limit', `Documents per page (1–${MAX_LIMIT}). limit=0 and pagination=false are refused with 400.`, { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }),
          param('page', 'Page number, from 1.', { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 }),
          param('sort', `Field to sort by; a leading minus sorts descending.${c.defaultSort ? ` Default \`${String(c.defaultSort)}\`.` : ''}`, { type: 'string' }),
          depthParam,
          ...localeParams,
          selectParam,
        ],
        responses: {
          '200': { description: 'A page of documents.', headers: okHeaders, content: { 'application/json': { schema: ref(`${name}List`) } } },
          '304': { description: 'Not modified since the ETag you sent.' },
          ...commonErrors,
        },
      },
    }
    paths[`/api/${c.slug}/{id}`] = {
      get: {
        operationId: `get${name}`,
        tags: [label(c, 'plural')],
        summary: `One ${label(c, 'singular').toLowerCase()} by ID`,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, depthParam, ...localeParams, selectParam],
        responses: {
          '200': { description: 'The document.', headers: okHeaders, content: { 'application/json': { schema: ref(name) } } },
          '304': { description: 'Not modified since the ETag you sent.' },
          '404': errorResponse('No published document with this ID.'),
          ...commonErrors,
        },
      },
    }
  }

  for (const g of config.globals ?? []) {
    const read = g.access?.read
    let open = false
    try {
      open = typeof read === 'function' ? read({ req: { user: null } } as any) === true : true
    } catch {
      open = false
    }
    if (!open) continue
    const name = `Global${schemaName(g.slug)}`
    schemas[name] = objectSchema(readableFields(g.fields), publicSlugs)
    paths[`/api/globals/${g.slug}`] = {
      get: {
        operationId: `get${name}`,
        tags: ['Site'],
        summary: englishText(g.label) ?? g.slug,
        parameters: [depthParam, ...localeParams],
        responses: { '200': { description: 'The global.', headers: headerRefs, content: { 'application/json': { schema: ref(name) } } }, ...commonErrors },
      },
    }
  }

  // Site search (search/openapi.ts).
  const search = searchOpenAPI({
    types: searchableTypes(config),
    errors: commonErrors,
    headers: { ...headerRefs, ETag: { description: 'Send it back as If-None-Match to get 304 when nothing changed.', schema: { type: 'string' } } },
    searchPerMinute: s.searchPerMinute,
  })
  paths['/api/search'] = search.path
  Object.assign(schemas, search.schemas)

  return {
    openapi: '3.1.0',
    info: {
      title: 'Daleel public API',
      version: '1.0.0',
      description: [
        `Read-only JSON API for published content (${collections.map((c) => label(c, 'plural').toLowerCase()).join(', ')}).`,
        `Anonymous use is open: ${s.anonymousPerMinute} requests a minute per address. A partner key (ask the organisation) raises that to ${s.partnerPerMinute} a minute per key.`,
        `Caps for everyone: limit ≤ ${MAX_LIMIT} (default ${DEFAULT_LIMIT}), depth ≤ ${MAX_DEPTH}; limit=0 and pagination=false are refused; drafts are never available.`,
        'Errors are JSON: `{"errors":[{"message","parameter","code"}]}`. Unknown fields in responses may be added over time: ignore what you do not use.',
      ].join('\n\n'),
    },
    servers: [{ url: serverURL() }],
    security: [{}, { partnerKey: [] }],
    tags: [...collections.map((c) => ({ name: label(c, 'plural'), description: englishText(c.admin?.description) || undefined })), search.tag],
    paths,
    components: {
      schemas,
      headers,
      securitySchemes: {
        partnerKey: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'Send `Authorization: partner-keys API-Key <your key>`. Keys are read-only; a revoked or expired key gets 401.',
        },
      },
    },
  }
}
