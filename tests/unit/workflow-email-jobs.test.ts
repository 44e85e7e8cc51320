import { canRunJobs } from '../../access/jobs'
import { forgotPasswordEmail, fromAddress, resetLink } from '../../platform/email'

describe('mail', () => {
  test('SMTP_FROM accepts "Name <address>" or a bare address', () => {
    expect(fromAddress({ SMTP_FROM: 'CPDI Pakistan <web@cpdi.test>' } as any)).toEqual({ name: 'CPDI Pakistan', address: 'web@cpdi.test' })
    expect(fromAddress({ SMTP_FROM: 'web@cpdi.test' } as any)).toEqual({ name: 'Daleel', address: 'web@cpdi.test' })
  })

  test('reset links use SERVER_URL, never a request Host, and escape the token', () => {
    const before = process.env.SERVER_URL
    process.env.SERVER_URL = 'https://daleel.example.org/'
    try {
      expect(resetLink('a/b c')).toBe('https://daleel.example.org/admin/reset/a%2Fb%20c')
      const html = forgotPasswordEmail.html({ token: 'tok', req: { headers: new Headers({ host: 'evil.example' }) } as any })
      expect(html).toContain('https://daleel.example.org/admin/reset/tok')
      expect(html).not.toContain('evil.example')
    } finally {
      process.env.SERVER_URL = before
    }
  })
})

describe('who may run the jobs queue', () => {
  const req = (user: unknown, authorization?: string) =>
    ({ user, headers: new Headers(authorization ? { authorization } : {}) }) as any
  const secret = 'a-long-cron-secret-0123456789'

  beforeEach(() => {
    process.env.CRON_SECRET = secret
  })
  afterEach(() => {
    delete process.env.CRON_SECRET
  })

  test('editors and admins, not contributors or anonymous callers', () => {
    expect(canRunJobs({ req: req({ collection: 'users', role: 'editor' }) })).toBe(true)
    expect(canRunJobs({ req: req({ collection: 'users', role: 'admin' }) })).toBe(true)
    expect(canRunJobs({ req: req({ collection: 'users', role: 'contributor' }) })).toBe(false)
    expect(canRunJobs({ req: req(null) })).toBe(false)
  })

  test('a cron with the exact CRON_SECRET', () => {
    expect(canRunJobs({ req: req(null, `Bearer ${secret}`) })).toBe(true)
    expect(canRunJobs({ req: req(null, `Bearer ${secret}x`) })).toBe(false)
    expect(canRunJobs({ req: req(null, 'Bearer ') })).toBe(false)
  })

  test('no secret (or a short one) configured means no cron access', () => {
    process.env.CRON_SECRET = 'short'
    expect(canRunJobs({ req: req(null, 'Bearer short') })).toBe(false)
    delete process.env.CRON_SECRET
    expect(canRunJobs({ req: req(null, 'Bearer undefined') })).toBe(false)
  })
})
