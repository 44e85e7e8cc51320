/** The public address of this site. Links in mail and feeds always use this, never the request's Host. */
export function serverURL(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.SERVER_URL || env.NEXT_PUBLIC_SERVER_URL || `http://localhost:${env.PORT || 3000}`
  return url.replace(/\/+$/, '')
}
