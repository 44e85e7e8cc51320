/**
 * Caps for GraphQL requests by callers who are not staff, mirroring the REST query guard, judged
 * on the document as graphql-js will execute it: the one operation `operationName` picks, with
 * fragments (named and inline) expanded where they are spread, and every argument's value as it
 * will arrive (a variable's value, else its default). Aliases do not hide a field: names are
 * what Payload resolves.
 */
import type { SanitizedConfig } from 'payload'
import { formatNames } from 'payload'
import {
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionNode,
  type ValueNode,
} from 'graphql'

import { ApiError } from './errors'
import { isPublicCollection } from './publicSchema'
import { MAX_LIMIT, MAX_PAGE } from './queryGuard'

const MAX_SELECTION_DEPTH = 8
/** Fields visited with fragments expanded: fragments spreading others twice grow as 2^n. */
const MAX_EXPANDED_FIELDS = 5000
const INTROSPECTION = new Set(['__schema', '__type', '__typename'])
/** Mutations a caller without an account may send: signing in and recovering an account. */
const ACCOUNT_MUTATION = /^(login|logout|refreshToken|forgotPassword|resetPassword|verifyEmail)[A-Z]/

type TopLevelField = { name: string; alias: string }
export type GraphQLInfo = { operation: 'query' | 'mutation' | 'subscription'; fields: TopLevelField[] }

type Vars = Record<string, unknown>

function valueOf(node: ValueNode, variables: Vars, defaults: Map<string, ValueNode>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE: {
      const name = node.name.value
      if (Object.prototype.hasOwnProperty.call(variables, name)) return variables[name]
      const fallback = defaults.get(name)
      return fallback ? valueOf(fallback, {}, new Map()) : undefined
    }
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value)
    case Kind.BOOLEAN:
      return node.value
    case Kind.STRING:
    case Kind.ENUM:
      return node.value
    case Kind.NULL:
      return null
    case Kind.LIST:
      return node.values.map((v) => valueOf(v, variables, defaults))
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, valueOf(f.value, variables, defaults)]))
    default:
      return undefined
  }
}

function checkArgument(name: string, v: unknown) {
  if (v === undefined || v === null) return
  if (name === 'limit' && !(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_LIMIT)) {
    throw new ApiError(400, `\`limit\` must be between 1 and ${MAX_LIMIT} (limit 0, everything at once, is not available).`, 'limit')
  }
  if (name === 'page' && !(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_PAGE)) {
    throw new ApiError(400, `\`page\` must be between 1 and ${MAX_PAGE}.`, 'page')
  }
  if (name === 'pagination' && v !== true) throw new ApiError(400, '`pagination: false` is not available: page through results instead.', 'pagination')
  if (name === 'draft' && v !== false) throw new ApiError(400, '`draft` is only available to staff.', 'draft')
  if (name === 'trash' && v !== false) throw new ApiError(400, '`trash` is only available to staff.', 'trash')
}

function readBody(body: string): { query: string; variables: Vars; operationName: string | null } {
  let parsed: any
  try {
    parsed = JSON.parse(body)
  } catch {
    throw new ApiError(400, 'The request body must be JSON with a `query` string.', 'query')
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || typeof parsed.query !== 'string') {
    throw new ApiError(400, 'The request body must be one JSON object with a `query` string (batches are not accepted).', 'query')
  }
  const variables = parsed.variables && typeof parsed.variables === 'object' && !Array.isArray(parsed.variables) ? parsed.variables : {}
  const operationName = typeof parsed.operationName === 'string' && parsed.operationName ? parsed.operationName : null
  return { query: parsed.query, variables, operationName }
}

/** The operation graphql-js will run (the same rule: by name, or the only one). */
function chosenOperation(doc: DocumentNode, operationName: string | null): OperationDefinitionNode {
  const operations = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
  if (operationName) {
    const named = operations.find((o) => o.name?.value === operationName)
    if (!named) throw new ApiError(400, `There is no operation named \`${operationName}\` in the query.`, 'operationName')
    return named
  }
  if (operations.length !== 1) {
    throw new ApiError(400, 'The query holds several operations: say which one to run with `operationName`.', 'operationName')
  }
  return operations[0]
}

/**
 * Checks the operation that will run and returns it with its top-level fields (fragments
 * expanded). Throws ApiError (400) on anything over the caps.
 */
export function inspectGraphQL(body: string): GraphQLInfo {
  const { query, variables, operationName } = readBody(body)
  let doc: DocumentNode
  try {
    doc = parse(query, { maxTokens: 5000 })
  } catch (e) {
    throw new ApiError(400, `The GraphQL query could not be parsed: ${(e as Error).message}`, 'query')
  }
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d)
  const operation = chosenOperation(doc, operationName)
  const defaults = new Map<string, ValueNode>()
  for (const v of operation.variableDefinitions ?? []) if (v.defaultValue) defaults.set(v.variable.name.value, v.defaultValue)

  let visited = 0
  const fields: TopLevelField[] = []
  const walk = (selections: readonly SelectionNode[], depth: number, spreading: string[]) => {
    for (const sel of selections) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const name = sel.name.value
        const fragment = fragments.get(name)
        if (!fragment) throw new ApiError(400, `Unknown fragment \`${name}\`.`, 'query')
        if (spreading.includes(name)) throw new ApiError(400, `Fragment \`${name}\` spreads itself.`, 'query')
        walk(fragment.selectionSet.selections, depth, [...spreading, name])
        continue
      }
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet.selections, depth, spreading)
        continue
      }
      if (++visited > MAX_EXPANDED_FIELDS) throw new ApiError(400, 'The query is too large once its fragments are expanded.', 'query')
      if (depth > MAX_SELECTION_DEPTH) throw new ApiError(400, `The query nests more than ${MAX_SELECTION_DEPTH} levels.`, 'query')
      if (depth === 1) fields.push({ name: sel.name.value, alias: sel.alias?.value ?? sel.name.value })
      for (const arg of sel.arguments ?? []) checkArgument(arg.name.value, valueOf(arg.value, variables, defaults))
      if (sel.selectionSet) walk(sel.selectionSet.selections, depth + 1, spreading)
    }
  }
  walk(operation.selectionSet.selections, 1, [])
  return { operation: operation.operation as GraphQLInfo['operation'], fields }
}

const publicQueries = new WeakMap<object, Set<string>>()

/**
 * Top-level query fields a caller who is not staff may ask for: list, single document and count
 * of each public collection, each global, and introspection. Everything else (version history,
 * Payload's internal collections, permissions, `me`) is for staff. Names follow Payload's GraphQL
 * schema (@payloadcms/graphql: formatNames of the slug; "all" before a plural equal to its singular).
 */
function publicQueryNames(config: SanitizedConfig): Set<string> {
  let names = publicQueries.get(config)
  if (names) return names
  names = new Set(INTROSPECTION)
  for (const c of config.collections) {
    if (!isPublicCollection(c) || c.graphQL === false) continue
    const custom = (c.graphQL || {}) as { singularName?: string; pluralName?: string }
    const singular = custom.singularName ?? formatNames(c.slug).singular
    let plural = custom.pluralName ?? formatNames(c.slug).plural
    if (plural === singular) plural = `all${singular}`
    names.add(singular).add(plural).add(`count${plural}`)
  }
  for (const g of config.globals) {
    if (g.graphQL === false) continue
    const read = g.access?.read
    if (typeof read === 'function' && read({ req: { user: null } } as never) !== true) continue
    names.add((g.graphQL as { name?: string } | undefined)?.name ?? formatNames(g.slug).singular)
  }
  publicQueries.set(config, names)
  return names
}

/** Why a caller who is not staff may not run this, or null. Partners may not write at all. */
export function graphQLRefusal(config: SanitizedConfig, info: GraphQLInfo, caller: 'anonymous' | 'partner'): ApiError | null {
  if (info.operation === 'subscription') return new ApiError(400, 'Subscriptions are not available.', 'query')
  if (info.operation === 'mutation') {
    if (caller === 'partner') {
      return new ApiError(403, 'Partner keys are read-only: they cannot create, change or delete anything.', 'Authorization', 'read_only')
    }
    const other = info.fields.find((f) => !ACCOUNT_MUTATION.test(f.name))
    return other ? new ApiError(403, `\`${other.name}\` needs a staff sign-in.`, 'query', 'forbidden') : null
  }
  const allowed = publicQueryNames(config)
  const other = info.fields.find((f) => !allowed.has(f.name))
  if (!other) return null
  if (/^versions?[A-Z]/.test(other.name)) return new ApiError(403, 'Version history is only available to staff.', 'query', 'forbidden')
  return new ApiError(403, `\`${other.name}\` is not part of the public API. See /api/openapi.json.`, 'query', 'forbidden')
}
