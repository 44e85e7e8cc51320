/**
 * Issue 4, admin for non-technical staff: every field staff see in the content, library,
 * organisation and admin screens has a short plain-language description, and each collection
 * sits in one of the four groups.
 */
process.env.PAYLOAD_SECRET ||= 'unit-test-secret-0123456789abcdef0123456789'
process.env.DATABASE_URI ||= 'file:/tmp/daleel-unit-descriptions.db'
process.env.DALEEL_JOBS = 'off'

const checked = ['programs', 'statements', 'campaigns', 'offices', 'people', 'topics', 'organisations', 'users', 'audit-log']
// Payload's own account fields (password hashes, reset tokens, lockout counters) are hidden or fixed.
const payloadOwned = new Set(['email', 'resetPasswordToken', 'resetPasswordExpiration', 'salt', 'hash', 'resetPasswordRequestedAt', 'loginAttempts', 'lockUntil', 'sessions'])

function undescribed(fields: any[], where: string): string[] {
  const missing: string[] = []
  for (const f of fields) {
    if (f.type === 'row' || f.type === 'collapsible') missing.push(...undescribed(f.fields, where))
    else if (f.type === 'tabs') for (const t of f.tabs) missing.push(...undescribed(t.fields, where))
    else if (f.name && !f.admin?.hidden && !payloadOwned.has(f.name) && !['id', 'createdAt', 'updatedAt', '_status', 'deletedAt'].includes(f.name)) {
      // In both admin languages (translations/): short and plain in each.
      const d = f.admin?.description
      const short = (s: unknown) => typeof s === 'string' && s.trim().length > 0 && s.length <= 200
      if (!d || typeof d !== 'object' || !short(d.en) || !short(d.ur)) missing.push(`${where}.${f.name}`)
      if (f.fields) missing.push(...undescribed(f.fields, `${where}.${f.name}`))
    }
  }
  return missing
}

test('every field staff see has a short description', async () => {
  const config = await (await import('../../payload.config')).default
  const missing: string[] = []
  for (const c of config.collections.filter((c) => checked.includes(c.slug))) missing.push(...undescribed(c.fields, c.slug))
  for (const g of config.globals) missing.push(...undescribed(g.fields, `globals.${g.slug}`))
  expect(missing).toEqual([])
})

test('collections are grouped as Content, Library, Organisation and Admin', async () => {
  const config = await (await import('../../payload.config')).default
  const groups = Object.fromEntries(config.collections.filter((c) => checked.includes(c.slug)).map((c) => [c.slug, (c.admin?.group as { en?: string })?.en]))
  expect(groups).toEqual({
    programs: 'Content',
    statements: 'Content',
    campaigns: 'Content',
    offices: 'Organisation',
    people: 'Library',
    topics: 'Library',
    organisations: 'Organisation',
    users: 'Admin',
    'audit-log': 'Admin',
  })
})

test('content list views show title, review state, Urdu version, who saved and when', async () => {
  const config = await (await import('../../payload.config')).default
  for (const slug of ['programs', 'statements', 'campaigns']) {
    const columns = config.collections.find((c) => c.slug === slug)!.admin.defaultColumns
    expect(columns).toEqual(expect.arrayContaining(['title', 'reviewState', 'hasUrdu', 'updatedBy', 'updatedAt']))
  }
})
