import type { CollectionConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isEditor } from '../access/staff'
import { slugField } from '../content/slug'
import { adminGroups, fieldLabels } from '../translations/labels'

/** Speakers and experts. A statement records the role someone held *when* they spoke. */
export const People: CollectionConfig = {
  slug: 'people',
  labels: { singular: { en: 'Person', ur: 'فرد' }, plural: { en: 'People', ur: 'افراد' } },
  admin: {
    group: adminGroups.library,
    useAsTitle: 'name',
    defaultColumns: ['name', 'role', 'organisation', 'updatedAt'],
    description: { en: 'Speakers and experts named in statements and programs.', ur: 'بیانات اور پروگراموں میں مذکور مقررین اور ماہرین۔' },
  },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    { name: 'name', type: 'text', localized: true, required: true, label: fieldLabels.name, admin: { description: { en: 'Full name with title, e.g. Dr. Ayesha Khan.', ur: 'لقب کے ساتھ پورا نام، مثلاً ڈاکٹر عائشہ خان۔' } } },
    slugField('name'),
    { name: 'role', type: 'text', localized: true, label: { en: 'Role', ur: 'عہدہ' }, admin: { description: { en: 'Current role or title, e.g. Director/CEO.', ur: 'موجودہ عہدہ، مثلاً ڈائریکٹر/سی ای او۔' } } },
    { name: 'organisation', type: 'relationship', relationTo: 'organisations', label: fieldLabels.organisation, admin: { description: { en: 'Where they work now.', ur: 'وہ اب کہاں کام کرتے ہیں۔' } } },
    { name: 'bio', type: 'textarea', localized: true, maxLength: 1000, label: { en: 'Biography', ur: 'تعارف' }, admin: { description: { en: 'A short biography.', ur: 'مختصر تعارف۔' } } },
    { name: 'photo', type: 'upload', relationTo: 'media', label: { en: 'Photo', ur: 'تصویر' }, admin: { description: { en: 'A portrait (optional). Needs a text description for blind readers.', ur: 'تصویر (اختیاری)۔ نابینا قارئین کے لیے اس کی تحریری وضاحت ضروری ہے۔' } } },
  ],
}
