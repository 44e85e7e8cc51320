'use client'

// Error boundaries must be client components (Next requires it); this is the only one on the site.
import { useParams, usePathname } from 'next/navigation'

import { errorText } from '@/site/errorText'

export default function SiteError(_props: { error: Error & { digest?: string }; reset: () => void }) {
  const params = useParams<{ locale?: string }>()
  const pathname = usePathname()
  const locale = params?.locale === 'ur' ? 'ur' : 'en'
  const dict = errorText[locale]
  return (
    <main id="main" className="wrap">
      <h1>{dict.errorTitle}</h1>
      <p>{dict.errorBody}</p>
      <p>
        {/* A link, not reset(): readers get pages without the client runtime, so "try again" is a reload. */}
        <a href={pathname || (locale === 'ur' ? '/ur' : '/')}>{dict.tryAgain}</a>{' '}
        <a href={locale === 'ur' ? '/ur' : '/'}>{dict.goHome}</a>
      </p>
    </main>
  )
}
