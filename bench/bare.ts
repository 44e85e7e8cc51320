/**
 * The yardstick: a bare Node `http` server answering every request with the same bytes and content
 * type the app sent, in its own process (optionally pinned to one core with taskset, like the app
 * server it is compared with).
 */
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'

import { freePort } from './site'

export async function bareServer(workDir: string, body: Buffer, contentType: string, options: { cpu?: number } = {}) {
  const file = path.join(workDir, `bare-body-${Date.now()}`)
  writeFileSync(file, body)
  const port = await freePort()
  const code = `const b=require('fs').readFileSync(${JSON.stringify(file)});require('http').createServer((q,s)=>{s.writeHead(200,{'content-type':${JSON.stringify(contentType)},'content-length':b.length});s.end(b)}).listen(${port},'127.0.0.1',()=>console.log('ready'))`
  const [cmd, args] = options.cpu === undefined ? [process.execPath, ['-e', code]] : ['taskset', ['-c', String(options.cpu), process.execPath, '-e', code]]
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()))
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill('SIGTERM') }
}
