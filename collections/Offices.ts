import type { CollectionConfig } from 'payload'

import { publishedOrStaff } from '../access/published'
import { isEditor } from '../access/staff'
import { requiredInDefaultLocale } from '../fields/content'
import { phoneProblem } from '../lib/phone'
import { publishingFields, recordPublication } from '../fields/publishing'

/** Where the organisation can be visited, called or written to (GOV.UK's contact format). */
export const Offices: CollectionConfig = {
  slug: 'offices',
  labels: { singular: 'Office', plural: 'Offices' },
  admin: {
    group: 'Organisation',
    useAsTitle: 'name',
    defaultColumns: ['name', 'city', 'headOffice', 'displayOrder', '_status'],
    description: 'Addresses and phone numbers shown on the contact page.',
  },
  defaultSort: 'displayOrder',
  versions: { drafts: { autosave: { interval: 2000 } }, maxPerDoc: 50 },
  access: { read: publishedOrStaff, create: isEditor, update: isEditor, delete: isEditor },
  hooks: { beforeChange: [recordPublication] },
  fields: [
    { name: 'name', type: 'text', localized: true, required: true, admin: { description: 'e.g. Islamabad office.' } },
    { name: 'organisation', type: 'relationship', relationTo: 'organisations' },
    { name: 'city', type: 'text', localized: true, required: true },
    {
      name: 'addressLines',
      type: 'array',
      minRows: 1,
      labels: { singular: 'Address line', plural: 'Address lines' },
      admin: { description: 'Street address, one line each, as it should appear on an envelope.' },
      fields: [{ name: 'line', type: 'text', localized: true, validate: requiredInDefaultLocale('Write the address line, or remove the empty row.') }],
    },
    { name: 'country', type: 'text', localized: true, required: true, defaultValue: 'Pakistan' },
    {
      name: 'countryCallingCode',
      type: 'text',
      defaultValue: '92',
      admin: { description: 'Used to make phone links work from abroad (92 for Pakistan).' },
      validate: (v: unknown) => (!v || /^[0-9]{1,4}$/.test(String(v)) ? true : 'Use 1 to 4 digits, e.g. 92.'),
    },
    {
      name: 'phones',
      type: 'array',
      labels: { singular: 'Phone number', plural: 'Phone numbers' },
      fields: [
        { name: 'label', type: 'text', localized: true, admin: { description: 'e.g. Phone, Fax, Helpline.' } },
        { name: 'number', type: 'text', required: true, validate: (v: unknown) => phoneProblem(v) ?? true },
      ],
    },
    { name: 'email', type: 'email' },
    { name: 'openingHours', type: 'textarea', localized: true },
    {
      name: 'coordinates',
      type: 'group',
      admin: { description: 'Optional. Adds a map link on the contact page.' },
      fields: [
        { name: 'latitude', type: 'number', min: -90, max: 90 },
        { name: 'longitude', type: 'number', min: -180, max: 180 },
      ],
    },
    { name: 'headOffice', type: 'checkbox', defaultValue: false, admin: { position: 'sidebar' } },
    {
      name: 'displayOrder',
      type: 'number',
      defaultValue: 10,
      admin: { position: 'sidebar', description: 'Lower numbers are listed first (after the head office).' },
    },
    ...publishingFields,
  ],
}
