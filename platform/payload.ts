import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

/** The Payload instance for server components and route handlers (cached by Payload per process). */
export function payloadClient(): Promise<Payload> {
  return getPayload({ config })
}
