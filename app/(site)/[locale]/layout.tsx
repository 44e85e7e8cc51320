import type { Metadata, Viewport } from 'next'
import { notFound } from 'next/navigation'
import type { CSSProperties, ReactNode } from 'react'

import { Footer } from '@/site/components/Footer'
import { Header } from '@/site/components/Header'
import { LivePreviewListener } from '@/site/components/LivePreviewListener'
import { isLocale, isRTL, localeCodes } from '@/content/locales'
import { serverURL } from '@/platform/serverUrl'
import { isPreview } from '@/site/draft'
import { t } from '@/site/i18n'
import { brandColour } from '@/site/colour'
import { siteIcon } from '@/site/identity'
import { getSiteSettings } from '@/site/queries'

import './site.css'

export function generateStaticParams() {
  return localeCodes.map((locale) => ({ locale }))
}

// Only /en (internal, from the rewrite) and /ur exist; any other first segment is a 404 (the
// notFound() below). Not `dynamicParams = false` here: a layout's segment config applies to every
// page under it, so statements published after the build (new slugs) would 404 until a rebuild.

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params
  if (!isLocale(locale)) return {}
  const settings = await getSiteSettings(locale)
  const name = settings.organisationName || 'Daleel'
  return {
    metadataBase: new URL(serverURL()),
    title: { default: name, template: `%s | ${name}` },
    description: settings.tagline ?? undefined,
    openGraph: { siteName: name },
    // The organisation's logo (when square) or its initial on its brand colour (site/identity.ts).
    icons: { icon: [siteIcon(settings)] },
  }
}

export async function generateViewport({ params }: { params: Promise<{ locale: string }> }): Promise<Viewport> {
  const { locale } = await params
  const settings = isLocale(locale) ? await getSiteSettings(locale) : null
  return { themeColor: brandColour(settings?.brandColour), width: 'device-width', initialScale: 1 }
}

export default async function SiteLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const rtl = isRTL(locale)
  // Only staff previewing drafts get the live-preview script; public pages ship none of it.
  const preview = await isPreview()
  // The organisation's colour (Site settings, refused in the admin unless white text reads on it).
  const settings = await getSiteSettings(locale)
  const brand = { '--brand': brandColour(settings.brandColour) } as CSSProperties
  return (
    <html lang={locale} dir={rtl ? 'rtl' : 'ltr'} style={brand}>
      <body>
        <a className="skip-link" href="#main">
          {t(locale).skipToContent}
        </a>
        <Header locale={locale} />
        {children}
        <Footer locale={locale} />
        {preview ? <LivePreviewListener serverURL={serverURL()} /> : null}
      </body>
    </html>
  )
}
