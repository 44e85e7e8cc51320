import { previewUrl, safeSitePath } from '../../workflow/preview'

test('preview only ever redirects to a path on this site', () => {
  expect(safeSitePath('/statements/x')).toBe('/statements/x')
  expect(safeSitePath('/ur/statements/x?tab=1')).toBe('/ur/statements/x?tab=1')
  for (const bad of ['//evil.example/x', '/\\evil.example', 'https://evil.example', 'statements', '', null, '/admin', '/api/users', '/x\nSet-Cookie: a=b']) {
    expect(safeSitePath(bad)).toBeNull()
  }
})

test('preview links open the document in the language being edited', () => {
  process.env.SERVER_URL = 'https://example.org'
  expect(previewUrl('statements', 'x', 'ur')).toBe('https://example.org/next/preview?path=%2Fur%2Fstatements%2Fx')
  expect(previewUrl('programs', 'y', 'en')).toBe('https://example.org/next/preview?path=%2Fprograms%2Fy')
  expect(previewUrl('statements', null, 'en')).toBeNull()
})
