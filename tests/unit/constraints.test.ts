/**
 * The net under platform/constraints.ts: a database constraint error caused by input, however
 * deeply wrapped (drizzle's "Failed query" → libsql → SQLite), is recognised and named by field.
 */
import { constraintViolation } from '../../platform/constraints'

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
