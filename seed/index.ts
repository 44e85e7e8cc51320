import { randomBytes } from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import sharp from 'sharp'

import {
  campaigns,
  navigation,
  offices,
  organisations,
  people,
  program,
  siteSettings,
  statement,
  topics,
} from './content'

/** Collections the seed fills, in the order they are emptied by --reset (dependants first). */
export const SEEDED_COLLECTIONS = [
  'statements',
  'campaigns',
  'programs',
  'offices',
  'people',
  'topics',
  'organisations',
  'media',
] as const

export type SeedResult = { seeded: boolean; reason?: string; counts: Record<string, number>; adminCreated?: { email: string; password?: string } }

// Demo content is no news for partners: no webhooks. (Pages and caches follow through the change pipeline.)
const context = { disableWebhooks: true, seeding: true }

async function hasContent(payload: Payload): Promise<boolean> {
  for (const collection of SEEDED_COLLECTIONS) {
    const { totalDocs } = await payload.count({ collection, overrideAccess: true })
    if (totalDocs > 0) return true
  }
  return false
}

/** A banner picture made on this machine (the source page had one we do not have): nothing is downloaded. */
async function bannerImage(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="640">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#0b3d5c"/><stop offset="1" stop-color="#1d6f7a"/></linearGradient></defs>
    <rect width="1600" height="640" fill="url(#g)"/>
    <g fill="none" stroke="#ffffff" stroke-opacity="0.18" stroke-width="3">
      ${Array.from({ length: 12 }, (_, i) => `<circle cx="${1200 - i * 20}" cy="320" r="${40 + i * 45}"/>`).join('')}
    </g></svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()
}

/** The demo site's logo, drawn here (a white D on the brand colour, as the tab icon used to be). */
async function logoImage(colour: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${colour}"/><path d="M9 8h7a8 8 0 0 1 0 16H9z" fill="none" stroke="#fff" stroke-width="3"/></svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

export async function ensureAdmin(
  payload: Payload,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SeedResult['adminCreated']> {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return undefined
  let email = env.ADMIN_EMAIL
  let password = env.ADMIN_PASSWORD
  let generated = false
  if (!email || !password) {
    // In production the first admin signs up on /admin's welcome screen instead.
    if (env.NODE_ENV === 'production') return undefined
    email = email || 'admin@daleel.local'
    password = randomBytes(12).toString('base64url')
    generated = true
  }
  await payload.create({
    collection: 'users',
    data: { email, password, name: 'Site admin', role: 'admin' },
    overrideAccess: true,
    context,
  })
  return { email, password: generated ? password : undefined }
}

async function emptyCollections(payload: Payload) {
  for (const collection of SEEDED_COLLECTIONS) {
    await payload.delete({ collection, where: { id: { exists: true } }, overrideAccess: true, context })
  }
}

export async function seed(payload: Payload, options: { reset?: boolean } = {}): Promise<SeedResult> {
  const adminCreated = await ensureAdmin(payload)
  if (await hasContent(payload)) {
    if (!options.reset) {
      return { seeded: false, reason: 'The database already has content; nothing was changed. Use --reset to replace it with the demo content.', counts: {}, adminCreated }
    }
    await emptyCollections(payload)
  }

  const req = undefined as unknown as PayloadRequest | undefined
  const base = { overrideAccess: true, context, req } as const
  const publish = { _status: 'published' as const }

  // Organisations, topics and people first: content refers to them.
  const orgIds: Record<string, number | string> = {}
  for (const [key, o] of Object.entries(organisations)) {
    const doc = await payload.create({ ...base, collection: 'organisations', data: { name: o.name, slug: o.slug, acronym: o.acronym || undefined } })
    await payload.update({ ...base, collection: 'organisations', id: doc.id, locale: 'ur', data: { name: o.demoUrdu.name } })
    orgIds[key] = doc.id
  }
  const topicIds: Record<string, number | string> = {}
  for (const [key, t] of Object.entries(topics)) {
    const doc = await payload.create({ ...base, collection: 'topics', data: { name: t.name, slug: t.slug } })
    await payload.update({ ...base, collection: 'topics', id: doc.id, locale: 'ur', data: { name: t.demoUrdu.name } })
    topicIds[key] = doc.id
  }
  const personIds: Record<string, number | string> = {}
  for (const [key, p] of Object.entries(people)) {
    const doc = await payload.create({
      ...base,
      collection: 'people',
      data: { name: p.name, slug: p.slug, role: p.role, organisation: orgIds[p.organisation] as number },
    })
    await payload.update({ ...base, collection: 'people', id: doc.id, locale: 'ur', data: { name: p.demoUrdu.name, role: p.demoUrdu.role } })
    personIds[key] = doc.id
  }

  const banner = await bannerImage()
  const bannerDoc = await payload.create({
    ...base,
    collection: 'media',
    data: {
      alt: 'Abstract blue banner with concentric circles (a demo picture made for this site).',
      credit: 'Daleel demo',
    },
    file: { data: banner, mimetype: 'image/jpeg', name: 'organized-crimes-banner.jpg', size: banner.length },
  })
  await payload.update({
    ...base,
    collection: 'media',
    id: bannerDoc.id,
    locale: 'ur',
    data: { alt: 'ہم مرکز دائروں والا نیلا بینر (اس سائٹ کے لیے بنائی گئی ڈیمو تصویر)۔' },
  })

  const programDoc = await payload.create({
    ...base,
    collection: 'programs',
    data: {
      ...publish,
      title: program.title,
      slug: program.slug,
      summary: program.summary,
      body: program.body as any,
      programStatus: program.programStatus,
      organisation: orgIds[program.organisation] as number,
      topics: program.topics.map((t) => topicIds[t] as number),
      partners: [],
      keyActivities: program.keyActivities.map((a) => ({
        title: a.title,
        description: a.description,
        funder: 'funder' in a && a.funder ? (orgIds[a.funder] as number) : undefined,
      })),
      heroImage: bannerDoc.id as number,
      relatedMedia: [bannerDoc.id as number],
    },
  })
  await payload.update({
    ...base,
    collection: 'programs',
    id: programDoc.id,
    locale: 'ur',
    data: { ...publish, title: program.demoUrdu.title, summary: program.demoUrdu.summary },
  })

  for (const c of campaigns) {
    const doc = await payload.create({
      ...base,
      collection: 'campaigns',
      data: {
        ...publish,
        title: c.title,
        slug: c.slug,
        summary: c.summary,
        body: c.body as any,
        topics: c.topics.map((t) => topicIds[t] as number),
        relatedPrograms: [programDoc.id as number],
        // The programme page names them as CPDI's campaigns.
        organisation: orgIds[program.organisation] as number,
      },
    })
    await payload.update({ ...base, collection: 'campaigns', id: doc.id, locale: 'ur', data: { ...publish, title: c.demoUrdu.title } })
  }

  const statementDoc = await payload.create({
    ...base,
    collection: 'statements',
    data: {
      ...publish,
      title: statement.title,
      slug: statement.slug,
      summary: statement.summary,
      statementType: statement.statementType,
      speaker: personIds[statement.speaker] as number,
      speakerRole: statement.speakerRole,
      issuingOrganisation: orgIds[statement.issuingOrganisation] as number,
      deliveredOn: statement.deliveredOn,
      event: statement.event,
      eventSegment: statement.eventSegment,
      body: statement.body as any,
      proposals: statement.proposals.map((text) => ({ text })),
      topics: statement.topics.map((t) => topicIds[t] as number),
    },
  })
  await payload.update({
    ...base,
    collection: 'statements',
    id: statementDoc.id,
    locale: 'ur',
    data: {
      ...publish,
      title: statement.demoUrdu.title,
      summary: statement.demoUrdu.summary,
      event: statement.demoUrdu.event,
      eventSegment: statement.demoUrdu.eventSegment,
      speakerRole: people.tariqKhosa.demoUrdu.role,
    },
  })

  for (const o of offices) {
    const doc = await payload.create({
      ...base,
      collection: 'offices',
      data: {
        ...publish,
        name: o.name,
        organisation: orgIds.cgr as number,
        city: o.city,
        addressLines: o.addressLines.map((line) => ({ line })),
        country: 'Pakistan',
        countryCallingCode: '92',
        phones: o.phones.map((number) => ({ label: 'Phone', number })),
        headOffice: false,
        displayOrder: o.displayOrder,
      },
    })
    await payload.update({
      ...base,
      collection: 'offices',
      id: doc.id,
      locale: 'ur',
      data: { ...publish, name: o.demoUrdu.name, city: o.demoUrdu.city, country: o.demoUrdu.country },
    })
  }

  const logo = await logoImage(siteSettings.brandColour)
  const logoDoc = await payload.create({
    ...base,
    collection: 'media',
    data: { alt: siteSettings.logoAlt, credit: 'Daleel demo' },
    file: { data: logo, mimetype: 'image/png', name: 'daleel-demo-logo.png', size: logo.length },
  })
  await payload.update({ ...base, collection: 'media', id: logoDoc.id, locale: 'ur', data: { alt: siteSettings.demoUrdu.logoAlt } })

  await payload.updateGlobal({
    ...base,
    slug: 'site-settings',
    data: {
      logo: logoDoc.id as number,
      brandColour: siteSettings.brandColour,
      organisationName: siteSettings.organisationName,
      tagline: siteSettings.tagline,
      about: siteSettings.about,
      footerText: siteSettings.footerText,
    },
  })
  const { logoAlt: _urduLogoAlt, ...urduSettings } = siteSettings.demoUrdu
  await payload.updateGlobal({ ...base, slug: 'site-settings', locale: 'ur', data: urduSettings })
  const nav = await payload.updateGlobal({
    ...base,
    slug: 'navigation',
    data: { items: navigation.map(({ label, path }) => ({ label, path })) },
  })
  await payload.updateGlobal({
    ...base,
    slug: 'navigation',
    locale: 'ur',
    data: { items: (nav.items ?? []).map((item: { id?: string | null; path: string }, i: number) => ({ id: item.id, path: item.path, label: navigation[i].ur })) },
  })

  const counts: Record<string, number> = {}
  for (const collection of SEEDED_COLLECTIONS) {
    counts[collection] = (await payload.count({ collection, overrideAccess: true })).totalDocs
  }
  return { seeded: true, counts, adminCreated }
}
