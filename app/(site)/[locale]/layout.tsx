import { notFound } from 'next/navigation'
import type { ReactNode } from 'react'

import { isLocale, isRTL, localeCodes } from '@/lib/locales'

export function generateStaticParams() {
  return localeCodes.map((locale) => ({ locale }))
}

export const dynamicParams = false

export default async function SiteLayout({
  children,
  params,
}: {
  children: ReactNode
  params: Promise<{ locale: string }>
}) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  return (
    <html lang={locale} dir={isRTL(locale) ? 'rtl' : 'ltr'}>
      <body>{children}</body>
    </html>
  )
}
