import { NextResponse, type NextRequest } from 'next/server'

import { browserAdminLanguage } from './translations/languageChoice'
import { ADMIN_LANGUAGE_COOKIE } from './translations/languages'

/**
 * Two small jobs, each on only the requests that need it (see `config.matcher`):
 * - /ur pages: tells the app which language an Urdu address asked for, for the one page that cannot
 *   get it from the route: the 404 for addresses that match no page (app/global-not-found.tsx).
 * - admin and API requests from a browser that asks for Urdu and has not chosen an admin language:
 *   Payload matches Accept-Language only against the languages it ships, so it would answer in
 *   English. The proxy passes the browser's choice on as Payload's language cookie, on the request
 *   only (translations/languageChoice.ts).
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers)
  const { pathname } = request.nextUrl
  if (pathname === '/ur' || pathname.startsWith('/ur/')) {
    headers.set('x-daleel-locale', 'ur')
    return NextResponse.next({ request: { headers } })
  }
  const language = browserAdminLanguage(request.headers.get('accept-language'))
  if (!language || language === 'en' || request.cookies.has(ADMIN_LANGUAGE_COOKIE)) return NextResponse.next()
  const cookie = headers.get('cookie')
  headers.set('cookie', `${cookie ? `${cookie}; ` : ''}${ADMIN_LANGUAGE_COOKIE}=${language}`)
  return NextResponse.next({ request: { headers } })
}

// Admin and API requests run the proxy only when the header mentions Urdu and no language cookie
// (payload-lng) is set; everything else skips it. Literal values: Next reads this config statically.
export const config = {
  matcher: [
    '/ur',
    '/ur/:path*',
    {
      source: '/admin/:path*',
      has: [{ type: 'header', key: 'accept-language', value: '.*ur.*' }],
      missing: [{ type: 'cookie', key: 'payload-lng' }],
    },
    {
      source: '/api/:path*',
      has: [{ type: 'header', key: 'accept-language', value: '.*ur.*' }],
      missing: [{ type: 'cookie', key: 'payload-lng' }],
    },
  ],
}
