/**
 * Issue 4, workflow: review states (draft → waiting for review → published, withdrawn), the
 * dashboard's review queue, versions on every save, the public change note on a major update,
 * "autosave never publishes", and the audit log (written by hooks, readable by admins only,
 * writable by nobody).
 */
import type { Payload } from 'payload'

import type { Role } from '../../access/roles'
import { workflowDashboard } from '../../workflow/dashboard'
import { createStaff, makeProgram, makeStatement, statementData, makeOrganisation, type StaffMember } from '../helpers/fixtures'
import { closePayload, testPayload } from '../helpers/payload'
import { gql, rest } from '../helpers/rest'

let payload: Payload
let staff: Record<Role, StaffMember>

beforeAll(async () => {
  payload = await testPayload()
  staff = await createStaff(payload)
}, 180_000)
afterAll(closePayload)

async function auditFor(collection: string, id: number | string) {
  const { docs } = await payload.find({
    collection: 'audit-log',
    where: { targetCollection: { equals: collection }, targetId: { equals: String(id) } },
    sort: 'createdAt',
    depth: 0,
    limit: 50,
  })
  return docs as any[]
}

describe('review states', () => {
  test('contributor drafts, submits for review; the editor sees it waiting and publishes it', async () => {
    const org = await makeOrganisation(payload)
    const created = await rest('POST', '/statements?draft=true', { token: staff.contributor.token, body: statementData(org.id) })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect(created.body.doc.reviewState).toBe('draft')

    const submitted = await rest('PATCH', `/statements/${id}?draft=true`, {
      token: staff.contributor.token,
      body: { reviewState: 'inReview' },
    })
    expect(submitted.status).toBe(200)
    expect(submitted.body.doc.reviewState).toBe('inReview')

    // The editor's queue (dashboard) and a list filter both find it.
    const queue = await workflowDashboard(payload, staff.editor.user)
    expect(queue.waitingForReview.map((i) => i.id)).toContain(id)
    const listed = await rest('GET', '/statements?draft=true&where[reviewState][equals]=inReview', { token: staff.editor.token })
    expect(listed.body.docs.map((d: any) => d.id)).toContain(id)

    const published = await rest('PATCH', `/statements/${id}`, { token: staff.editor.token, body: { _status: 'published' } })
    expect(published.status).toBe(200)
    expect(published.body.doc.reviewState).toBe('published')
    expect((await workflowDashboard(payload, staff.editor.user)).waitingForReview.map((i) => i.id)).not.toContain(id)

    // The contributor's own dashboard lists it with its state.
    const mine = await workflowDashboard(payload, staff.contributor.user)
    expect(mine.mine.find((i) => i.id === id)?.reviewState).toBe('published')

    // updatedBy names the editor who published.
    const doc = (await payload.findByID({ collection: 'statements', id, depth: 0 })) as any
    expect(doc.updatedBy).toBe(staff.editor.id)
    // …but staff identities are not public.
    const anonymous = await rest('GET', `/statements/${id}`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.updatedBy).toBeUndefined()

    const actions = (await auditFor('statements', id)).map((e) => `${e.action}:${e.userEmail}`)
    expect(actions).toEqual([
      `created:${staff.contributor.email}`,
      `submitted:${staff.contributor.email}`,
      `published:${staff.editor.email}`,
    ])
  })

  test('"Published" and "Withdrawn" cannot be typed: they follow the publish status and the withdrawal box', async () => {
    const draft = await makeProgram(payload)
    const forged = await rest('PATCH', `/programs/${draft.id}?draft=true`, { token: staff.editor.token, body: { reviewState: 'published' } })
    expect(forged.body.doc?.reviewState ?? 'draft').toBe('draft')

    const live = await rest('PATCH', `/programs/${draft.id}`, { token: staff.editor.token, body: { _status: 'published' } })
    expect(live.body.doc.reviewState).toBe('published')
    const withdrawn = await rest('PATCH', `/programs/${draft.id}`, {
      token: staff.editor.token,
      body: { withdrawal: { withdrawn: true, explanation: 'This program ended in 2023.' } },
    })
    expect(withdrawn.body.doc.reviewState).toBe('withdrawn')
    const actions = (await auditFor('programs', draft.id)).map((e) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['published', 'withdrawn']))

    const unpublished = await rest('PATCH', `/programs/${draft.id}`, { token: staff.editor.token, body: { _status: 'draft' } })
    expect(unpublished.body.doc.reviewState).toBe('draft')
    expect((await auditFor('programs', draft.id)).map((e) => e.action)).toContain('unpublished')
  })

  test('a draft saved on top of a published page is not logged as an unpublish', async () => {
    const live = await makeStatement(payload, { _status: 'published' })
    await rest('PATCH', `/statements/${live.id}?draft=true`, { token: staff.editor.token, body: { title: 'Work in progress' } })
    expect((await auditFor('statements', live.id)).map((e) => e.action)).not.toContain('unpublished')
  })

  test('the Urdu-version flag follows whether an Urdu title exists', async () => {
    const program = await makeProgram(payload, { _status: 'published' })
    expect(program.hasUrdu).toBe(false)
    const ur = await rest('PATCH', `/programs/${program.id}?locale=ur`, { token: staff.editor.token, body: { title: 'منظم جرائم کا مقابلہ' } })
    expect(ur.status).toBe(200)
    expect(ur.body.doc.hasUrdu).toBe(true)
    const en = await rest('PATCH', `/programs/${program.id}?locale=en`, { token: staff.editor.token, body: { title: 'Still has Urdu' } })
    expect(en.body.doc.hasUrdu).toBe(true)
  })
})

describe('versions and change notes', () => {
  test('every save is kept as a version, and an old version can be restored', async () => {
    const program = await makeProgram(payload, { title: 'Version one' })
    await payload.update({ collection: 'programs', id: program.id, data: { title: 'Version two' }, draft: true })
    await payload.update({ collection: 'programs', id: program.id, data: { title: 'Version three' }, draft: true })
    const versions = await rest('GET', `/programs/versions?where[parent][equals]=${program.id}&sort=createdAt`, { token: staff.editor.token })
    expect(versions.status).toBe(200)
    const titles = versions.body.docs.map((v: any) => v.version.title)
    expect(titles).toEqual(['Version one', 'Version two', 'Version three'])

    const first = versions.body.docs[0]
    const restored = await rest('POST', `/programs/versions/${first.id}?draft=true`, { token: staff.editor.token })
    expect(restored.status).toBe(200)
    const latest = (await payload.findByID({ collection: 'programs', id: program.id, draft: true, depth: 0 })) as any
    expect(latest.title).toBe('Version one')
  })

  test('a contributor cannot publish by restoring a published version', async () => {
    const mine = await makeProgram(payload, { createdBy: staff.contributor.id, _status: 'published' })
    const { docs } = await payload.findVersions({ collection: 'programs', where: { parent: { equals: mine.id } }, depth: 0 })
    await payload.update({ collection: 'programs', id: mine.id, data: { _status: 'draft' } })
    const res = await rest('POST', `/programs/versions/${docs[0].id}`, { token: staff.contributor.token })
    expect(res.status).toBe(403)
    expect(((await payload.findByID({ collection: 'programs', id: mine.id, depth: 0 })) as any)._status).toBe('draft')
  })

  test('a major update needs a public change note, which goes into the change history', async () => {
    const live = await makeStatement(payload, { _status: 'published' })
    const noNote = await rest('PATCH', `/statements/${live.id}`, { token: staff.editor.token, body: { updateType: 'major', _status: 'published' } })
    expect(noNote.status).toBe(400)
    expect(JSON.stringify(noNote.body)).toMatch(/needs a short public note/)

    const withNote = await rest('PATCH', `/statements/${live.id}`, {
      token: staff.editor.token,
      body: { updateType: 'major', changeNote: 'Added the full text of proposal 3.', _status: 'published' },
    })
    expect(withNote.status).toBe(200)
    const notes = withNote.body.doc.changeHistory.map((h: any) => h.note)
    expect(notes).toEqual(['First published.', 'Added the full text of proposal 3.'])
  })

  test('autosave never publishes, even when it carries "published"', async () => {
    const live = await makeStatement(payload, { _status: 'published', title: 'Live title' })
    const res = await rest('PATCH', `/statements/${live.id}?draft=true&autosave=true`, {
      token: staff.editor.token,
      body: { title: 'Half-typed tit', _status: 'published' },
    })
    expect(res.status).toBe(200)
    const published = (await payload.findByID({ collection: 'statements', id: live.id, depth: 0 })) as any
    expect(published.title).toBe('Live title')
    const anonymous = await rest('GET', `/statements/${live.id}`)
    expect(anonymous.body.title).toBe('Live title')
  })
})

describe('audit log', () => {
  test('admins read it; editors and contributors do not; nobody writes, edits or deletes it', async () => {
    const program = await makeProgram(payload, { _status: 'published' })
    const entries = await auditFor('programs', program.id)
    expect(entries.length).toBeGreaterThan(0)
    const entryId = entries[0].id

    expect((await rest('GET', '/audit-log', { token: staff.admin.token })).body.totalDocs).toBeGreaterThan(0)
    for (const who of ['editor', 'contributor'] as const) {
      expect((await rest('GET', '/audit-log', { token: staff[who].token })).status).toBe(403)
    }
    expect((await rest('GET', '/audit-log')).status).toBe(403)

    for (const who of ['admin', 'editor', 'contributor'] as const) {
      const token = staff[who].token
      expect((await rest('POST', '/audit-log', { token, body: { action: 'published', summary: 'forged' } })).status).toBe(403)
      expect((await rest('PATCH', `/audit-log/${entryId}`, { token, body: { summary: 'rewritten' } })).status).toBe(403)
      expect((await rest('DELETE', `/audit-log/${entryId}`, { token })).status).toBe(403)
    }
    const forged = await gql(`mutation { createAuditLog(data: { action: published, summary: "forged" }) { id } }`, {
      token: staff.admin.token,
    })
    expect(forged.body.errors?.length ?? 0).toBeGreaterThan(0)
    const unchanged = (await payload.findByID({ collection: 'audit-log', id: entryId })) as any
    expect(unchanged.summary).not.toBe('rewritten')
  })

  test('role changes are recorded with the old and new role', async () => {
    const res = await rest('PATCH', `/users/${staff.contributor.id}`, { token: staff.admin.token, body: { role: 'editor' } })
    expect(res.status).toBe(200)
    const entry = (await auditFor('users', staff.contributor.id)).find((e) => e.action === 'roleChanged')
    expect(entry).toMatchObject({ userEmail: staff.admin.email, details: { from: 'contributor', to: 'editor' } })
    await payload.update({ collection: 'users', id: staff.contributor.id, data: { role: 'contributor' } })
  })
})

describe('admin dashboard', () => {
  test('renders the review queue for editors and "your work" for contributors', async () => {
    const { renderToStaticMarkup } = await import('react-dom/server')
    const { WorkflowDashboard } = await import('../../workflow/WorkflowDashboard')
    const waiting = await makeProgram(payload, { title: 'Program waiting for an editor', reviewState: 'inReview', createdBy: staff.contributor.id })
    expect(waiting.reviewState).toBe('inReview')

    const forEditor = renderToStaticMarkup(await WorkflowDashboard({ payload, user: staff.editor.user }))
    expect(forEditor).toContain('Waiting for review')
    expect(forEditor).toContain('Program waiting for an editor')
    expect(forEditor).toContain(`/admin/collections/programs/${waiting.id}`)
    expect(forEditor).toContain('Scheduled publishing')

    const forContributor = renderToStaticMarkup(await WorkflowDashboard({ payload, user: staff.contributor.user }))
    expect(forContributor).toContain('Your work')
    expect(forContributor).not.toContain('Scheduled publishing')
  })
})
