import type { Metadata } from 'next'

import { LanguageSwitcher } from '@/components/site/LanguageSwitcher'
import { ProgramList } from '@/components/site/Lists'
import { t } from '@/lib/site/i18n'
import { localeParam } from '@/lib/site/params'
import { listPrograms } from '@/lib/site/queries'
import { pageMetadata } from '@/lib/site/seo'

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params)
  return pageMetadata({ locale, path: '/programs', title: t(locale).programs, description: t(locale).programsDescription })
}

export default async function ProgramsPage({ params }: Props) {
  const locale = await localeParam(params)
  const programs = await listPrograms(locale)
  const dict = t(locale)
  const active = programs.filter((p) => p.programStatus !== 'completed')
  const completed = programs.filter((p) => p.programStatus === 'completed')
  return (
    <>
      <LanguageSwitcher locale={locale} path="/programs" />
      <main id="main" className="wrap">
        <h1>{dict.programs}</h1>
        {completed.length ? (
          <>
            <h2>{dict.active}</h2>
            <ProgramList locale={locale} items={active} images />
            <h2>{dict.completed}</h2>
            <ProgramList locale={locale} items={completed} images />
          </>
        ) : (
          <ProgramList locale={locale} items={active} heading="h2" images />
        )}
      </main>
    </>
  )
}
