'use client'

// Error boundaries must be client components (Next requires it); this is the only one on the site.
import { useParams } from 'next/navigation'

import { errorText } from '@/lib/site/errorText'

export default function SiteError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const params = useParams<{ locale?: string }>()
  const locale = params?.locale === 'ur' ? 'ur' : 'en'
  const dict = errorText[locale]
  return (
    <main id="main" className="wrap">
      <h1>{dict.errorTitle}</h1>
      <p>{dict.errorBody}</p>
      <p>
        <button type="button" onClick={() => reset()}>
          {dict.tryAgain}
        </button>{' '}
        <a href={locale === 'ur' ? '/ur' : '/'}>{dict.goHome}</a>
      </p>
    </main>
  )
}
