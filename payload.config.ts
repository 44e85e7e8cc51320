/**
 * Assembles the CMS: collections, globals, languages, database and editor.
 * Each concern lives in its own folder (see docs/architecture.md); this file only wires them.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig, type CollectionSlug } from 'payload'
import sharp from 'sharp'

import { AuditLog } from './collections/AuditLog'
import { trackMediaUsage } from './media/usage'
import { Users } from './collections/Users'
import { contentChanges } from './content/changes/pipeline'
import { contentCollections, slugsWhere } from './content/registry'
import { Navigation } from './globals/Navigation'
import { SiteSettings } from './globals/SiteSettings'
import { answerConstraintViolations, idChecks, inputChecks, keepRefusalReasons } from './platform/constraints'
import { partnerApi } from './partner-api/plugin'
import { canManageJobs, canRunJobs } from './access/jobs'
import { databaseAdapter } from './platform/database'
import { emailAdapter } from './platform/email'
import { editor } from './content/editor'
import { defaultLocale, locales } from './content/locales'
import { largestUpload, limitedSharp } from './media/policy'
import { mediaStoragePlugins } from './media/storage'
import { payloadSecret } from './platform/secret'
import { previewUrl } from './workflow/preview'
import { serverURL } from './platform/serverUrl'
import { adminI18n } from './translations'
import { withAdminLanguage } from './translations/languageChoice'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: serverURL(),
  secret: payloadSecret(),
  db: databaseAdapter(),
  // Rich text with links limited to public documents and uploads (content/editor.ts).
  editor,
  // Refuses to decode images declaring more pixels than MEDIA_MAX_MEGAPIXELS (decompression bombs).
  sharp: limitedSharp(sharp),
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    // The brand only: the rest of the title is in the admin's language. No Open Graph image
    // renderer (/api/og draws a PNG per request from query text, for anyone): the admin is never
    // shared on social media.
    meta: { titleSuffix: ' · Daleel', defaultOGImageType: 'off' },
    // Day first, as read in Pakistan, in both admin languages ("22 November 2026" / "22 نومبر 2026").
    dateFormat: 'd MMMM yyyy, h:mm a',
    // No Gravatar: it would send a hash of every staff e-mail to a third party on each admin page
    // (and the admin's Content-Security-Policy allows images from our own origin only).
    avatar: 'default',
    // Live preview shows the draft in the real site: the iframe goes through /next/preview, which
    // checks the logged-in staff member before turning on draft mode.
    livePreview: {
      collections: slugsWhere((t) => t.preview) as CollectionSlug[],
      url: ({ collectionConfig, data, locale }) => previewUrl(collectionConfig?.slug ?? '', data?.slug, locale?.code),
      breakpoints: [
        { name: 'phone', label: 'Phone', width: 375, height: 667 },
        { name: 'desktop', label: 'Desktop', width: 1280, height: 800 },
      ],
    },
    // Registered by path so `npm run generate` adds it to the import map.
    components: {
      beforeDashboard: ['/workflow/WorkflowDashboard#WorkflowDashboard'],
      // The admin language follows the person (saved with their account); each localized field
      // carries its content's language and direction (translations/).
      providers: ['/translations/AdminLanguage#AdminLanguage', '/translations/ContentLanguageFields#ContentLanguageFields'],
    },
  },
  // The admin in English or Urdu (right to left), chosen by each staff member: translations/.
  i18n: adminI18n,
  // The content types, from the registry (content/registry.ts), each with its editorial workflow
  // (review states, updatedBy, 409 on stale saves, contributor limits, trash, linked-delete refusal).
  collections: [...contentCollections(), withAdminLanguage(Users), AuditLog],
  globals: [SiteSettings, Navigation],
  localization: {
    locales: locales.map((l) => ({ code: l.code, label: l.nativeLabel, rtl: l.rtl })),
    defaultLocale,
    // A missing Urdu translation shows the English text; the site says so.
    fallback: true,
  },
  upload: {
    // Refuse, never truncate, anything over the limit.
    // The largest per-kind limit (media/policy.ts): the parser stops reading there and answers 413.
    limits: { fileSize: largestUpload() },
    requestSizeLimit: largestUpload() + 2 * 1024 * 1024,
    abortOnLimit: true,
  },
  // Only our own origin may make credentialed requests.
  csrf: [serverURL()],
  // A database constraint broken by client input (array rows carrying ids already in use, a delete
  // of something still referred to) is a 400/409 naming the field, never a 500 (platform/constraints.ts).
  // (and what Payload's own collections and endpoints hand the database unchecked: constraints.ts).
  // A refused save keeps its reasons per field whichever copy of Payload threw it (constraints.ts).
  hooks: { afterError: [keepRefusalReasons as any, answerConstraintViolations as any] },
  defaultDepth: 1,
  maxDepth: 4,
  graphQL: { disablePlaygroundInProduction: true, maxComplexity: 1000 },
  // Types come from `npm run generate` only. Payload's default would start a `payload generate:types`
  // process on every start outside production (each test file, seed and build step: a second full
  // config load each time, a large share of the test suite's CPU) and rewrite this committed file.
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), declare: false, autoGenerate: false },
  telemetry: false,
  // Media usage (which items published content shows) and, with S3_BUCKET, shared file storage;
  // the partner API (keys, webhooks, partner-api/plugin.ts); row IDs unique per document. The change
  // pipeline LAST, so its hooks are on every collection and global and run after theirs
  // (content/changes/pipeline.ts).
  plugins: [trackMediaUsage, ...mediaStoragePlugins(), partnerApi(), idChecks, contentChanges()],
  // Tests only want to hear about problems.
  logger: process.env.NODE_ENV === 'test' ? { options: { level: 'warn' } } : undefined,
  // Password reset and invitation mail (SMTP from the environment; console without SMTP_HOST).
  email: emailAdapter(),
  jobs: {
    // Only editors/admins, or a cron with CRON_SECRET, may run the queue through /api/payload-jobs/run.
    access: { run: canRunJobs, queue: canManageJobs, cancel: canManageJobs },
    // Scheduled publish/unpublish run from inside the app; `/api/payload-jobs/run` also works
    // for an external cron. Not during builds, tests or one-off scripts.
    autoRun: [{ cron: '* * * * *', queue: 'default', limit: 20 }],
    shouldAutoRun: () => process.env.DALEEL_JOBS !== 'off' && process.env.NEXT_PHASE !== 'phase-production-build',
  },
  // Malformed IDs, limits and pages and misshapen values are refused on every collection,
  // Payload's own included, which are added after plugins run (platform/constraints.ts).
}).then(inputChecks)
