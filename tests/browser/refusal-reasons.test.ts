/**
 * A refused save says why, field by field, whatever a freshly started server served first.
 *
 * A production build holds two copies of Payload (pages and API routes); the one that starts first
 * serves both. When staff open the admin first after a deploy (a page starts it), Payload's
 * validation errors lost their reasons: the admin said only "The following field is invalid" and
 * partners got no field names. Here each server's first request is the one named, then the same
 * refusals are checked in the admin and through REST.
 */
import { jest } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'

import { adminApiToken, adminLogin, fillAdminField, launchBrowser, newContext } from '../helpers/browser'
import { freePort } from '../helpers/redis'
import { copyDatabase, startServer, stopServer, type Server } from '../helpers/server'

jest.setTimeout(240_000)

const sourceDb = process.env.DATABASE_URI || `file:${path.join(process.cwd(), 'data', 'browser-test.db')}`
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe.each([
  ['an admin page', '/admin/login'],
  ['a public page', '/'],
  ['the API', '/api/health'],
])('a server whose first request is %s', (_label, firstPath) => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'daleel-refusals-'))
  let server: Server
  let token = ''

  beforeAll(async () => {
    await copyDatabase(sourceDb, path.join(work, 'db.sqlite'))
    server = await startServer(await freePort(), { DATABASE_URI: `file:${path.join(work, 'db.sqlite')}`, MEDIA_DIR: path.join(work, 'media') }, { readyPath: firstPath })
    token = await adminApiToken(server.url)
  })
  afterAll(async () => {
    if (server) await stopServer(server)
    rmSync(work, { recursive: true, force: true })
  })

  const rest = async (method: string, apiPath: string, body: unknown) => {
    const res = await fetch(`${server.url}/api${apiPath}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
      body: JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as { errors?: Array<{ message?: string; data?: { errors?: Array<{ path: string; message: string }> } }> } }
  }

  test('the admin shows the reason beside the field', async () => {
    const context = await newContext(browser, { baseURL: server.url })
    const page = await context.newPage()
    try {
      await adminLogin(page)
      await page.goto('/admin/globals/site-settings', { waitUntil: 'load' })
      await fillAdminField(page, '#field-brandColour', '#ffcc00')
      await page.locator('#action-save').click()
      await page.getByText(/too light for the white text of the page header/).first().waitFor({ timeout: 30_000 })
    } finally {
      await context.close()
    }
  })

  test('REST names each refused field with its reason: a global, a collection, a missing required field', async () => {
    const colour = await rest('POST', '/globals/site-settings', { brandColour: '#ffcc00' })
    expect(colour.status).toBe(400)
    expect(colour.body.errors?.[0]?.data?.errors).toEqual([expect.objectContaining({ path: 'brandColour', message: expect.stringContaining('contrast is 1.') })])

    const topic = await rest('POST', '/topics', { description: 'A topic without a name' })
    expect(topic.status).toBe(400)
    expect(topic.body.errors?.[0]?.data?.errors?.map((e) => e.path)).toContain('name')
  })
})
