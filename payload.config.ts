/**
 * Assembles the CMS: collections, globals, languages, database and editor.
 * Each concern lives in its own folder (see docs/architecture.md); this file only wires them.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Campaigns } from './collections/Campaigns'
import { Media } from './collections/Media'
import { Offices } from './collections/Offices'
import { Organisations } from './collections/Organisations'
import { People } from './collections/People'
import { Programs } from './collections/Programs'
import { Statements } from './collections/Statements'
import { Topics } from './collections/Topics'
import { Users } from './collections/Users'
import { Navigation } from './globals/Navigation'
import { SiteSettings } from './globals/SiteSettings'
import { databaseAdapter } from './lib/database'
import { defaultLocale, locales } from './lib/locales'
import { payloadSecret } from './lib/secret'
import { serverURL } from './lib/serverUrl'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: serverURL(),
  secret: payloadSecret(),
  db: databaseAdapter(),
  editor: lexicalEditor(),
  sharp,
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Daleel admin' },
  },
  collections: [Programs, Statements, Campaigns, Media, Offices, People, Topics, Organisations, Users],
  globals: [SiteSettings, Navigation],
  localization: {
    locales: locales.map((l) => ({ code: l.code, label: l.nativeLabel, rtl: l.rtl })),
    defaultLocale,
    // A missing Urdu translation shows the English text; the site says so.
    fallback: true,
  },
  upload: {
    // Refuse, never truncate, anything over the limit.
    limits: { fileSize: 50 * 1024 * 1024 },
    abortOnLimit: true,
  },
  // Only our own origin may make credentialed requests.
  csrf: [serverURL()],
  defaultDepth: 1,
  maxDepth: 4,
  graphQL: { disablePlaygroundInProduction: true, maxComplexity: 1000 },
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), declare: false },
  telemetry: false,
  // Tests only want to hear about problems.
  logger: process.env.NODE_ENV === 'test' ? { options: { level: 'warn' } } : undefined,
  jobs: {
    // Scheduled publish/unpublish run from inside the app; `/api/payload-jobs/run` also works
    // for an external cron. Not during builds, tests or one-off scripts.
    autoRun: [{ cron: '* * * * *', queue: 'default', limit: 20 }],
    shouldAutoRun: () => process.env.DALEEL_JOBS !== 'off' && process.env.NEXT_PHASE !== 'phase-production-build',
  },
})
