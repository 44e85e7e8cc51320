/**
 * Shown above the admin dashboard: what waits for review, what is scheduled (overdue or failed
 * jobs in red, so nothing is silently lost) and recent changes. A server component: it reads
 * through workflow/dashboard.ts as the signed-in user. Its words follow the admin language.
 */
import { getTranslation, type I18nClient } from '@payloadcms/translations'
import type { Payload } from 'payload'
import React from 'react'

import { reviewStateLabels, type ReviewState } from './editorialWorkflow'
import { workflowDashboard, type DashboardItem } from './dashboard'
import type { Bilingual } from '../translations/labels'

type Props = { payload: Payload; user?: unknown; i18n?: Pick<I18nClient, 'language'> }
type Lang = 'en' | 'ur'

const words = {
  section: { en: 'Editorial workflow', ur: 'اشاعت کا کام' },
  waiting: { en: 'Waiting for review', ur: 'جائزے کے منتظر' },
  nothingWaiting: { en: 'Nothing is waiting for review.', ur: 'کوئی چیز جائزے کی منتظر نہیں۔' },
  noneOfYours: { en: 'None of your drafts is waiting for review.', ur: 'آپ کا کوئی مسودہ جائزے کا منتظر نہیں۔' },
  yourWork: { en: 'Your work', ur: 'آپ کا کام' },
  nothingYet: { en: 'You have not written anything yet.', ur: 'آپ نے ابھی کچھ نہیں لکھا۔' },
  howToSubmit: {
    en: 'When a draft is ready, set “Review” to “Waiting for review” and save. An editor will publish it.',
    ur: 'مسودہ تیار ہو تو "جائزہ" میں "جائزے کا منتظر" چن کر محفوظ کریں۔ کوئی مدیر اسے شائع کر دے گا۔',
  },
  scheduled: { en: 'Scheduled publishing', ur: 'شیڈول شدہ اشاعت' },
  nothingScheduled: { en: 'Nothing is scheduled.', ur: 'کچھ بھی شیڈول نہیں۔' },
  publish: { en: 'Publish', ur: 'اشاعت' },
  unpublish: { en: 'Unpublish', ur: 'اشاعت کی واپسی' },
  aDocument: { en: 'a document', ur: 'ایک دستاویز' },
  at: { en: 'at', ur: 'وقت:' },
  failed: { en: 'FAILED', ur: 'ناکام' },
  overdue: {
    en: 'OVERDUE: the job runner has not run it. Check that jobs are running.',
    ur: 'تاخیر: خودکار کام چلانے والے نے اسے نہیں چلایا۔ دیکھیں کہ خودکار کام چل رہے ہیں۔',
  },
  recent: { en: 'Recent changes', ur: 'حالیہ تبدیلیاں' },
  noChanges: { en: 'No changes yet.', ur: 'ابھی کوئی تبدیلی نہیں۔' },
  savedBy: { en: 'saved by', ur: 'محفوظ کرنے والا:' },
  auditBefore: { en: 'Every publish, unpublish, withdrawal, deletion and role change is in the', ur: 'ہر اشاعت، اشاعت کی واپسی، منسوخی، حذف اور کردار کی تبدیلی' },
  auditLink: { en: 'audit log', ur: 'آڈٹ لاگ' },
  auditAfter: { en: '.', ur: ' میں درج ہے۔' },
  refreshProblems: { en: 'Pages not yet updated after a change', ur: 'تبدیلی کے بعد جو صفحات ابھی تازہ نہیں ہوئے' },
  refreshExplained: {
    en: 'These changes are saved, but some pages, feeds or partner data may still show the old version. They are retried automatically; the ones marked FAILED have stopped retrying.',
    ur: 'یہ تبدیلیاں محفوظ ہیں، لیکن کچھ صفحات، فیڈز یا شراکت داروں کا ڈیٹا ابھی پرانا نسخہ دکھا سکتے ہیں۔ انہیں خود بخود دوبارہ آزمایا جاتا ہے؛ جن پر "ناکام" لکھا ہے ان کی کوششیں رک چکی ہیں۔',
  },
  since: { en: 'Since', ur: 'از' },
  attempt: { en: 'attempt', ur: 'کوشش' },
  attempts: { en: 'attempts', ur: 'کوششیں' },
  askTechnicalContact: { en: 'ask your technical contact to check the server log.', ur: 'اپنے تکنیکی رابطہ کار سے سرور کا لاگ دیکھنے کو کہیں۔' },
} satisfies Record<string, Bilingual>

const when = (iso: string | null | undefined, lang: Lang) =>
  iso
    ? `${new Date(iso).toLocaleString(lang === 'ur' ? 'ur-PK' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`
    : ''

const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  padding: '1rem 1.25rem',
  marginBottom: '1rem',
  background: 'var(--theme-elevation-0)',
}
// Logical properties: the bullets' indent sits on the right in the Urdu admin.
const list: React.CSSProperties = { margin: 0, paddingInlineStart: '1.25rem' }

function ItemList({ items, empty, lang, kind }: { items: DashboardItem[]; empty: string; lang: Lang; kind: (slug: string) => string }) {
  if (!items.length) return <p style={{ margin: 0 }}>{empty}</p>
  return (
    <ul style={list}>
      {items.map((i) => {
        const facts = [kind(i.collection)]
        if (i.reviewState) facts.push(reviewStateLabels[i.reviewState as ReviewState]?.[lang] ?? i.reviewState)
        if (i.updatedBy) facts.push(`${words.savedBy[lang]} ${i.updatedBy}`)
        if (i.updatedAt) facts.push(when(i.updatedAt, lang))
        return (
          <li key={`${i.collection}-${i.id}`}>
            {/* The title is content: it reads in its own direction inside either admin language. */}
            <a href={`/admin/collections/${i.collection}/${i.id}`} dir="auto">
              {i.title}
            </a>{' '}
            <span style={{ color: 'var(--theme-elevation-650)' }}>({facts.join(lang === 'ur' ? '، ' : ', ')})</span>
          </li>
        )
      })}
    </ul>
  )
}

export async function WorkflowDashboard({ payload, user, i18n }: Props) {
  const lang: Lang = i18n?.language === 'ur' ? 'ur' : 'en'
  const t = (w: Bilingual) => w[lang]
  // Collections by their name in the admin language ("Statement", "بیان"), not their slug.
  const kind = (slug: string) => {
    const labels = payload.collections[slug as keyof typeof payload.collections]?.config.labels
    return labels ? getTranslation(labels.singular, { language: lang } as never) : slug
  }
  const data = await workflowDashboard(payload, user)
  const role = (user as { role?: string } | undefined)?.role
  const isEditor = role === 'admin' || role === 'editor'
  return (
    <section aria-label={t(words.section)} style={{ marginBottom: '2rem' }}>
      <div style={box}>
        <h2 style={{ marginTop: 0 }}>
          {t(words.waiting)} ({data.waitingForReview.length})
        </h2>
        <ItemList items={data.waitingForReview} empty={t(isEditor ? words.nothingWaiting : words.noneOfYours)} lang={lang} kind={kind} />
      </div>
      {!isEditor && (
        <div style={box}>
          <h2 style={{ marginTop: 0 }}>{t(words.yourWork)}</h2>
          <ItemList items={data.mine} empty={t(words.nothingYet)} lang={lang} kind={kind} />
          <p style={{ marginBottom: 0 }}>{t(words.howToSubmit)}</p>
        </div>
      )}
      {isEditor && (
        <div style={box}>
          <h2 style={{ marginTop: 0 }}>
            {t(words.scheduled)} ({data.scheduled.length})
          </h2>
          {data.scheduled.length === 0 ? (
            <p style={{ margin: 0 }}>{t(words.nothingScheduled)}</p>
          ) : (
            <ul style={list}>
              {data.scheduled.map((job) => (
                <li key={String(job.id)} style={job.overdue || job.failed ? { color: 'var(--theme-error-500)' } : undefined}>
                  {t(job.type === 'publish' ? words.publish : words.unpublish)}{' '}
                  {job.collection && job.docId !== undefined ? (
                    <a href={`/admin/collections/${job.collection}/${job.docId}`} dir="auto">
                      {job.title ?? `${kind(job.collection)} ${job.docId}`}
                    </a>
                  ) : (
                    t(words.aDocument)
                  )}{' '}
                  {t(words.at)} {when(job.waitUntil, lang)}
                  {job.failed ? ` — ${t(words.failed)}: ${job.error}` : job.overdue ? ` — ${t(words.overdue)}` : ''}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {isEditor && data.refreshProblems.length > 0 && (
        <div style={{ ...box, borderColor: 'var(--theme-error-500)' }}>
          <h2 style={{ marginTop: 0 }}>
            {t(words.refreshProblems)} ({data.refreshProblems.length})
          </h2>
          <p>{t(words.refreshExplained)}</p>
          <ul style={list}>
            {data.refreshProblems.map((p) => (
              <li key={String(p.id)} style={p.failed ? { color: 'var(--theme-error-500)' } : undefined}>
                {t(words.since)} {when(p.since, lang)}{lang === 'ur' ? '،' : ','} {p.attempts} {t(p.attempts === 1 ? words.attempt : words.attempts)}: {p.reason}
                {p.failed ? ` — ${t(words.failed)}: ${t(words.askTechnicalContact)}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div style={box}>
        <h2 style={{ marginTop: 0 }}>{t(words.recent)}</h2>
        <ItemList items={data.recent} empty={t(words.noChanges)} lang={lang} kind={kind} />
        {role === 'admin' && (
          <p style={{ marginBottom: 0 }}>
            {t(words.auditBefore)} <a href="/admin/collections/audit-log">{t(words.auditLink)}</a>
            {t(words.auditAfter)}
          </p>
        )}
      </div>
    </section>
  )
}

export default WorkflowDashboard
