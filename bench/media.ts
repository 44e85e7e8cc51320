/**
 * Upload-to-all-sizes: a 12-megapixel JPEG (4000x3000, made here with sharp) uploaded through
 * the Local API, the same path as the admin's upload, until the original and every size are on
 * disk. Reports the median of several runs as milliseconds per source megapixel, and the peak
 * extra memory (resident set size above the level before the upload, sampled every 5 ms; sharp's
 * native buffers count, since they are what fills a server).
 * Targets from issue 5: under 60 ms per megapixel and under 300 MB extra.
 */
import os from 'node:os'
import sharp from 'sharp'

import { median } from './stats'
import type { BenchContext, BenchResult } from './types'

export const title = 'Media: upload to all image sizes (12 MP JPEG)'

const TARGET_MS_PER_MP = 60
const TARGET_EXTRA_MB = 300
const MB = 1024 * 1024

async function photo(width: number, height: number): Promise<Buffer> {
  // Smooth gradients plus noise compress and decode like a real photograph, unlike flat colour.
  const noise = await sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 120, sigma: 60 } } })
    .raw()
    .toBuffer()
  return sharp(noise, { raw: { width, height, channels: 3 } }).blur(3).jpeg({ quality: 88 }).toBuffer()
}

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const payload = ctx.payload!
  const width = 4000
  const height = 3000
  const megapixels = (width * height) / 1e6
  const source = await photo(width, height)
  const runs = ctx.quick ? 3 : 7

  const times: number[] = []
  const cpuTimes: number[] = []
  const peaks: number[] = []
  let sizes = 0
  // One warm-up upload first: sharp and Payload load lazily on first use.
  for (let i = -1; i < runs; i++) {
    global.gc?.()
    await new Promise((r) => setTimeout(r, 50))
    const base = process.memoryUsage().rss
    let peak = base
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss)
    }, 5)
    const cpuBefore = process.cpuUsage()
    const started = performance.now()
    const doc = await payload.create({
      collection: 'media',
      data: { alt: 'Benchmark photograph' },
      file: { data: source, mimetype: 'image/jpeg', name: `bench-${i}.jpg`, size: source.length },
      overrideAccess: true,
    })
    const elapsed = performance.now() - started
    const cpu = process.cpuUsage(cpuBefore)
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage().rss)
    sizes = Object.values(doc.sizes ?? {}).filter((s: any) => s?.filename).length
    if (i >= 0) {
      times.push(elapsed)
      cpuTimes.push((cpu.user + cpu.system) / 1000)
      peaks.push((peak - base) / MB)
    }
    await payload.delete({ collection: 'media', id: doc.id, overrideAccess: true })
  }

  const msPerMP = median(times) / megapixels
  const extraMB = median(peaks)
  const worstMB = Math.max(...peaks)
  const rows = [
    { measure: 'source', value: `${width}x${height} JPEG, ${(source.length / MB).toFixed(1)} MB`, target: '', ok: '' },
    { measure: 'sizes made', value: `${sizes} + original`, target: '', ok: '' },
    { measure: 'runs (after 1 warm-up)', value: runs, target: '', ok: '' },
    { measure: 'median upload to all sizes', value: `${Math.round(median(times))} ms`, target: '', ok: '' },
    { measure: 'per source megapixel', value: `${msPerMP.toFixed(1)} ms/MP`, target: `< ${TARGET_MS_PER_MP}`, ok: msPerMP < TARGET_MS_PER_MP ? 'yes' : 'NO' },
    {
      measure: 'CPU time per source megapixel',
      value: `${(median(cpuTimes) / megapixels).toFixed(1)} ms/MP`,
      target: '(load-independent)',
      ok: '',
    },
    { measure: 'peak extra memory (median)', value: `${Math.round(extraMB)} MB`, target: `< ${TARGET_EXTRA_MB}`, ok: extraMB < TARGET_EXTRA_MB ? 'yes' : 'NO' },
    { measure: 'peak extra memory (worst run)', value: `${Math.round(worstMB)} MB`, target: '', ok: '' },
  ]
  return {
    rows,
    notes: [
      `load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores (a busy machine inflates the times)`,
      `sharp concurrency ${sharp.concurrency()} threads; times per run: ${times.map((t) => Math.round(t)).join(', ')} ms`,
    ],
    failed: !(msPerMP < TARGET_MS_PER_MP && extraMB < TARGET_EXTRA_MB),
  }
}
