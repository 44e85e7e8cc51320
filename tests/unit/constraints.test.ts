/**
 * The net under platform/constraints.ts: a database constraint error caused by input, however
 * deeply wrapped (drizzle's "Failed query" → libsql → SQLite), is recognised and named by field.
 */
import { constraintViolation, keepRefusalReasons } from '../../platform/constraints'

const config = {
  collections: [
    { slug: 'statements', fields: [{ name: 'proposals', type: 'array', fields: [{ name: 'text', type: 'textarea' }] }] },
    { slug: 'webhook-deliveries', fields: [{ name: 'endpoint', type: 'relationship' }] },
    { slug: 'offices', fields: [{ type: 'tabs', tabs: [{ name: 'contact', fields: [{ name: 'phoneNumbers', type: 'array', fields: [] }] }] }] },
  ],
}

const wrapped = (message: string) => Object.assign(new Error('Failed query: insert into … params: …'), { cause: Object.assign(new Error('LibsqlError'), { cause: new Error(message) }) })

test('reused array row ids are a 409 naming the array field', () => {
  expect(constraintViolation(wrapped('UNIQUE constraint failed: statements_proposals.id'), config)).toMatchObject({ status: 409, path: 'proposals' })
  expect(constraintViolation(wrapped('UNIQUE constraint failed: offices_contact_phone_numbers.id'), config)).toMatchObject({ status: 409, path: 'contact.phoneNumbers' })
})

test('deleting what others still point at is a 409 naming who points at it', () => {
  const err = Object.assign(new Error('Failed query: delete from "webhook_endpoints" where …'), { cause: new Error('SQLITE_CONSTRAINT_NOTNULL: NOT NULL constraint failed: webhook_deliveries.endpoint_id') })
  expect(constraintViolation(err, config)).toMatchObject({ status: 409, message: expect.stringContaining('webhook-deliveries') })
})

test('anything else is not ours to reword (it stays a 500, logged)', () => {
  expect(constraintViolation(new Error('connection refused'), config)).toBeNull()
  expect(constraintViolation(wrapped('NOT NULL constraint failed: statements.title'), config)).toBeNull()
})

describe('a refused save keeps its reasons whichever copy of Payload threw it', () => {
  // As Payload's other copy throws it: its class is not the one Payload's error formatter knows.
  class ForeignValidationError extends Error {
    status = 400
    isPublic = true
    data = { collection: 'topics', errors: [{ path: 'name', message: 'This field is required.' }] }
  }
  const bare = { errors: [{ message: 'The following field is invalid: name' }] }

  test('the reasons lost on the way are put back', async () => {
    const error = new ForeignValidationError('The following field is invalid: name')
    expect(await keepRefusalReasons({ error, result: bare })).toEqual({
      response: { errors: [{ name: error.name, data: error.data, message: 'The following field is invalid: name' }] },
    })
  })

  test('an answer that has them, GraphQL, and anything not a public refusal are left alone', async () => {
    const error = new ForeignValidationError('x')
    expect(await keepRefusalReasons({ error, result: { errors: [{ message: 'x', data: error.data }] } })).toBeUndefined()
    expect(await keepRefusalReasons({ error, result: bare, graphqlResult: {} })).toBeUndefined()
    // An internal error's details stay hidden, even if it carries data.
    expect(await keepRefusalReasons({ error: Object.assign(new ForeignValidationError('x'), { status: 500 }), result: bare })).toBeUndefined()
    expect(await keepRefusalReasons({ error: Object.assign(new ForeignValidationError('x'), { isPublic: false }), result: bare })).toBeUndefined()
    expect(await keepRefusalReasons({ error: new Error('plain'), result: bare })).toBeUndefined()
  })
})
