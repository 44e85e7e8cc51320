/** API gateway settings from the environment (documented in docs/api.md and on /developers). */
function int(name: string, fallback: number): number {
  const v = Number(process.env[name])
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback
}

export const apiSettings = () => ({
  anonymousPerMinute: int('API_RATE_LIMIT_ANONYMOUS', 60),
  partnerPerMinute: int('API_RATE_LIMIT_PARTNER', 600),
  // Searches a minute per address by anonymous readers (page and API): a search costs more than a read.
  searchPerMinute: int('SEARCH_RATE_LIMIT', 30),
  loginPerWindow: int('API_RATE_LIMIT_LOGIN', 10),
  loginWindowSeconds: int('API_RATE_LIMIT_LOGIN_WINDOW', 15 * 60),
  forgotPerWindow: int('API_RATE_LIMIT_FORGOT_PASSWORD', 5),
  forgotWindowSeconds: int('API_RATE_LIMIT_FORGOT_PASSWORD_WINDOW', 60 * 60),
  cacheMaxAge: int('API_CACHE_MAX_AGE', 60),
  cacheStaleWhileRevalidate: int('API_CACHE_SWR', 300),
  redisUrl: process.env.REDIS_URL || '',
})
