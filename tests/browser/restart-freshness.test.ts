/**
 * A change to what every page shows (site settings, navigation) stays on every page after the
 * server restarts, on the embedded default (one server, Next's file cache, no Redis).
 *
 * Such a change makes the whole site stale at once (revalidatePath('/', 'layout')), and pages are
 * rendered again when next asked for. Next keeps that "stale since" mark in memory only, so after
 * a restart (a deploy of the same build, a crash, the machine rebooting) every page that nobody
 * had opened in between came back from disk as it was before the change: the old brand colour or
 * menu, for good, since pages are cached until a change touches them.
 */
import { jest } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { siteSettings } from '../../seed/content'
import { BASE_URL, adminApiToken } from '../helpers/browser'
import { freePort } from '../helpers/redis'
import { copyDatabase, startServer, stopServer, type Server } from '../helpers/server'

jest.setTimeout(300_000)

const sourceDb = process.env.DATABASE_URI || `file:${path.join(process.cwd(), 'data', 'browser-test.db')}`
const work = mkdtempSync(path.join(os.tmpdir(), 'daleel-restart-'))
// These servers share the build, and so Next's file cache, with the shared test server: pages they
// write must read as that server's (its address in every absolute link), or its next disk read of
// the page would send readers to a server that is gone.
const env = { DATABASE_URI: `file:${path.join(work, 'db.sqlite')}`, MEDIA_DIR: path.join(work, 'media'), SERVER_URL: BASE_URL }
const PAGE = '/ur/contact'
let server: Server | undefined

async function start() {
  server = await startServer(await freePort(), env)
  return server
}
async function stop() {
  if (server) await stopServer(server)
  server = undefined
}

/** The header colour a reader gets (the page's theme-color is the brand colour), and whether Next rendered it. */
async function pageColour(s: Server) {
  const res = await fetch(`${s.url}${PAGE}`)
  const html = await res.text()
  expect(res.status).toBe(200)
  return { colour: html.match(/<meta name="theme-color" content="([^"]+)"/)?.[1], cache: res.headers.get('x-nextjs-cache') }
}

async function setColour(s: Server, brandColour: string) {
  const res = await fetch(`${s.url}/api/globals/site-settings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${await adminApiToken(s.url)}` },
    body: JSON.stringify({ brandColour }),
  })
  expect(res.status).toBe(200)
}

beforeAll(async () => {
  await copyDatabase(sourceDb, path.join(work, 'db.sqlite'))
})
afterAll(async () => {
  await stop()
  rmSync(work, { recursive: true, force: true })
})

test('a new brand colour is on a page nobody opened before the restart, and pages rendered since are not rendered again', async () => {
  let s = await start()
  expect((await pageColour(s)).colour).toBe(siteSettings.brandColour) // rendered and cached on disk now
  await setColour(s, '#5b2a86')
  await stop() // nobody opened the page in between

  s = await start()
  try {
    expect((await pageColour(s)).colour).toBe('#5b2a86')
  } finally {
    // Leave the shared build's cached page as the other tests' database has it.
    await setColour(s, siteSettings.brandColour)
  }
  expect((await pageColour(s)).colour).toBe(siteSettings.brandColour)
  await stop()

  // The page rendered after the change is still good: the next start serves it without rendering.
  s = await start()
  expect(await pageColour(s)).toEqual({ colour: siteSettings.brandColour, cache: 'HIT' })
})
