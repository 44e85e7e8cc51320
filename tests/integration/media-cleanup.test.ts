/**
 * Files never pile up: replacing or deleting an item removes its old file and every size, and
 * `npm run media:check` finds (and with --fix removes) files no document references, and reports
 * documents whose files are missing.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Payload } from 'payload'

import { checkMediaFiles } from '../../media/check'
import { createStaff, type StaffMember } from '../helpers/fixtures'
import { jpegBuffer } from '../helpers/mediaFiles'
import { closePayload, testPayload } from '../helpers/payload'
import { rest, upload } from '../helpers/rest'

let payload: Payload
let editor: StaffMember
const dir = () => process.env.MEDIA_DIR as string
const filesOf = (doc: any): string[] => [doc.filename, ...Object.values(doc.sizes ?? {}).map((s: any) => s.filename)].filter(Boolean)

beforeAll(async () => {
  payload = await testPayload()
  ;({ editor } = await createStaff(payload))
})
afterAll(closePayload)

async function uploadPhoto(name: string) {
  const res = await upload('POST', '/media', {
    token: editor.token,
    file: { data: await jpegBuffer(1000, 700), name, type: 'image/jpeg' },
    data: { alt: 'A picture' },
  })
  expect(res.status).toBe(201)
  return res.body.doc
}

test('replacing the file removes the old original and all its sizes', async () => {
  const first = await uploadPhoto('first.jpg')
  const oldFiles = filesOf(first)
  expect(oldFiles).toHaveLength(6) // original + thumbnail, card, cardAvif, hero, social
  for (const f of oldFiles) expect(existsSync(path.join(dir(), f))).toBe(true)

  const replaced = await upload('PATCH', `/media/${first.id}`, {
    token: editor.token,
    file: { data: await jpegBuffer(1300, 800), name: 'second.jpg', type: 'image/jpeg' },
  })
  expect(replaced.status).toBe(200)
  const newFiles = filesOf(replaced.body.doc)
  expect(newFiles).toHaveLength(6)
  for (const f of oldFiles) expect(existsSync(path.join(dir(), f))).toBe(false)
  for (const f of newFiles) expect(existsSync(path.join(dir(), f))).toBe(true)
  expect(replaced.body.doc.alt).toBe('A picture')
})

test('deleting an item removes its original and all its sizes', async () => {
  const doc = await uploadPhoto('to-delete.jpg')
  const files = filesOf(doc)
  const res = await rest('DELETE', `/media/${doc.id}`, { token: editor.token })
  expect(res.status).toBe(200)
  for (const f of files) expect(existsSync(path.join(dir(), f))).toBe(false)
})

test('media:check reports unreferenced files and missing files; --fix removes only the unreferenced', async () => {
  const kept = await uploadPhoto('kept.jpg')
  const broken = await uploadPhoto('broken.jpg')
  // A file nobody references (e.g. left by a crash) and a document whose size file was lost.
  writeFileSync(path.join(dir(), 'stray-upload.jpg'), await jpegBuffer(50, 50))
  unlinkSync(path.join(dir(), broken.sizes.card.filename))

  const report = await checkMediaFiles(payload)
  expect(report.orphans.map((o) => o.file)).toEqual(['stray-upload.jpg'])
  expect(report.missing).toEqual([{ id: broken.id, filename: broken.filename, file: broken.sizes.card.filename, size: 'card' }])
  expect(report.removed).toEqual([])
  expect(existsSync(path.join(dir(), 'stray-upload.jpg'))).toBe(true)

  const fixed = await checkMediaFiles(payload, { fix: true })
  expect(fixed.removed).toEqual(['stray-upload.jpg'])
  expect(existsSync(path.join(dir(), 'stray-upload.jpg'))).toBe(false)
  // Referenced files are untouched; the broken document is still reported, not deleted.
  for (const f of filesOf(kept)) expect(existsSync(path.join(dir(), f))).toBe(true)
  expect((await checkMediaFiles(payload)).missing).toHaveLength(1)
  expect(await payload.count({ collection: 'media', overrideAccess: true, where: { id: { equals: broken.id } } })).toMatchObject({ totalDocs: 1 })
})

test('npm run media:check -- --fix prints the report, removes the stray file and exits 1 while a document lacks its file', async () => {
  mkdirSync(dir(), { recursive: true })
  writeFileSync(path.join(dir(), 'another-stray.pdf'), '%PDF-1.4\n')
  const run = promisify(execFile)
  const env = { ...process.env, NODE_OPTIONS: '' }
  // The same command as `npm run media:check` (see TS_SCRIPT in scripts/run.mjs).
  const cli = () =>
    run(process.execPath, ['--conditions=production', '--import', 'tsx', 'scripts/media-check.ts', '--fix'], { cwd: process.cwd(), env }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
    )
  const fixed = await cli()
  expect(fixed.stdout + fixed.stderr).toMatch(/Removed: 1 file\(s\)/)
  expect(fixed.stdout).toMatch(/another-stray\.pdf/)
  expect(fixed.stdout).toMatch(/missing card size/)
  expect(readdirSync(dir())).not.toContain('another-stray.pdf')
  // Exit code 1: a document's file is missing, which --fix leaves to a person.
  expect(fixed.code).toBe(1)
}, 120_000)
