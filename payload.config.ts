/**
 * Assembles the CMS: collections, globals, languages, database and editor.
 * Each concern lives in its own folder (see docs/architecture.md); this file only wires them.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { AuditLog } from './collections/AuditLog'
import { Campaigns } from './collections/Campaigns'
import { Media } from './collections/Media'
import { trackMediaUsage } from './media/usage'
import { Offices } from './collections/Offices'
import { Organisations } from './collections/Organisations'
import { People } from './collections/People'
import { Programs } from './collections/Programs'
import { Statements } from './collections/Statements'
import { Topics } from './collections/Topics'
import { Users } from './collections/Users'
import { Navigation } from './globals/Navigation'
import { SiteSettings } from './globals/SiteSettings'
import { partnerApi } from './partner-api/plugin'
import { canManageJobs, canRunJobs } from './access/jobs'
import { withEditorialWorkflow } from './workflow/editorialWorkflow'
import { databaseAdapter } from './platform/database'
import { emailAdapter } from './platform/email'
import { defaultLocale, locales } from './content/locales'
import { largestUpload, limitedSharp } from './media/policy'
import { mediaStoragePlugins } from './media/storage'
import { payloadSecret } from './platform/secret'
import { PREVIEWABLE, previewUrl } from './workflow/preview'
import { serverURL } from './platform/serverUrl'
import { adminI18n } from './translations'
import { withAdminLanguage } from './translations/languageChoice'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: serverURL(),
  secret: payloadSecret(),
  db: databaseAdapter(),
  editor: lexicalEditor(),
  // Refuses to decode images declaring more pixels than MEDIA_MAX_MEGAPIXELS (decompression bombs).
  sharp: limitedSharp(sharp),
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    // The brand only: the rest of the title is in the admin's language.
    meta: { titleSuffix: ' · Daleel' },
    // Day first, as read in Pakistan, in both admin languages ("22 November 2026" / "22 نومبر 2026").
    dateFormat: 'd MMMM yyyy, h:mm a',
    // No Gravatar: it would send a hash of every staff e-mail to a third party on each admin page
    // (and the admin's Content-Security-Policy allows images from our own origin only).
    avatar: 'default',
    // Live preview shows the draft in the real site: the iframe goes through /next/preview, which
    // checks the logged-in staff member before turning on draft mode.
    livePreview: {
      collections: [...PREVIEWABLE],
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
  // withEditorialWorkflow (workflow/editorialWorkflow.ts): review states, updatedBy, 409 on stale saves,
  // contributor limits, trash, linked-delete refusal and the audit log.
  collections: [
    withEditorialWorkflow(Programs, { review: true }),
    withEditorialWorkflow(Statements, { review: true }),
    withEditorialWorkflow(Campaigns, { review: true }),
    Media,
    withEditorialWorkflow(Offices),
    withEditorialWorkflow(People),
    withEditorialWorkflow(Topics),
    withEditorialWorkflow(Organisations),
    withAdminLanguage(Users),
    AuditLog,
  ],
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
  defaultDepth: 1,
  maxDepth: 4,
  graphQL: { disablePlaygroundInProduction: true, maxComplexity: 1000 },
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), declare: false },
  telemetry: false,
  // Media usage (which items published content shows) and, with S3_BUCKET, shared file storage.
  // Partner API last, so its hooks see every collection: keys, webhooks, API cache (partner-api/plugin.ts).
  plugins: [trackMediaUsage, ...mediaStoragePlugins(), partnerApi()],
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
})
