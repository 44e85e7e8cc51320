/**
 * Set-up for every browser test file (jest.config.js): the tests' own HTTP client retries a request
 * once when the server closed a kept-alive connection just as the request went out, as browsers do.
 *
 * One Jest worker runs the files one after another and keeps its connections to the shared server.
 * The server closes a connection after 65 s idle (server.mjs) and tells clients so; Node's fetch
 * reuses one until 1 s before that. After a long file that never called the shared server (the
 * production image's boot test takes about 60 s), the next file's first request could meet the
 * close on a busy machine ("other side closed"), and every test of that file failed with it.
 * Only that failure is retried, once: the connection closed before any answer began. A server that
 * dies while handling a request still fails its test (the retry finds it gone).
 */
const realFetch = globalThis.fetch

function closedBeforeAnswer(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause
  return error instanceof TypeError && (cause?.code === 'UND_ERR_SOCKET' || cause?.code === 'ECONNRESET')
}

globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
  // A body that is a stream can be sent only once: such a request is not retried.
  const retriable = !(init?.body instanceof ReadableStream) && !(input instanceof Request && input.body)
  try {
    return await realFetch(input, init)
  } catch (error) {
    if (!retriable || !closedBeforeAnswer(error)) throw error
    return realFetch(input, init)
  }
}
