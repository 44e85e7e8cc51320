/**
 * The classified change event (content/changes/event.ts): what a change meant for readers, decided
 * from the stored document before and after, whatever the door it came through.
 */
import { classify, type ClassifyInput } from '../../content/changes/event'
import { webhookEventFor } from '../../partner-api/webhooks'

const live = { _status: 'published', slug: 'a', changeHistory: [{ note: 'First published.' }] }
const draft = { _status: 'draft', slug: 'a' }
const base: ClassifyInput = { operation: 'update', content: true, drafts: true, draftSave: false, before: null, after: null }
const of = (input: Partial<ClassifyInput>) => classify({ ...base, ...input })

test('a first publish: published, public now', () => {
  expect(of({ before: draft, after: live })).toEqual({ kinds: ['published'], wasPublic: false, isPublic: true })
  expect(of({ operation: 'create', after: live })).toMatchObject({ kinds: ['published'], isPublic: true })
})

test('a republish is major when it adds a public note, minor otherwise', () => {
  expect(of({ before: live, after: { ...live } })).toMatchObject({ kinds: ['republished'], update: 'minor' })
  const noted = { ...live, changeHistory: [...live.changeHistory, { note: 'Added the Urdu translation.' }] }
  expect(of({ before: live, after: noted })).toMatchObject({ kinds: ['republished'], update: 'major' })
})

test('a draft save (autosave included) changes nothing readers see', () => {
  expect(of({ draftSave: true, before: live, after: null })).toEqual({ kinds: ['draftSaved'], wasPublic: true, isPublic: true })
  expect(of({ operation: 'create', draftSave: true, after: draft })).toEqual({ kinds: ['created', 'draftSaved'], wasPublic: false, isPublic: false })
})

test('unpublish, withdraw, un-withdraw and slug change', () => {
  expect(of({ before: live, after: draft })).toMatchObject({ kinds: ['unpublished'], wasPublic: true, isPublic: false })
  const withdrawn = { ...live, withdrawal: { withdrawn: true } }
  expect(of({ before: live, after: withdrawn }).kinds).toEqual(['republished', 'withdrawn'])
  expect(of({ before: withdrawn, after: live }).kinds).toEqual(['republished', 'unwithdrawn'])
  expect(of({ before: live, after: { ...live, slug: 'b' } }).kinds).toEqual(['republished', 'slugChanged'])
  // A slug that was never public moved no public address.
  expect(of({ before: draft, after: { ...live, slug: 'b' } }).kinds).toEqual(['published'])
})

test('trash, restore and delete', () => {
  const trashed = { ...live, deletedAt: '2026-01-01T00:00:00.000Z' }
  expect(of({ before: live, after: trashed })).toMatchObject({ kinds: ['trashed'], wasPublic: true, isPublic: false })
  expect(of({ before: trashed, after: live })).toMatchObject({ kinds: ['restored', 'published'], isPublic: true })
  expect(of({ before: trashed, after: { ...draft } })).toMatchObject({ kinds: ['restored'], isPublic: false })
  expect(of({ operation: 'delete', before: live })).toMatchObject({ kinds: ['deleted'], wasPublic: true, isPublic: false })
  expect(of({ operation: 'delete', before: draft })).toMatchObject({ kinds: ['deleted'], wasPublic: false })
})

test('types without drafts are public once saved; internal records never are', () => {
  const person = { slug: 'p', name: 'X' }
  expect(of({ drafts: false, operation: 'create', after: person })).toMatchObject({ kinds: ['published'], isPublic: true })
  expect(of({ drafts: false, before: person, after: person })).toMatchObject({ kinds: ['republished'] })
  expect(of({ content: false, operation: 'create', after: { id: 1 } })).toEqual({ kinds: ['created'], wasPublic: false, isPublic: false })
  expect(of({ content: false, before: { id: 1 }, after: { id: 1 } }).kinds).toEqual(['updated'])
})

test('partners hear unpublished whenever a public document leaves the site (trash and delete included)', () => {
  const trashed = { ...live, deletedAt: '2026-01-01T00:00:00.000Z' }
  expect(webhookEventFor(of({ before: live, after: trashed }))).toBe('unpublished')
  expect(webhookEventFor(of({ operation: 'delete', before: live }))).toBe('unpublished')
  expect(webhookEventFor(of({ before: live, after: draft }))).toBe('unpublished')
  expect(webhookEventFor(of({ before: trashed, after: live }))).toBe('published')
  expect(webhookEventFor(of({ before: live, after: { ...live, withdrawal: { withdrawn: true } } }))).toBe('withdrawn')
  expect(webhookEventFor(of({ before: live, after: live }))).toBe('updated')
  expect(webhookEventFor(of({ draftSave: true, before: live }))).toBeNull()
  expect(webhookEventFor(of({ operation: 'delete', before: draft }))).toBeNull()
})
