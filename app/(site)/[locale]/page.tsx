import { payloadClient } from '@/lib/payload'
import { isLocale } from '@/lib/locales'

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  const payload = await payloadClient()
  const settings = await payload.findGlobal({
    slug: 'site-settings',
    locale: isLocale(locale) ? locale : 'en',
    overrideAccess: false,
  })
  return (
    <main id="main">
      <h1>{settings.organisationName || 'Daleel'}</h1>
      {settings.tagline ? <p>{settings.tagline}</p> : null}
    </main>
  )
}
