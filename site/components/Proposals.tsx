import type { Locale } from '@/content/locales'
import { formatNumber } from '@/site/format'
import { t } from '@/site/i18n'

/** The anchor of a statement's proposal (1-based): /statements/x#proposal-2. Feeds use the same. */
const proposalAnchor = (n: number) => `proposal-${n}`

/**
 * A statement's numbered proposals, each addressable (id and a "#" link readers can copy). Shown
 * where the text marks their place, once. Rows still in English on the Urdu page say so.
 */
export function ProposalList({ locale, proposals, isFallback }: { locale: Locale; proposals: Array<{ id?: string | null; text?: string | null }>; isFallback: (index: number) => boolean }) {
  const dict = t(locale)
  return (
    <>
      <ol className="proposals">
        {proposals.map((p, i) => {
          const missing = isFallback(i)
          const anchor = proposalAnchor(i + 1)
          return (
            <li key={p.id ?? i} id={anchor} lang={missing ? 'en' : undefined} dir={missing ? 'ltr' : undefined}>
              {p.text}{' '}
              <a className="permalink" href={`#${anchor}`}>
                <span aria-hidden="true">#</span>
                <span className="visually-hidden" lang={missing ? locale : undefined}>
                  {dict.linkToProposal(formatNumber(locale, i + 1))}
                </span>
              </a>
            </li>
          )
        })}
      </ol>
      {proposals.some((_, i) => isFallback(i)) ? (
        <p className="untranslated" lang="ur">
          {t('ur').missingTranslation}
        </p>
      ) : null}
    </>
  )
}
