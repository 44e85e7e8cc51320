/** Caps for GraphQL requests by non-staff callers, mirroring the REST query guard. */
import { Kind, parse, type DocumentNode, type ValueNode } from 'graphql'

import { ApiError } from './errors'
import { MAX_LIMIT } from './queryGuard'

const MAX_SELECTION_DEPTH = 8

type GraphQLInfo = { mutations: string[]; hasMutation: boolean; topLevel: string[] }

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value]
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value)
    case Kind.BOOLEAN:
      return node.value
    case Kind.STRING:
    case Kind.ENUM:
      return node.value
    default:
      return undefined
  }
}

export function inspectGraphQL(body: string): GraphQLInfo {
  let query: unknown
  let variables: Record<string, unknown> = {}
  try {
    const parsed = JSON.parse(body)
    query = parsed?.query
    if (parsed?.variables && typeof parsed.variables === 'object') variables = parsed.variables
  } catch {
    throw new ApiError(400, 'The request body must be JSON with a `query` string.', 'query')
  }
  if (typeof query !== 'string') throw new ApiError(400, 'The request body must be JSON with a `query` string.', 'query')
  let doc: DocumentNode
  try {
    doc = parse(query, { maxTokens: 5000 })
  } catch (e) {
    throw new ApiError(400, `The GraphQL query could not be parsed: ${(e as Error).message}`, 'query')
  }
  const info: GraphQLInfo = { mutations: [], hasMutation: false, topLevel: [] }
  const walk = (selections: readonly any[], depth: number) => {
    if (depth > MAX_SELECTION_DEPTH) throw new ApiError(400, `The query nests more than ${MAX_SELECTION_DEPTH} levels.`, 'query')
    for (const sel of selections) {
      for (const arg of sel.arguments ?? []) {
        const name = arg.name.value
        const v = valueOf(arg.value, variables)
        if (name === 'limit' && v !== undefined && !(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_LIMIT)) {
          throw new ApiError(400, `\`limit\` must be between 1 and ${MAX_LIMIT}.`, 'limit')
        }
        if (name === 'page' && v !== undefined && !(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 100_000)) {
          throw new ApiError(400, '`page` must be between 1 and 100000.', 'page')
        }
        if (name === 'pagination' && v === false) throw new ApiError(400, '`pagination: false` is not available: page through results instead.', 'pagination')
        if (name === 'draft' && v === true) throw new ApiError(400, '`draft` is only available to staff.', 'draft')
        if (name === 'trash' && v === true) throw new ApiError(400, '`trash` is only available to staff.', 'trash')
      }
      if (sel.selectionSet) walk(sel.selectionSet.selections, depth + 1)
    }
  }
  for (const def of doc.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION) {
      if (def.operation !== 'query') {
        info.hasMutation = true
        for (const sel of def.selectionSet.selections) if (sel.kind === Kind.FIELD) info.mutations.push(sel.name.value)
      }
      for (const sel of def.selectionSet.selections) if (sel.kind === Kind.FIELD) info.topLevel.push(sel.name.value)
      walk(def.selectionSet.selections, 1)
    } else if (def.kind === Kind.FRAGMENT_DEFINITION) {
      walk(def.selectionSet.selections, 1)
    }
  }
  return info
}
