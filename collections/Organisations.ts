import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/staff'
import { slugField } from '../content/slug'

/**
 * Organisations that issue statements, fund work or partner in it (e.g. the Centre for
 * Governance Research, The Asia Foundation). One record each, so attribution is consistent.
 */
export const Organisations: CollectionConfig = {
  slug: 'organisations',
  labels: { singular: 'Organisation', plural: 'Organisations' },
  admin: {
    group: 'Organisation',
    useAsTitle: 'name',
    defaultColumns: ['name', 'acronym', 'updatedAt'],
    description: 'Issuers, funders and partners named in your content.',
  },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    { name: 'name', type: 'text', localized: true, required: true, admin: { description: 'The full name, e.g. Centre for Peace and Development Initiatives.' } },
    slugField('name'),
    { name: 'acronym', type: 'text', localized: true, admin: { description: 'e.g. CGR, CPDI.' } },
    { name: 'website', type: 'text', validate: validateOptionalUrl, admin: { description: 'Their website, starting with https:// (optional).' } },
  ],
}

export function validateOptionalUrl(value: unknown): true | string {
  if (value === undefined || value === null || value === '') return true
  try {
    const url = new URL(String(value))
    return url.protocol === 'https:' || url.protocol === 'http:' ? true : 'Use a web address starting with https://'
  } catch {
    return 'Use a full web address starting with https://'
  }
}
