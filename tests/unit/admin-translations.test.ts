/**
 * Issue 15: the admin's Urdu is complete and keeps what Payload fills in. Missing keys of Payload's
 * English are caught earlier, by the type check (translations/payload-ur.ts is typed as the English
 * object); this also covers the rich-text editor's strings, which have no exported type.
 */
process.env.PAYLOAD_SECRET ||= 'unit-test-secret-0123456789abcdef0123456789'
process.env.DATABASE_URI ||= 'file:/tmp/daleel-unit-admin-translations.db'
process.env.DALEEL_JOBS = 'off'

import { enTranslations } from '@payloadcms/translations/languages/en'

import { adminHtmlProps, relationshipEditButton } from '../../translations/languages'
import { browserAdminLanguage } from '../../translations/languageChoice'
import { lexicalControlNames, lexicalUrdu } from '../../translations/lexical-ur'
import { payloadUrdu } from '../../translations/payload-ur'

type Tree = { [key: string]: Tree | string }

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}:${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of leaves(value, path)) out.set(k, v)
  }
  return out
}

/** What Payload replaces or turns into markup: {{name}} placeholders and numbered/HTML tags. */
function markers(text: string): string[] {
  return [...(text.match(/\{\{\s*\w+\s*\}\}|<\/?\d+>|<\/?(?:a|br)\b[^>]*>/g) ?? [])].map((m) => m.replace(/\s+/g, '')).sort()
}

const ARABIC_SCRIPT = /[\u0600-\u06FF]/

function expectSameShape(english: Map<string, string>, urdu: Map<string, string>, { extraAllowed = false } = {}) {
  if (!extraAllowed) expect([...urdu.keys()].filter((k) => !english.has(k))).toEqual([])
  expect([...english.keys()].filter((k) => !urdu.has(k))).toEqual([])
  const wrong: string[] = []
  for (const [key, en] of english) {
    const ur = urdu.get(key) ?? ''
    if (JSON.stringify(markers(en)) !== JSON.stringify(markers(ur))) wrong.push(`${key}: placeholders ${markers(en)} vs ${markers(ur)}`)
    if (!ARABIC_SCRIPT.test(ur)) wrong.push(`${key}: not written in Urdu ("${ur}")`)
  }
  expect(wrong).toEqual([])
}

test("Payload's own strings: every key translated, placeholders and tags kept", () => {
  expectSameShape(leaves(enTranslations as unknown as Tree), leaves(payloadUrdu as unknown as Tree))
})

test("the rich-text editor's and the plugins' strings: every key they have in English is translated", async () => {
  const config = await (await import('../../payload.config')).default
  const translations = config.i18n.translations as Record<string, Tree>
  const english = translations.en.lexical as Tree
  expect(Object.keys(english).length).toBeGreaterThan(5)
  // Urdu may also cover Lexical features our editor does not use yet (blocks, text styles).
  expectSameShape(leaves(english), leaves(lexicalUrdu.lexical as unknown as Tree), { extraAllowed: true })
  // And the config serves them to the Urdu admin.
  expect(translations.ur.lexical).toEqual(lexicalUrdu.lexical)
  expect(Object.keys(config.i18n.supportedLanguages)).toEqual(['en', 'ur'])
  // Every other namespace a plugin adds in English (plugin-redirects, and any added later).
  const namespaces = Object.keys(translations.en).filter((k) => k !== 'lexical' && k !== '$schema')
  expect(namespaces).toContain('plugin-redirects')
  for (const ns of namespaces) expectSameShape(leaves(translations.en[ns] as Tree, ns), leaves((translations.ur[ns] ?? {}) as Tree, ns))
}, 180_000) // loading the whole config is slow on a busy machine

test("the editor controls Lexical names in English in its markup are the ones we rename", async () => {
  const { readdirSync, readFileSync, statSync } = await import('node:fs')
  const path = await import('node:path')
  const root = path.join(process.cwd(), 'node_modules', '@payloadcms', 'richtext-lexical')
  const files: string[] = []
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f)
      if (statSync(p).isDirectory()) walk(p)
      else if (p.endsWith('.js') && !p.includes(`${path.sep}exports${path.sep}`)) files.push(p)
    }
  }
  walk(path.join(root, 'dist'))
  const source = files.map((f) => readFileSync(f, 'utf8')).join('\n')
  for (const [selector, names] of Object.entries(lexicalControlNames)) {
    expect(source).toContain(`"aria-label": "${names.en}"`)
    expect(source).toContain(selector.slice(1))
    expect(names.ur).toMatch(ARABIC_SCRIPT)
  }
})

test("the relationship value's edit button Payload names in English is the one we rename", async () => {
  const { readFileSync } = await import('node:fs')
  const path = await import('node:path')
  const file = path.join(process.cwd(), 'node_modules/@payloadcms/ui/dist/fields/Relationship/select-components/MultiValueLabel/index.js')
  const source = readFileSync(file, 'utf8')
  // Still English in Payload's markup (else the rename can go), on the element we look for.
  expect(source).toContain('"aria-label": `Edit ${label}`')
  expect(source).toContain(`const baseClass = '${relationshipEditButton.chip.slice(1)}'`)
  expect(relationshipEditButton.selector).toBe(`${relationshipEditButton.chip}__drawer-toggler`)
  expect(source).toContain('className: `${baseClass}__drawer-toggler`')
  // The name we give it is Payload's own translated "Edit {{label}}".
  expect(payloadUrdu.general.editLabel).toMatch(/\{\{label\}\}/)
})

test("the browser's Accept-Language chooses between English and Urdu by quality, then order", () => {
  expect(browserAdminLanguage('ur-PK,ur;q=0.9,en;q=0.8')).toBe('ur')
  expect(browserAdminLanguage('en-GB,en;q=0.9,ur;q=0.8')).toBe('en')
  expect(browserAdminLanguage('en;q=0.5, ur;q=0.7')).toBe('ur')
  expect(browserAdminLanguage('fr-FR,ur;q=0.4')).toBe('ur')
  expect(browserAdminLanguage('ur;q=0, en')).toBe('en')
  expect(browserAdminLanguage('fr, de')).toBeUndefined()
  expect(browserAdminLanguage('*')).toBeUndefined()
  expect(browserAdminLanguage(null)).toBeUndefined()
  // "ru" (Russian) and "tr" are not Urdu.
  expect(browserAdminLanguage('ru-RU, tr')).toBeUndefined()
})

test('the Urdu admin is laid out right to left; English keeps what Payload sets', () => {
  expect(adminHtmlProps('ur')).toEqual({ dir: 'rtl' })
  expect(adminHtmlProps('en')).toEqual({})
})

/** Fields Payload adds and names itself (its own translations cover them). */
const payloadOwnLabels = new Set(['_status', 'email', 'enableAPIKey', 'apiKey', 'hasAPIKey', 'sessions'])
// Options that are API names partners use verbatim (`allowedCollections: ["statements"]`).
const apiNameOptions = new Set(['partner-keys.allowedCollections', 'webhook-endpoints.collections'])

/**
 * Payload's `t` for a language, from the config's translations (what the admin serves): plugins
 * label their fields with functions such as ({ t }) => t('plugin-redirects:fromUrl').
 */
let tFor: (language: 'en' | 'ur') => (key: string) => string = () => (key) => key

const bilingual = (v: unknown) => {
  if (typeof v === 'function') {
    const [en, ur] = (['en', 'ur'] as const).map((language) => v({ t: tFor(language), i18n: { language, t: tFor(language) } }))
    return typeof en === 'string' && !en.includes(':') && ARABIC_SCRIPT.test(ur ?? '')
  }
  return Boolean(v && typeof v === 'object' && typeof (v as any).en === 'string' && (v as any).en.trim() && ARABIC_SCRIPT.test((v as any).ur ?? ''))
}

function unlabelled(fields: any[], where: string): string[] {
  const problems: string[] = []
  for (const f of fields) {
    const path = `${where}.${f.name ?? f.type}`
    const shown = !(f.admin?.hidden || f.admin?.disabled || f.hidden)
    if (!shown || payloadOwnLabels.has(f.name)) continue
    // `label: false` draws no label at all (a group whose fields carry their own).
    const labelled = ['row', 'tabs', 'ui'].includes(f.type) || f.label === false || bilingual(f.label)
    if (!labelled) problems.push(`${path}: label`)
    if (f.admin?.description !== undefined && !bilingual(f.admin.description)) problems.push(`${path}: description`)
    if (f.labels && !(bilingual(f.labels.singular) && bilingual(f.labels.plural))) problems.push(`${path}: row labels`)
    if (Array.isArray(f.options) && !apiNameOptions.has(path) && !f.options.every((o: any) => bilingual(o?.label))) problems.push(`${path}: options`)
    if (f.fields) problems.push(...unlabelled(f.fields, path))
    if (f.tabs) for (const tab of f.tabs) problems.push(...unlabelled(tab.fields, path))
  }
  return problems
}

test('every collection, global, group, field, description and option staff see is in English and Urdu', async () => {
  const config = await (await import('../../payload.config')).default
  const translations = config.i18n.translations as Record<string, Tree>
  const own = { en: enTranslations as unknown as Tree, ur: payloadUrdu as unknown as Tree }
  tFor = (language) => (key) => {
    const [ns, name] = key.split(':')
    const value = ((translations[language]?.[ns] ?? own[language][ns]) as Tree | undefined)?.[name]
    return typeof value === 'string' ? value : key
  }
  const problems: string[] = []
  for (const c of config.collections.filter((c) => !c.admin?.hidden)) {
    if (!bilingual(c.labels.singular) || !bilingual(c.labels.plural)) problems.push(`${c.slug}: labels`)
    if (!bilingual(c.admin?.group)) problems.push(`${c.slug}: group`)
    if (!bilingual(c.admin?.description)) problems.push(`${c.slug}: description`)
    problems.push(...unlabelled(c.fields, c.slug))
  }
  for (const g of config.globals) {
    if (!bilingual(g.label) || !bilingual(g.admin?.group) || !bilingual(g.admin?.description)) problems.push(`globals.${g.slug}: label, group or description`)
    problems.push(...unlabelled(g.fields, `globals.${g.slug}`))
  }
  expect(problems).toEqual([])
}, 180_000)
