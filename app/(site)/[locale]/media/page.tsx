import type { Metadata } from 'next'

import { LanguageSwitcher } from '@/site/components/LanguageSwitcher'
import { MediaItem, type MediaDoc } from '@/site/components/MediaItem'
import { t } from '@/site/i18n'
import { localeParam } from '@/site/params'
import { listMedia } from '@/site/queries'
import { pageMetadata } from '@/site/seo'

type Props = { params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params)
  return pageMetadata({ locale, path: '/media', title: t(locale).media, description: t(locale).mediaDescription })
}

function kindOf(m: MediaDoc): 'images' | 'audio' | 'video' | 'documents' | null {
  const mime = m.mimeType ?? ''
  if (mime.startsWith('image/')) return 'images'
  if (mime.startsWith('audio/')) return 'audio'
  if (mime.startsWith('video/')) return 'video'
  if (mime === 'application/pdf') return 'documents'
  return null // caption files are shown with their recording, not on their own
}

export default async function MediaPage({ params }: Props) {
  const locale = await localeParam(params)
  const dict = t(locale)
  const media = (await listMedia(locale)) as MediaDoc[]
  const groups = (['images', 'audio', 'video', 'documents'] as const).map((k) => ({ k, items: media.filter((m) => kindOf(m) === k) }))
  return (
    <>
      <LanguageSwitcher locale={locale} path="/media" />
      <main id="main" className="wrap">
        <h1>{dict.media}</h1>
        {groups.every((g) => !g.items.length) ? <p>{dict.noMedia}</p> : null}
        {groups.map(({ k, items }) =>
          items.length ? (
            <section key={k} aria-labelledby={`media-${k}`}>
              <h2 id={`media-${k}`}>{dict[k]}</h2>
              <ul className={k === 'documents' ? 'plain' : 'gallery'}>
                {items.map((m) => (
                  <li key={m.id}>
                    <MediaItem locale={locale} media={m} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null,
        )}
      </main>
    </>
  )
}
