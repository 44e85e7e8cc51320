import type { MetadataRoute } from 'next'

import { absoluteUrl } from '@/site/seo'

/** robots.txt: the public site is open to crawlers; the admin, the API and previews are not. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api', '/next/'] }],
    sitemap: absoluteUrl('/sitemap.xml'),
  }
}
