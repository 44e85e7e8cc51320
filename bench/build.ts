/**
 * Build and start: `next build` wall time and peak memory (the whole process tree), and cold start
 * (spawning server.mjs, as `npm start` does, until the home page is served), on the seeded bench database.
 * Issue 7, figure 7. No fixed target in the issue; the template's 81 s / 1.9 GB is the reference.
 */
import { getSite } from './site'
import type { BenchContext, BenchResult } from './types'

export const title = 'Build and cold start (seeded bench site)'

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const site = await getSite(ctx)
  const content = Object.entries(site.counts).map(([k, v]) => `${v} ${k}`).join(', ')
  return {
    rows: [
      { measure: 'populate database', value: `${(site.populateMs / 1000).toFixed(1)} s`, note: content },
      { measure: 'next build: time', value: `${(site.buildMs / 1000).toFixed(1)} s`, note: 'reference: template 81 s' },
      { measure: 'next build: peak memory (process tree)', value: `${Math.round(site.buildPeakMb)} MB`, note: 'reference: template 1.9 GB' },
      { measure: 'cold start to first page (/)', value: `${Math.round(site.coldStartMs)} ms`, note: 'spawn server.mjs (npm start) → 200' },
    ],
  }
}
