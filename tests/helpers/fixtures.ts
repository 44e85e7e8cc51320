/**
 * Shared test fixtures: staff accounts of each role and minimal valid documents.
 *
 *   const payload = await testPayload()
 *   const staff = await createStaff(payload)          // { admin, editor, contributor }, each with a token
 *   const org = await makeOrganisation(payload)
 *   const draft = await makeStatement(payload, { issuingOrganisation: org.id })
 *
 * Every `make…` helper writes through the Local API with `overrideAccess: true` (set-up, not the
 * thing under test), fills only what the collection requires, and takes `data` to override or add
 * fields. Names and slugs get a unique suffix so a file can call a helper many times.
 * Content with drafts is created as a DRAFT unless `data._status` says 'published'.
 */
import type { Payload } from 'payload'
import sharp from 'sharp'

import type { Role } from '../../access/roles'
import { richText } from '../../content/richText'
import { login } from './rest'

let counter = 0
/** A short suffix unique within this test file, for slugs, names and e-mail addresses. */
export function unique(prefix = 'x'): string {
  counter += 1
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 7)}`
}

export const TEST_PASSWORD = 'correct-horse-battery-staple-42'

export type StaffMember = { id: number | string; email: string; role: Role; password: string; token: string; user: any }

/**
 * Create one staff account and log it in through REST. The first account of a database always
 * becomes an admin (collections/Users/hooks/roleGuards.ts), so create the admin first.
 */
export async function createUser(payload: Payload, role: Role, data: Record<string, unknown> = {}): Promise<StaffMember> {
  const email = `${unique(role)}@example.test`
  const user = await payload.create({
    collection: 'users',
    data: { email, password: TEST_PASSWORD, name: `Test ${role}`, role, ...data } as any,
    overrideAccess: true,
  })
  const token = await login(email, TEST_PASSWORD)
  return { id: user.id, email, role: user.role as Role, password: TEST_PASSWORD, token, user }
}

/** One account of each role, admin first. */
export async function createStaff(payload: Payload): Promise<Record<Role, StaffMember>> {
  const admin = await createUser(payload, 'admin')
  const editor = await createUser(payload, 'editor')
  const contributor = await createUser(payload, 'contributor')
  return { admin, editor, contributor }
}

type Data = Record<string, unknown>
type Options = { user?: unknown; overrideAccess?: boolean; locale?: 'en' | 'ur' }

async function make(payload: Payload, collection: string, data: Data, options: Options = {}): Promise<any> {
  return payload.create({
    collection: collection as any,
    data: data as any,
    overrideAccess: options.overrideAccess ?? true,
    user: options.user as any,
    locale: options.locale,
  })
}

export const makeOrganisation = (payload: Payload, data: Data = {}, options?: Options) =>
  make(payload, 'organisations', { name: `Org ${unique('o')}`, ...data }, options)

export const makeTopic = (payload: Payload, data: Data = {}, options?: Options) =>
  make(payload, 'topics', { name: `Topic ${unique('t')}`, ...data }, options)

export const makePerson = (payload: Payload, data: Data = {}, options?: Options) =>
  make(payload, 'people', { name: `Person ${unique('p')}`, ...data }, options)

export const makeProgram = (payload: Payload, data: Data = {}, options?: Options) =>
  make(payload, 'programs', { title: `Program ${unique('pr')}`, ...data }, options)

export const makeCampaign = (payload: Payload, data: Data = {}, options?: Options) =>
  make(payload, 'campaigns', { title: `Campaign ${unique('c')}`, ...data }, options)

export const makeOffice = (payload: Payload, data: Data = {}, options?: Options) =>
  make(
    payload,
    'offices',
    { name: `Office ${unique('of')}`, city: 'Lahore', addressLines: [{ line: '22, Tipu Block' }], ...data },
    options,
  )

/**
 * A statement needs an issuing organisation; pass one as `data.issuingOrganisation` or one is
 * created. The speaker defaults to a typed name.
 */
export async function makeStatement(payload: Payload, data: Data = {}, options?: Options): Promise<any> {
  const issuingOrganisation = data.issuingOrganisation ?? (await makeOrganisation(payload)).id
  return make(
    payload,
    'statements',
    {
      title: `Statement ${unique('s')}`,
      statementType: 'delivered-statement',
      speakerName: 'A. Speaker',
      deliveredOn: '2022-07-01T12:00:00.000Z',
      body: richText(['Distinguished delegates.']),
      ...data,
      issuingOrganisation,
    },
    options,
  )
}

/** The data a minimal valid statement needs, for tests that post it themselves (REST, GraphQL). */
export function statementData(issuingOrganisation: number | string, data: Data = {}): Data {
  return {
    title: `Statement ${unique('s')}`,
    statementType: 'press-release',
    speakerName: 'A. Speaker',
    issuingOrganisation,
    deliveredOn: '2022-07-01T12:00:00.000Z',
    ...data,
  }
}

/** A small PNG made on this machine with sharp (nothing downloaded). */
export async function pngBuffer(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 11, g: 61, b: 92 } } })
    .png()
    .toBuffer()
}

/** A minimal valid one-page PDF. */
export function pdfBuffer(text = 'Daleel test document'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null, // content stream, below
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  const stream = `BT /F1 12 Tf 20 70 Td (${text}) Tj ET`
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

/** Upload an image (PNG) through the Local API; `alt` is required for images. */
export async function makeImage(payload: Payload, data: Data = {}, options?: Options): Promise<any> {
  const png = await pngBuffer()
  return payload.create({
    collection: 'media',
    data: { alt: 'A plain blue test picture', ...data } as any,
    file: { data: png, mimetype: 'image/png', name: `${unique('img')}.png`, size: png.length },
    overrideAccess: options?.overrideAccess ?? true,
    user: options?.user as any,
  })
}

/** Upload a PDF through the Local API. */
export async function makePdf(payload: Payload, data: Data = {}, options?: Options): Promise<any> {
  const pdf = pdfBuffer()
  return payload.create({
    collection: 'media',
    data: data as any,
    file: { data: pdf, mimetype: 'application/pdf', name: `${unique('doc')}.pdf`, size: pdf.length },
    overrideAccess: options?.overrideAccess ?? true,
    user: options?.user as any,
  })
}

/**
 * Run `fn` and return the ValidationError it throws (or fail the test if it does not).
 * Payload puts field errors in `error.data.errors[]` as `{ path, message }`.
 */
export async function validationErrors(fn: () => Promise<unknown>): Promise<{ path: string; message: string }[]> {
  let caught: any
  try {
    await fn()
  } catch (error) {
    caught = error
  }
  if (!caught) throw new Error('Expected a validation error, but the operation succeeded.')
  const errors = caught?.data?.errors
  if (!Array.isArray(errors)) throw caught
  return errors
}

/** The message Payload gives for one field path, from a list of field errors. */
export function messageFor(errors: { path: string; message: string }[], path: string): string | undefined {
  return errors.find((e) => e.path === path)?.message
}
