import config from '@payload-config'
import type { Metadata } from 'next'

import { LanguageSwitcher } from '@/site/components/LanguageSwitcher'
import { feedPath } from '@/partner-api/feeds'
import { buildOpenAPI } from '@/partner-api/openapi'
import { DEFAULT_LIMIT, MAX_DEPTH, MAX_LIMIT } from '@/partner-api/queryGuard'
import { apiSettings } from '@/partner-api/settings'
import type { Locale } from '@/content/locales'
import { serverURL } from '@/platform/serverUrl'
import { localeParam } from '@/site/params'
import { getSiteSettings } from '@/site/queries'
import { pageMetadata } from '@/site/seo'

/**
 * The partner developer page: what the API offers, how to get a key, examples, limits, feeds,
 * webhooks, and a reference rendered on the server from /api/openapi.json (no external scripts;
 * works without JavaScript: each endpoint is a <details>, and list endpoints have a plain form).
 */
type Props = { params: Promise<{ locale: string }> }

// Long URLs in examples wrap instead of widening the page.
const preStyle = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const

const copy = {
  en: {
    title: 'Developers: the Daleel API',
    intro:
      'Everything we publish is available as JSON, free to use: statements, campaigns, programs, offices, people, topics, organisations and media. Only published content is ever served; drafts never are.',
    available: 'What is available',
    keyTitle: 'Getting a partner key',
    key: 'You can read the API without a key. If you build a regular integration, ask us for a partner key: it raises your rate limit and tells us who to contact about changes. Write to us with your organisation name, a contact email and what you plan to build. The key is shown once: keep it secret, on your server, never in a web page.',
    contact: 'Contact',
    examples: 'Examples',
    limitsTitle: 'Rate limits and caps',
    feedsTitle: 'Feeds',
    feeds: 'Every feed has an English and an Urdu version, carries the full text, and lists published items only.',
    webhooksTitle: 'Webhooks',
    reference: 'API reference',
    referenceNote: 'Generated from the content model, so it is always current. The machine-readable version is',
    tryIt: 'Try it',
    open: 'Open JSON',
    parameters: 'Parameters',
    fields: 'Fields',
    localized: 'localized',
  },
  ur: {
    title: 'ڈویلپرز: دلیل API',
    intro:
      'ہم جو کچھ شائع کرتے ہیں وہ JSON میں مفت دستیاب ہے: بیانات، مہمات، پروگرام، دفاتر، افراد، موضوعات، تنظیمیں اور میڈیا۔ صرف شائع شدہ مواد دکھایا جاتا ہے، مسودے کبھی نہیں۔',
    available: 'کیا دستیاب ہے',
    keyTitle: 'پارٹنر کلید حاصل کرنا',
    key: 'API کلید کے بغیر بھی پڑھی جا سکتی ہے۔ باقاعدہ انضمام کے لیے ہم سے پارٹنر کلید مانگیں: اس سے آپ کی حد بڑھ جاتی ہے اور ہمیں معلوم رہتا ہے کہ تبدیلیوں کے بارے میں کس سے رابطہ کریں۔ اپنی تنظیم کا نام، رابطے کا ای میل اور منصوبہ لکھ بھیجیں۔ کلید صرف ایک بار دکھائی جاتی ہے: اسے اپنے سرور پر خفیہ رکھیں، کبھی ویب صفحے میں نہیں۔',
    contact: 'رابطہ',
    examples: 'مثالیں',
    limitsTitle: 'حدود',
    feedsTitle: 'فیڈز',
    feeds: 'ہر فیڈ انگریزی اور اردو میں ہے، مکمل متن کے ساتھ، اور صرف شائع شدہ مواد پر مشتمل ہے۔',
    webhooksTitle: 'ویب ہُکس',
    reference: 'API حوالہ',
    referenceNote: 'مواد کے ڈھانچے سے خود بخود تیار ہوتا ہے، اس لیے ہمیشہ تازہ ہے۔ مشین کے پڑھنے کے لیے:',
    tryIt: 'آزمائیں',
    open: 'JSON کھولیں',
    parameters: 'پیرامیٹرز',
    fields: 'فیلڈز',
    localized: 'ترجمہ شدہ',
  },
} satisfies Record<Locale, Record<string, string>>

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params)
  return pageMetadata({ locale, path: '/developers', title: copy[locale].title, description: copy[locale].intro })
}

function typeOf(schema: any): string {
  if (!schema || typeof schema !== 'object') return 'any'
  if (schema.$ref) return String(schema.$ref).split('/').pop()!
  if (schema.anyOf) {
    const parts = schema.anyOf.filter((s: any) => s.type !== 'null' && !(s.type === 'object' && s.propertyNames))
    return [...new Set(parts.map(typeOf))].join(' | ')
  }
  if (schema.type === 'array') return `${typeOf(schema.items)}[]`
  if (schema.enum) return schema.enum.map((e: string) => JSON.stringify(e)).join(' | ')
  return Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any')
}

const isLocalized = (s: any): boolean => Boolean(s?.['x-localized'] || s?.anyOf?.some((x: any) => x?.['x-localized']))

export default async function DevelopersPage({ params }: Props) {
  const locale = await localeParam(params)
  const c = copy[locale]
  const doc: any = buildOpenAPI(await config)
  const settings: any = await getSiteSettings(locale).catch(() => null)
  const s = apiSettings()
  const base = serverURL()
  const feeds = [
    ['Everything', 'all'],
    ['Statements', 'statements'],
    ['Campaigns', 'campaigns'],
  ] as const

  return (
    <>
      <LanguageSwitcher locale={locale} path="/developers" />
      <main id="main" className="wrap">
        <h1>{c.title}</h1>
        <p>{c.intro}</p>

        <h2 id="available">{c.available}</h2>
        <ul>
          {Object.entries<any>(doc.paths)
            .filter(([p]) => !p.includes('{id}'))
            .map(([p, item]) => (
              <li key={p} dir="ltr" lang="en">
                <code>GET {p}</code> — {item.get.summary}
              </li>
            ))}
        </ul>

        <h2 id="keys">{c.keyTitle}</h2>
        <p>{c.key}</p>
        {settings?.contactEmail ? (
          <p>
            {c.contact}: <a href={`mailto:${settings.contactEmail}`}>{settings.contactEmail}</a>
          </p>
        ) : null}

        <h2 id="examples">{c.examples}</h2>
        <div dir="ltr" lang="en">
          <p>curl</p>
          <pre style={preStyle}>
            <code>{`# Latest 5 statements in Urdu (no key needed)
curl '${base}/api/statements?limit=5&locale=ur'

# Statements on one topic, newest first, with a partner key
curl -H 'Authorization: partner-keys API-Key YOUR_KEY' \\
  '${base}/api/statements?where[topics.slug][equals]=trafficking-in-persons&sort=-deliveredOn&depth=1'

# Only fetch again when something changed
curl -H 'If-None-Match: W/"etag-from-last-time"' '${base}/api/campaigns'`}</code>
          </pre>
          <p>JavaScript (Node 18+, on your server)</p>
          <pre style={preStyle}>
            <code>{`const res = await fetch('${base}/api/statements?limit=10&locale=en', {
  headers: { Authorization: \`partner-keys API-Key \${process.env.DALEEL_KEY}\` },
})
if (res.status === 429) {
  const wait = Number(res.headers.get('Retry-After')) // seconds
}
const { docs, hasNextPage, nextPage } = await res.json()`}</code>
          </pre>
        </div>

        <h2 id="limits">{c.limitsTitle}</h2>
        <ul dir="ltr" lang="en">
          <li>
            Anonymous: {s.anonymousPerMinute} requests/minute per IP address. Partner key: {s.partnerPerMinute} requests/minute per key.
          </li>
          <li>
            Every response carries <code>RateLimit-Limit</code>, <code>RateLimit-Remaining</code> and <code>RateLimit-Reset</code>; over the limit you get
            <code> 429</code> with <code>Retry-After</code> (seconds).
          </li>
          <li>
            <code>limit</code> 1–{MAX_LIMIT} (default {DEFAULT_LIMIT}); <code>depth</code> 0–{MAX_DEPTH}; <code>limit=0</code> and <code>pagination=false</code> are
            refused with 400 — page through results instead.
          </li>
          <li>
            Bad input gets 400 with <code>{`{"errors":[{"message","parameter","code"}]}`}</code> naming the parameter: unknown operators, malformed{' '}
            <code>where</code>, fields that are not public, numbers out of range.
          </li>
          <li>
            Responses carry <code>ETag</code> and <code>Cache-Control: max-age={s.cacheMaxAge}, stale-while-revalidate={s.cacheStaleWhileRevalidate}</code>; send{' '}
            <code>If-None-Match</code> to get 304.
          </li>
          <li>Browsers on any site may GET without credentials (CORS <code>*</code>). Keys are read-only: any write with a key gets 403.</li>
        </ul>

        <h2 id="feeds">{c.feedsTitle}</h2>
        <p>{c.feeds}</p>
        <ul dir="ltr" lang="en">
          {feeds.map(([label, kind]) => (
            <li key={kind}>
              {label}: <a href={feedPath(locale, kind, 'rss')}>RSS</a> · <a href={feedPath(locale, kind, 'atom')}>Atom</a> ·{' '}
              <a href={feedPath(locale, kind, 'json')}>JSON Feed</a>
            </li>
          ))}
          <li>
            Per topic: <code>/topics/&lt;slug&gt;/feed.xml</code>, <code>feed.atom</code>, <code>feed.json</code>; Urdu under <code>/ur/…</code>.
          </li>
        </ul>

        <h2 id="webhooks">{c.webhooksTitle}</h2>
        <div dir="ltr" lang="en">
          <p>
            We can call your HTTPS endpoint when content is <code>published</code>, <code>updated</code>, <code>unpublished</code> or <code>withdrawn</code> (never
            for drafts). Ask us to register your URL; you receive a signing secret once. Each call is a JSON POST:
          </p>
          <pre style={preStyle}>
            <code>{`POST /your/endpoint
X-Daleel-Event: published
X-Daleel-Delivery: 42
X-Daleel-Timestamp: 1795369387
X-Daleel-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with your secret>

{"id":"42","event":"published","collection":"statements","occurredAt":"…",
 "document":{"id":1,"slug":"…","title":"…","url":"${base}/statements/…","apiUrl":"${base}/api/statements/1"}}`}</code>
          </pre>
          <p>Verify it in Node:</p>
          <pre style={preStyle}>
            <code>{`import crypto from 'node:crypto'
const expected = 'sha256=' + crypto.createHmac('sha256', SECRET).update(\`\${timestamp}.\${rawBody}\`).digest('hex')
const ok = crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature))
  && Math.abs(Date.now() / 1000 - Number(timestamp)) < 300 // refuse replays`}</code>
          </pre>
          <p>Answer with any 2xx within 10 seconds. Anything else is retried with exponential backoff, up to 6 attempts in all.</p>
        </div>

        <h2 id="reference">{c.reference}</h2>
        <p>
          {c.referenceNote} <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
        </p>
        <div dir="ltr" lang="en">
          {Object.entries<any>(doc.paths).map(([path, item]) => {
            const op = item.get
            const schemaRef: string | undefined = op.responses['200']?.content?.['application/json']?.schema?.$ref
            const schemaName = schemaRef?.split('/').pop()
            const schema = schemaName ? doc.components.schemas[schemaName] : null
            const docSchema = schema?.properties?.docs ? doc.components.schemas[schemaName!.replace(/List$/, '')] : schema
            return (
              <details key={path} id={op.operationId}>
                <summary>
                  <code>GET {path}</code> — {op.summary}
                </summary>
                {op.description ? <p>{op.description}</p> : null}
                <h3>{c.parameters}</h3>
                <table>
                  <tbody>
                    {op.parameters.map((p: any) => (
                      <tr key={p.name}>
                        <th scope="row">
                          <code>{p.name}</code>
                        </th>
                        <td>{typeOf(p.schema)}</td>
                        <td>{p.description}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {docSchema?.properties ? (
                  <>
                    <h3>{c.fields}</h3>
                    <ul>
                      {Object.entries<any>(docSchema.properties).map(([name, fs]) => (
                        <li key={name}>
                          <code>{name}</code>: {typeOf(fs)}
                          {isLocalized(fs) ? ` (${c.localized})` : ''}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                <p>Errors: {Object.keys(op.responses).filter((k) => Number(k) >= 400).join(', ')} — JSON {'{"errors":[…]}'}.</p>
                {!path.includes('{id}') && !path.startsWith('/api/globals') ? (
                  <form method="get" action={path}>
                    <fieldset>
                      <legend>{c.tryIt}</legend>
                      <label>
                        limit <input name="limit" type="number" min={1} max={MAX_LIMIT} defaultValue={5} />
                      </label>{' '}
                      <label>
                        locale{' '}
                        <select name="locale" defaultValue={locale}>
                          <option>en</option>
                          <option>ur</option>
                          <option>all</option>
                        </select>
                      </label>{' '}
                      <label>
                        depth <input name="depth" type="number" min={0} max={MAX_DEPTH} defaultValue={0} />
                      </label>{' '}
                      <button type="submit">{c.open}</button>
                    </fieldset>
                  </form>
                ) : null}
              </details>
            )
          })}
        </div>
      </main>
    </>
  )
}
