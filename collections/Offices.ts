import type { CollectionConfig } from 'payload'

import { draftModeForStaffOnly, publishedOrStaff } from '../access/published'
import { isEditor } from '../access/staff'
import { requiredInDefaultLocale } from '../content/fields'
import { phoneProblem } from '../site/phone'
import { publishingFields, recordPublication } from '../workflow/publishing'

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
  // Draft mode is for staff only (see access/published.ts).
  hooks: { beforeChange: [recordPublication], beforeOperation: [draftModeForStaffOnly] },
  fields: [
    { name: 'name', type: 'text', localized: true, required: true, admin: { description: 'e.g. Islamabad office.' } },
    { name: 'organisation', type: 'relationship', relationTo: 'organisations', admin: { description: 'Whose office this is (usually your own organisation).' } },
    { name: 'city', type: 'text', localized: true, required: true, admin: { description: 'e.g. Islamabad.' } },
    {
      name: 'addressLines',
      type: 'array',
      minRows: 1,
      labels: { singular: 'Address line', plural: 'Address lines' },
      admin: { description: 'Street address, one line each, as it should appear on an envelope.' },
      fields: [{ name: 'line', type: 'text', localized: true, validate: requiredInDefaultLocale('Write the address line, or remove the empty row.'), admin: { description: 'One line of the address.' } }],
    },
    { name: 'country', type: 'text', localized: true, required: true, defaultValue: 'Pakistan', admin: { description: 'Country, as it should appear on an envelope.' } },
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
      admin: { description: 'Phone and fax numbers, each with a label.' },
      fields: [
        { name: 'label', type: 'text', localized: true, admin: { description: 'e.g. Phone, Fax, Helpline.' } },
        { name: 'number', type: 'text', required: true, validate: (v: unknown) => phoneProblem(v) ?? true, admin: { description: 'As you would dial it locally, e.g. 051 2345678.' } },
      ],
    },
    { name: 'email', type: 'email', admin: { description: 'The public email address for this office (optional).' } },
    { name: 'openingHours', type: 'textarea', localized: true, admin: { description: 'e.g. Monday to Friday, 9am to 5pm.' } },
    {
      name: 'coordinates',
      type: 'group',
      admin: { description: 'Optional. Adds a map link on the contact page.' },
      fields: [
        { name: 'latitude', type: 'number', min: -90, max: 90, admin: { description: 'e.g. 33.6844 (from a map app).' } },
        { name: 'longitude', type: 'number', min: -180, max: 180, admin: { description: 'e.g. 73.0479 (from a map app).' } },
      ],
    },
    { name: 'headOffice', type: 'checkbox', defaultValue: false, admin: { position: 'sidebar', description: 'Tick for the main office; it is listed first.' } },
    {
      name: 'displayOrder',
      type: 'number',
      defaultValue: 10,
      admin: { position: 'sidebar', description: 'Lower numbers are listed first (after the head office).' },
    },
    ...publishingFields,
  ],
}
