import { withPayload } from '@payloadcms/next/withPayload'
import path from 'node:path'
import type { NextConfig } from 'next'

import { securityHeaders } from './platform/securityHeaders'

/**
 * English pages live at the root (/statements/x) and Urdu under /ur (/ur/statements/x). Both are
 * served by app/(site)/[locale]/…: English paths are rewritten to /en/… internally, so one set of
 * page files serves both languages and the locale is a route parameter (statically cacheable).
 */
const NOT_ENGLISH_PAGES = '(?!ur(?:/|$)|en(?:/|$)|admin|api|_next|next/|favicon\\.ico|icon\\.svg|fonts/|robots\\.txt|sitemap\\.xml)'

const nextConfig: NextConfig = {
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  poweredByHeader: false,
  // Next copies into the standalone output every file a server route might read, and a path built
  // from process.cwd() (the database file, the media folder, backups) counts as the whole project:
  // the image then carried the sources, the tests and the local database (data/). The runtime is
  // compiled code plus packages (scripts/build-runtime.mjs), so project files stay out. Kept:
  // package.json and the Redis cache handler, which Next loads by path.
  outputFileTracingExcludes: {
    '*': [
      './{access,app,bench,collections,content,data,deploy,docs,globals,media,migrations,partner-api,scripts,search,seed,site,test-results,tests,translations,workflow}/**',
      './platform/**/*.ts',
      './*.{ts,md,yml,yaml}',
      './{.env*,Dockerfile,eslint.config.mjs,jest.config.js,tsconfig.json,tsconfig.tsbuildinfo,package-lock.json}',
    ],
  },
  // Several servers (REDIS_URL set): rendered pages and revalidations are shared through Redis so a
  // publish on one server is fresh on all, and no server keeps a private in-memory copy.
  // Decided when the config loads (`next start`; for standalone images, at build time).
  // One server (the embedded default): Next's file cache, with revalidations kept on disk so they
  // outlive a restart (platform/file-cache-handler.mjs says why).
  ...(process.env.REDIS_URL
    ? { cacheHandler: path.join(process.cwd(), 'platform/redis-cache-handler.mjs'), cacheMaxMemorySize: 0 }
    : { cacheHandler: path.join(process.cwd(), 'platform/file-cache-handler.mjs') }),
  reactStrictMode: true,
  // app/global-not-found.tsx: addresses that match no page get a complete, server-rendered 404
  // document (readable without JavaScript), with status 404.
  experimental: { globalNotFound: true },
  images: {
    // Media URLs are relative (/api/media/file/…), so Next never fetches from a private address.
    localPatterns: [{ pathname: '/api/media/file/**' }],
    formats: ['image/webp'],
  },
  async rewrites() {
    return {
      beforeFiles: [
        { source: '/', destination: '/en' },
        { source: `/:path(${NOT_ENGLISH_PAGES}.*)`, destination: '/en/:path' },
      ],
      afterFiles: [],
      fallback: [],
    }
  },
  async headers() {
    // CSP, HSTS (production only), nosniff, referrer and permissions policies: platform/securityHeaders.ts.
    return securityHeaders({ production: process.env.NODE_ENV === 'production' })
  },
  async redirects() {
    // /en/… is an internal address; send people to the canonical one.
    return [
      { source: '/en', destination: '/', permanent: true },
      { source: '/en/:path*', destination: '/:path*', permanent: true },
    ]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
