/**
 * schema.org structured data (JSON-LD) for the public pages, built from the same documents the
 * page shows. One builder per kind of thing, so a person or an organisation is described the same
 * way wherever it appears.
 */
import type { Locale } from '@/content/locales'
import type { Media, Office, Organisation, Person } from '@/payload-types'

import { telHref } from './phone'
import { personPath } from './paths'
import { absoluteUrl } from './seo'

type Ld = Record<string, unknown>

const orgOf = (value: unknown): Organisation | null => (value && typeof value === 'object' ? (value as Organisation) : null)

/** An office's postal address. */
function postalAddress(o: Office): Ld {
  return {
    '@type': 'PostalAddress',
    streetAddress: (o.addressLines ?? []).map((l) => l.line).filter(Boolean).join(', ') || undefined,
    addressLocality: o.city,
    addressCountry: o.country,
  }
}

/** Each phone number of an office as a ContactPoint (international form, as a tel: link dials it). */
function contactPoints(o: Office): Ld[] {
  return (o.phones ?? []).map((p) => ({
    '@type': 'ContactPoint',
    telephone: telHref(p.number, o.countryCallingCode ?? '92').replace(/^tel:/, ''),
    contactType: p.label || 'customer service',
    areaServed: o.country,
    name: o.name,
    email: o.email ?? undefined,
  }))
}

/** An organisation, with the addresses and phone numbers of its offices when we have them. */
export function organisationLd(org: { name: string; url?: string | null; logo?: unknown; description?: string | null; email?: string | null; sameAs?: string[] }, offices: Office[] = []): Ld {
  const logo = org.logo && typeof org.logo === 'object' ? (org.logo as Media) : null
  return {
    '@type': 'Organization',
    name: org.name,
    url: org.url ?? undefined,
    logo: logo?.url ? absoluteUrl(logo.url) : undefined,
    description: org.description ?? undefined,
    email: org.email ?? undefined,
    sameAs: org.sameAs?.length ? org.sameAs : undefined,
    address: offices.length ? offices.map(postalAddress) : undefined,
    contactPoint: offices.length ? offices.flatMap(contactPoints) : undefined,
  }
}

/** The offices that belong to an organisation (offices name theirs). */
export function officesOf(offices: Office[], org: Organisation | number | string | null | undefined): Office[] {
  const id = org && typeof org === 'object' ? org.id : org
  if (id === null || id === undefined) return []
  return offices.filter((o) => (o.organisation && typeof o.organisation === 'object' ? o.organisation.id : o.organisation) === id)
}

/** A reference to an organisation (inside another thing's data). */
export function orgRef(value: unknown): Ld | undefined {
  const org = orgOf(value)
  return org ? { '@type': 'Organization', name: org.name, url: org.website ?? undefined } : undefined
}

export function personLd(locale: Locale, p: Person, extra: Ld = {}): Ld {
  return {
    '@type': 'Person',
    name: p.name,
    jobTitle: p.role ?? undefined,
    worksFor: orgRef(p.organisation),
    url: absoluteUrl(personPath(locale, p.slug)),
    ...extra,
  }
}

/** With the context, ready for <JsonLd>. */
export const ld = (data: Ld): Ld => ({ '@context': 'https://schema.org', ...data })
