import type { Locale } from '@/content/locales'
import { formatBytes, formatNumber, comma } from '@/site/format'
import { t } from '@/site/i18n'
import type { Media } from '@/payload-types'

import { Img } from './Img'
import { RichText } from './RichText'

/** Media as the site reads it, including the document/recording details (optional everywhere). */
export type MediaDoc = Media & {
  kind?: string | null
  captions?: unknown
  pdf?: { title?: string | null; language?: string | null; pageCount?: number | null; accessible?: boolean | null; alternativeFormatContactEmail?: string | null }
}

/** "PDF, 120 KB, 3 pages": what a reader wants to know before downloading. */
function fileFacts(locale: Locale, media: MediaDoc): string {
  const dict = t(locale)
  const parts = [media.mimeType === 'application/pdf' ? dict.pdf : (media.mimeType ?? '')]
  const size = formatBytes(locale, media.filesize)
  if (size) parts.push(size)
  if (media.pdf?.pageCount) parts.push(dict.pages(formatNumber(locale, media.pdf.pageCount)))
  return parts.filter(Boolean).join(comma(locale))
}

/** A document link with its size and page count, and the accessible-format contact when it has one. */
export function DocumentLink({ locale, media }: { locale: Locale; media: MediaDoc }) {
  const dict = t(locale)
  const title = media.pdf?.title || media.caption || media.filename
  return (
    <>
      <a href={media.url ?? undefined} type={media.mimeType ?? undefined}>
        {title}
      </a>{' '}
      <span className="muted">({fileFacts(locale, media)})</span>
      {media.pdf && !media.pdf.accessible && media.pdf.alternativeFormatContactEmail ? (
        <span className="meta">
          {' '}
          {dict.alternativeFormat}{' '}
          <a href={`mailto:${media.pdf.alternativeFormatContactEmail}`}>{media.pdf.alternativeFormatContactEmail}</a>
        </span>
      ) : null}
    </>
  )
}

/** One media item as readers meet it: a picture, a native player with captions and transcript, or a document link. */
export function MediaItem({ locale, media }: { locale: Locale; media: MediaDoc }) {
  const dict = t(locale)
  const mime = media.mimeType ?? ''
  const caption =
    media.caption || media.credit ? (
      <figcaption>
        {media.caption}
        {media.caption && media.credit ? ' — ' : null}
        {media.credit}
      </figcaption>
    ) : null
  if (mime.startsWith('image/')) {
    return (
      <figure>
        <Img media={media} use="card" />
        {caption}
      </figure>
    )
  }
  if (mime.startsWith('audio/') || mime.startsWith('video/')) {
    const Player = mime.startsWith('audio/') ? 'audio' : 'video'
    const transcriptId = `transcript-${media.id}`
    const captions = media.captions && typeof media.captions === 'object' ? (media.captions as Media) : null
    return (
      <figure>
        <Player controls preload="none" aria-describedby={media.transcript ? transcriptId : undefined}>
          <source src={media.url ?? undefined} type={mime} />
          {captions?.url ? <track kind="captions" src={captions.url} srcLang={locale} label={dict.captions} default /> : null}
          <a href={media.url ?? undefined}>{media.filename}</a>
        </Player>
        {caption}
        {media.transcript ? (
          <details id={transcriptId}>
            <summary>{dict.transcript}</summary>
            <RichText data={media.transcript} locale={locale} />
          </details>
        ) : null}
      </figure>
    )
  }
  return (
    <p>
      <DocumentLink locale={locale} media={media} />
    </p>
  )
}
