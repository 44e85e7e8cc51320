import type { Metadata } from 'next'

import { LanguageSwitcher } from '@/site/components/LanguageSwitcher'
import { Subscribe } from '@/site/components/Subscribe'
import { ProgramList } from '@/site/components/Lists'
import { t } from '@/site/i18n'
import { localeParam } from '@/site/params'
import { listPrograms } from '@/site/queries'
import { pageMetadata } from '@/site/seo'

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params)
  return pageMetadata({ locale, path: '/programs', title: t(locale).programs, description: t(locale).programsDescription, feeds: { kind: 'programs' } })
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
        <Subscribe locale={locale} scope={{ kind: 'programs' }} what={dict.feedWhat.programs} />
      </main>
    </>
  )
}
