/**
 * Issue 4, the permission matrix through REST: each role (and anonymous readers) × each
 * collection × create, read a draft, update, publish, delete. Every refusal is checked to have
 * left the document as it was.
 */
import type { Payload } from 'payload'

import type { Role } from '../../access/roles'
import { createStaff, makeOrganisation, statementData, unique, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { rest } from '../helpers/rest'

let payload: Payload
let staff: Record<Role, StaffMember>
let orgId: number | string

beforeAll(async () => {
  payload = await testPayload()
  staff = await createStaff(payload)
  orgId = (await makeOrganisation(payload)).id
}, 180_000)
afterAll(closePayload)

type Who = Role | 'anonymous'
const everyone: Who[] = ['anonymous', 'contributor', 'editor', 'admin']
const tokenOf = (who: Who) => (who === 'anonymous' ? undefined : staff[who].token)

const data: Record<string, () => Record<string, unknown>> = {
  programs: () => ({ title: `Program ${unique()}` }),
  statements: () => statementData(orgId),
  campaigns: () => ({ title: `Campaign ${unique()}` }),
  offices: () => ({ name: `Office ${unique()}`, city: 'Lahore', addressLines: [{ line: '22, Tipu Block' }] }),
  people: () => ({ name: `Person ${unique()}` }),
  topics: () => ({ name: `Topic ${unique()}` }),
  organisations: () => ({ name: `Organisation ${unique()}` }),
}
const withDrafts = new Set(['programs', 'statements', 'campaigns', 'offices'])
const content = new Set(['programs', 'statements', 'campaigns'])

/** What each role may do, per collection. `own` = only documents they created. */
function allowed(collection: string, who: Who) {
  const editor = who === 'editor' || who === 'admin'
  const contributorOnContent = who === 'contributor' && content.has(collection)
  return {
    create: editor || contributorOnContent,
    readDraft: who !== 'anonymous',
    update: editor || contributorOnContent, // own drafts
    publish: editor,
    delete: editor,
  }
}

/** A document created by `owner` (a contributor owns it when they may create it). */
async function seedDoc(collection: string, owner: Who, status: 'draft' | 'published') {
  const createdBy = owner === 'anonymous' ? undefined : staff[owner].id
  return (await payload.create({
    collection: collection as any,
    data: { ...data[collection](), ...(withDrafts.has(collection) ? { _status: status } : {}), createdBy } as any,
  })) as any
}

const read = async (collection: string, id: number | string) =>
  (await payload.findByID({ collection: collection as any, id, draft: true, depth: 0, disableErrors: true })) as any

describe.each(Object.keys(data))('%s', (collection) => {
  test.each(everyone)('%s', async (who) => {
    const can = allowed(collection, who)
    const token = tokenOf(who)
    const owner: Who = can.create && who !== 'anonymous' ? who : 'editor'

    // create
    const created = await rest('POST', `/${collection}${withDrafts.has(collection) ? '?draft=true' : ''}`, { token, body: data[collection]() })
    expect([collection, who, 'create', created.status]).toEqual([collection, who, 'create', can.create ? 201 : 403])

    // read a draft (collections without drafts are public: anyone reads them)
    if (withDrafts.has(collection)) {
      const draft = await seedDoc(collection, owner, 'draft')
      const res = await rest('GET', `/${collection}/${draft.id}?draft=true`, { token })
      expect([who, 'read draft', res.status]).toEqual([who, 'read draft', can.readDraft ? 200 : 404])
    }

    // update (a draft of their own, where they may create)
    const mine = await seedDoc(collection, owner, 'draft')
    const nameField = 'title' in data[collection]() ? 'title' : 'name'
    const updated = await rest('PATCH', `/${collection}/${mine.id}${withDrafts.has(collection) ? '?draft=true' : ''}`, {
      token,
      body: { [nameField]: 'Changed name' },
    })
    expect([who, 'update', updated.status]).toEqual([who, 'update', can.update ? 200 : 403])
    if (!can.update) expect((await read(collection, mine.id))[nameField]).toBe(mine[nameField])

    // publish
    if (withDrafts.has(collection)) {
      const toPublish = await seedDoc(collection, owner, 'draft')
      const res = await rest('PATCH', `/${collection}/${toPublish.id}`, { token, body: { _status: 'published' } })
      expect([who, 'publish', res.status]).toEqual([who, 'publish', can.publish ? 200 : 403])
      expect((await payload.findByID({ collection: collection as any, id: toPublish.id, depth: 0 }) as any)._status).toBe(
        can.publish ? 'published' : 'draft',
      )
    }

    // delete (published content, or a library entry)
    const target = await seedDoc(collection, owner, 'published')
    const removed = await rest('DELETE', `/${collection}/${target.id}`, { token })
    expect([who, 'delete', removed.status]).toEqual([who, 'delete', can.delete ? 200 : 403])
    expect(Boolean(await read(collection, target.id))).toBe(!can.delete)
  }, 120_000)
})

describe('globals and accounts', () => {
  test.each(everyone)('%s', async (who) => {
    const token = tokenOf(who)
    const settings = await rest('POST', '/globals/site-settings', { token, body: { organisationName: 'Daleel test organisation', tagline: 'Changed' } })
    expect([who, 'settings', settings.status]).toEqual([who, 'settings', who === 'admin' ? 200 : 403])
    const nav = await rest('POST', '/globals/navigation', { token, body: { items: [] } })
    expect([who, 'navigation', nav.status]).toEqual([who, 'navigation', who === 'admin' || who === 'editor' ? 200 : 403])
    const users = await rest('GET', '/users', { token })
    const others = (users.body?.docs ?? []).filter((u: any) => who === 'anonymous' || u.id !== staff[who].id)
    expect([who, 'sees other accounts', others.length > 0]).toEqual([who, 'sees other accounts', who === 'admin'])
  })
})
