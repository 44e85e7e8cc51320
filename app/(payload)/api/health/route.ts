/**
 * GET /api/health: 200 {status:'ok', checks} when the database and media store answer, 503 with
 * the failed check named otherwise. For load balancers and uptime monitors; never cached. This
 * file takes precedence over Payload's /api/[...slug] catch-all.
 */
import { sharedHealthReport } from '@/platform/health'
import { payloadClient } from '@/platform/payload'

export const dynamic = 'force-dynamic'

const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }

export async function GET(): Promise<Response> {
  let report
  try {
    report = await sharedHealthReport(await payloadClient())
  } catch {
    // Payload itself could not start (usually the database): say so without details.
    report = { status: 'failed', checks: { database: 'failed', storage: 'failed' } }
  }
  return new Response(JSON.stringify(report), { status: report.status === 'ok' ? 200 : 503, headers })
}

export const HEAD = async (): Promise<Response> => {
  const res = await GET()
  return new Response(null, { status: res.status, headers })
}
