import type { Locale } from '@/content/locales'
import { statementTypes, type StatementType } from '@/content/statementTypes'
import { formatDate, isoDay } from '@/site/format'
import { t } from '@/site/i18n'
import { campaignPath, programPath, statementPath } from '@/site/paths'
import { isFallback } from '@/site/translation'
import type { Campaign, Organisation, Person, Program, Statement } from '@/payload-types'

import { Img } from './Img'
import { Localized } from './Localized'

type H = 'h2' | 'h3'

export function relName(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null
  const v = value as { name?: string; title?: string }
  return v.name ?? v.title ?? null
}

export function speakerOf(s: Pick<Statement, 'speaker' | 'speakerName'>): { name: string | null; person: Person | null } {
  const person = s.speaker && typeof s.speaker === 'object' ? (s.speaker as Person) : null
  return { name: person?.name ?? s.speakerName ?? null, person }
}

export function StatementList({ locale, items, heading = 'h3' }: { locale: Locale; items: Statement[]; heading?: H }) {
  const dict = t(locale)
  if (!items.length) return <p className="muted">{dict.nothingYet}</p>
  return (
    <ul className="cards">
      {items.map((s) => {
        const type = statementTypes[s.statementType as StatementType]
        const { name } = speakerOf(s)
        const org = relName(s.issuingOrganisation as Organisation)
        return (
          <li key={s.id} className="card">
            <p className="eyebrow">
              {type ? type.label[locale] : null}
              {s.withdrawal?.withdrawn ? <span className="tag tag-warn">{dict.withdrawn}</span> : null}
            </p>
            <Localized as={heading} fallback={isFallback(locale, s.title)}>
              <a href={statementPath(locale, s.slug)}>{s.title}</a>
            </Localized>
            <p className="meta">
              <time dateTime={isoDay(s.deliveredOn)}>{formatDate(locale, s.deliveredOn)}</time>
              {name ? <> · {name}</> : null}
              {org ? <> · {org}</> : null}
            </p>
            {s.summary ? (
              <Localized as="p" fallback={isFallback(locale, s.summary)}>
                {s.summary}
              </Localized>
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}

export function CampaignList({ locale, items, heading = 'h3' }: { locale: Locale; items: Campaign[]; heading?: H }) {
  const dict = t(locale)
  if (!items.length) return <p className="muted">{dict.nothingYet}</p>
  return (
    <ul className="cards">
      {items.map((c) => (
        <li key={c.id} className="card">
          {c.status ? <p className="eyebrow">{dict[c.status]}</p> : null}
          <Localized as={heading} fallback={isFallback(locale, c.title)}>
            <a href={campaignPath(locale, c.slug)}>{c.title}</a>
          </Localized>
          <p className="meta">
            <CampaignDates locale={locale} campaign={c} />
          </p>
          {c.summary ? (
            <Localized as="p" fallback={isFallback(locale, c.summary)}>
              {c.summary}
            </Localized>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

export function CampaignDates({ locale, campaign }: { locale: Locale; campaign: Pick<Campaign, 'startDate' | 'endDate'> }) {
  const dict = t(locale)
  const { startDate, endDate } = campaign
  if (!startDate && !endDate) return <>{dict.noDates}</>
  return (
    <>
      {startDate ? (
        <>
          {dict.starts}: <time dateTime={isoDay(startDate)}>{formatDate(locale, startDate)}</time>
        </>
      ) : null}
      {startDate && endDate ? ' · ' : null}
      {endDate ? (
        <>
          {dict.ends}: <time dateTime={isoDay(endDate)}>{formatDate(locale, endDate)}</time>
        </>
      ) : null}
    </>
  )
}

export function ProgramList({ locale, items, heading = 'h3', images = false }: { locale: Locale; items: Program[]; heading?: H; images?: boolean }) {
  const dict = t(locale)
  if (!items.length) return <p className="muted">{dict.nothingYet}</p>
  return (
    <ul className="cards">
      {items.map((p) => (
        <li key={p.id} className="card">
          {images ? <Img media={p.heroImage} use="card" /> : null}
          <p className="eyebrow">{dict[p.programStatus]}</p>
          <Localized as={heading} fallback={isFallback(locale, p.title)}>
            <a href={programPath(locale, p.slug)}>{p.title}</a>
          </Localized>
          {p.summary ? (
            <Localized as="p" fallback={isFallback(locale, p.summary)}>
              {p.summary}
            </Localized>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
