/**
 * Outgoing mail (password resets, invitations). SMTP settings come from the environment:
 * SMTP_HOST, SMTP_PORT (default 587), SMTP_USER, SMTP_PASS, SMTP_FROM ("Name <address>" or address),
 * SMTP_SECURE=true for implicit TLS (port 465). Without SMTP_HOST mail is printed to the console,
 * so development needs no mail server; production only logs a warning (never the links in it).
 * Links in mail always use SERVER_URL (platform/serverUrl.ts), never the Host of the request.
 */
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter, PayloadRequest } from 'payload'

import { serverURL } from './serverUrl'

export function fromAddress(env: NodeJS.ProcessEnv = process.env): { name: string; address: string } {
  const raw = env.SMTP_FROM?.trim() || 'Daleel <no-reply@localhost>'
  const match = raw.match(/^\s*(.*?)\s*<([^>]+)>\s*$/)
  return match ? { name: match[1] || 'Daleel', address: match[2] } : { name: 'Daleel', address: raw }
}

/** Prints each message (with its links) to the server log instead of sending it. */
const consoleEmailAdapter =
  (from: { name: string; address: string }): EmailAdapter =>
  ({ payload }) => ({
    name: 'console',
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    sendEmail: async (message) => {
      if (process.env.NODE_ENV === 'production') {
        // Reset and invitation links are secrets: production logs get the fact, never the link.
        payload.logger.warn(`SMTP_HOST is not set: the email "${message.subject}" to ${String(message.to)} was NOT sent.`)
        return { accepted: [], console: true }
      }
      const body = message.text || String(message.html ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
      payload.logger.info(`\n--- email (not sent: no SMTP_HOST) ---\nTo: ${String(message.to)}\nSubject: ${message.subject}\n\n${body}\n---`)
      return { accepted: [message.to], console: true }
    },
  })

export function emailAdapter(env: NodeJS.ProcessEnv = process.env) {
  const from = fromAddress(env)
  if (!env.SMTP_HOST) return consoleEmailAdapter(from)
  const port = Number(env.SMTP_PORT || 587)
  return nodemailerAdapter({
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    // Do not hold up start-up (or fail it) when the mail server is briefly unreachable.
    skipVerify: true,
    transportOptions: {
      host: env.SMTP_HOST,
      port,
      secure: env.SMTP_SECURE === 'true' || port === 465,
      auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS ?? '' } : undefined,
    },
  })
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** The admin's "choose a new password" page for a reset or invitation token. */
export function resetLink(token: string): string {
  return `${serverURL()}/admin/reset/${encodeURIComponent(token)}`
}

function layout(paragraphs: string[], link: string, button: string): string {
  return [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">',
    ...paragraphs.map((p) => `<p>${escape(p)}</p>`),
    `<p><a href="${escape(link)}">${escape(button)}</a></p>`,
    `<p>Or paste this address into your browser: ${escape(link)}</p>`,
    '</body></html>',
  ].join('\n')
}

export const forgotPasswordEmail = {
  subject: () => 'Reset your Daleel password',
  html: (args?: { token?: string; req?: PayloadRequest }) =>
    layout(
      [
        'Someone (hopefully you) asked to reset the password for your Daleel admin account.',
        'Use the link below within one hour to choose a new password. If you did not ask, ignore this email: your password stays the same.',
      ],
      resetLink(args?.token ?? ''),
      'Choose a new password',
    ),
}

export function invitationEmail({ token, name, invitedBy }: { token: string; name?: string | null; invitedBy?: string | null }) {
  const link = resetLink(token)
  return {
    subject: 'You have been invited to the Daleel admin',
    html: layout(
      [
        `Hello${name ? ` ${name}` : ''},`,
        `${invitedBy || 'An administrator'} has created a Daleel admin account for you.`,
        'Use the link below within 7 days to choose your password and sign in.',
      ],
      link,
      'Choose your password',
    ),
    text: `${invitedBy || 'An administrator'} has created a Daleel admin account for you. Choose your password within 7 days: ${link}`,
  }
}
