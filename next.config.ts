import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

/**
 * English pages live at the root (/statements/x) and Urdu under /ur (/ur/statements/x). Both are
 * served by app/(site)/[locale]/…: English paths are rewritten to /en/… internally, so one set of
 * page files serves both languages and the locale is a route parameter (statically cacheable).
 */
const NOT_ENGLISH_PAGES = '(?!ur(?:/|$)|en(?:/|$)|admin|api|_next|next/|favicon\\.ico|fonts/|robots\\.txt)'

const nextConfig: NextConfig = {
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  poweredByHeader: false,
  reactStrictMode: true,
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
  async redirects() {
    // /en/… is an internal address; send people to the canonical one.
    return [
      { source: '/en', destination: '/', permanent: true },
      { source: '/en/:path*', destination: '/:path*', permanent: true },
    ]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
