/** One JSON error shape for everything the gateway refuses (documented in the OpenAPI `Error` schema). */
type ApiErrorBody = { errors: { message: string; parameter?: string; code?: string }[] }

export class ApiError extends Error {
  constructor(
    public status: number,
    message: string,
    public parameter?: string,
    public code?: string,
  ) {
    super(message)
  }
  body(): ApiErrorBody {
    const e: ApiErrorBody['errors'][number] = { message: this.message }
    if (this.parameter) e.parameter = this.parameter
    if (this.code) e.code = this.code
    return { errors: [e] }
  }
}

export function jsonResponse(status: number, body: unknown, headers: HeadersInit = {}): Response {
  const h = new Headers(headers)
  h.set('Content-Type', 'application/json; charset=utf-8')
  return new Response(JSON.stringify(body), { status, headers: h })
}
