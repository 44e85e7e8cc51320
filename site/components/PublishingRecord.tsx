import type { Locale } from '@/content/locales'
import { formatDate, isoDay } from '@/site/format'
import { t } from '@/site/i18n'
import { isFallback } from '@/site/translation'

import { Localized } from './Localized'

type Doc = {
  firstPublishedAt?: string | null
  publishedAt?: string | null
  changeHistory?: { date: string; note?: string | null; id?: string | null }[] | null
  withdrawal?: { withdrawn?: boolean | null; withdrawnAt?: string | null; explanation?: string | null }
}

/** GOV.UK-style withdrawn notice: the page stays up, with the reason, at the top. */
export function WithdrawnNotice({ locale, doc, untranslated }: { locale: Locale; doc: Doc; untranslated?: Record<string, unknown> | null }) {
  if (!doc.withdrawal?.withdrawn) return null
  const dict = t(locale)
  return (
    <section className="notice" aria-labelledby="withdrawn-heading" role="note">
      <h2 id="withdrawn-heading">{dict.withdrawn}</h2>
      {doc.withdrawal.withdrawnAt ? <p>{dict.withdrawnOn(formatDate(locale, doc.withdrawal.withdrawnAt))}</p> : null}
      {doc.withdrawal.explanation ? (
        <Localized as="p" fallback={isFallback(locale, doc.withdrawal.explanation, untranslated, 'withdrawal.explanation')}>
          {doc.withdrawal.explanation}
        </Localized>
      ) : null}
    </section>
  )
}

/** First published, last updated and the public change history. */
export function ChangeHistory({ locale, doc }: { locale: Locale; doc: Doc }) {
  const dict = t(locale)
  const history = doc.changeHistory ?? []
  if (!doc.firstPublishedAt && !history.length) return null
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{dict.history}</h2>
      <dl className="facts">
        {doc.firstPublishedAt ? (
          <>
            <dt>{dict.firstPublished}</dt>
            <dd>
              <time dateTime={isoDay(doc.firstPublishedAt)}>{formatDate(locale, doc.firstPublishedAt)}</time>
            </dd>
          </>
        ) : null}
        {doc.publishedAt && doc.publishedAt !== doc.firstPublishedAt ? (
          <>
            <dt>{dict.lastUpdated}</dt>
            <dd>
              <time dateTime={isoDay(doc.publishedAt)}>{formatDate(locale, doc.publishedAt)}</time>
            </dd>
          </>
        ) : null}
      </dl>
      {history.length ? (
        <ol className="plain">
          {[...history].reverse().map((h, i) => (
            <li key={h.id ?? i}>
              <time dateTime={isoDay(h.date)}>{formatDate(locale, h.date)}</time>
              {h.note ? (
                <>
                  {' — '}
                  <Localized as="span" fallback={isFallback(locale, h.note)}>
                    {h.note}
                  </Localized>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  )
}
