import { NextResponse, type NextRequest } from 'next/server'

/**
 * Tells the app which language an Urdu address asked for, for the one page that cannot get it from
 * the route: the 404 for addresses that match no page (app/global-not-found.tsx). Runs only on
 * /ur paths; every other request skips it.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers)
  headers.set('x-daleel-locale', 'ur')
  return NextResponse.next({ request: { headers } })
}

export const config = { matcher: ['/ur', '/ur/:path*'] }
