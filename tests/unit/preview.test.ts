import { previewUrl, safeSitePath } from '../../workflow/preview'

test('preview only ever redirects to a path on this site', () => {
  expect(safeSitePath('/statements/x')).toBe('/statements/x')
  expect(safeSitePath('/ur/statements/x?tab=1')).toBe('/ur/statements/x?tab=1')
  for (const bad of ['//evil.example/x', '/\\evil.example', 'https://evil.example', 'statements', '', null, '/admin', '/api/users', '/x\nSet-Cookie: a=b']) {
    expect(safeSitePath(bad)).toBeNull()
  }
})

test('a path that normalises to another host, or to /admin or /api, is refused (not rewritten into one)', () => {
  // new URL('/.//evil.example', base).pathname is '//evil.example': sent as Location, that is
  // another site. The check must hold for the path as it will be sent, not as it arrived.
  for (const bad of [
    '/.//evil.example',
    '/..//evil.example',
    '/././/evil.example/x',
    '/%2e//evil.example',
    '/%2E%2E//evil.example',
    '/x/..//evil.example',
    '/./\\evil.example',
    '/%5Cevil.example',
    '/%2F%2Fevil.example',
    '/./admin',
    '/x/../api/users',
    '/%61dmin',
  ]) {
    expect({ bad, result: safeSitePath(bad) }).toEqual({ bad, result: null })
  }
  // Normal paths keep their query and fragment, normalised.
  expect(safeSitePath('/statements/./x?a=1#top')).toBe('/statements/x?a=1#top')
  expect(safeSitePath('/ur/statements/%D8%A7')).toBe('/ur/statements/%D8%A7')
})

test('preview links open the document in the language being edited', () => {
  process.env.SERVER_URL = 'https://example.org'
  expect(previewUrl('statements', 'x', 'ur')).toBe('https://example.org/next/preview?path=%2Fur%2Fstatements%2Fx')
  expect(previewUrl('programs', 'y', 'en')).toBe('https://example.org/next/preview?path=%2Fprograms%2Fy')
  expect(previewUrl('statements', null, 'en')).toBeNull()
})
