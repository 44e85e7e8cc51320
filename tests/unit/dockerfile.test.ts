/**
 * The image's Node.js is a supported LTS line, the one package.json's `engines` names beside the
 * Node.js the suite runs on (CI's); the
 * Dockerfile's stages are what tests/browser/production-image.test.ts can reproduce.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { nodeMajor, parseDockerfile } from '../helpers/dockerfile'

const root = process.cwd()
const stages = parseDockerfile(readFileSync(path.join(root, 'Dockerfile'), 'utf8'))
const engines: string = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node

// End of life of the LTS lines (nodejs.org release schedule). Odd majors are never LTS.
const END_OF_LIFE: Record<number, string> = { 18: '2025-04-30', 20: '2026-04-30', 22: '2027-04-30', 24: '2028-04-30', 26: '2029-04-30' }

/** Majors a simple `engines` range (`^a.b.c || ^d…`, `>=a.b.c`) admits. */
function admittedMajors(range: string): number[] {
  return range.split('||').flatMap((part) => {
    const m = part.trim().match(/^(\^|>=)?(\d+)(?:\.\d+){0,2}$/)
    if (!m) throw new Error(`engines range "${part}" is not one this test reads`)
    const major = Number(m[2])
    return m[1] === '>=' ? Object.keys(END_OF_LIFE).map(Number).filter((n) => n >= major) : [major]
  })
}

test('every stage builds FROM the same official Node.js image line', () => {
  const bases = stages.map((s) => s.from).filter((from) => !stages.some((other) => other.name === from))
  expect(bases.length).toBeGreaterThan(0)
  expect(new Set(bases).size).toBe(1)
  expect(bases[0]).toMatch(/^node:\d+-bookworm-slim$/)
})

test('the runtime image runs a Node.js LTS line that is still supported, and engines names it', () => {
  const runtime = stages[stages.length - 1]
  const major = nodeMajor(runtime.from)!
  expect(major % 2).toBe(0)
  expect(new Date(END_OF_LIFE[major]).getTime()).toBeGreaterThan(Date.now())
  expect(admittedMajors(engines)).toContain(major)
})

test('engines names what runs here and nothing more: the image\'s line and the Node.js this suite runs on', () => {
  const runtime = nodeMajor(stages[stages.length - 1].from)!
  const here = Number(process.versions.node.split('.')[0])
  // The suite passes on what CI runs: engines must not say otherwise (npm would warn on every install).
  expect(admittedMajors(engines)).toContain(here)
  expect(new Set(admittedMajors(engines))).toEqual(new Set([runtime, here]))
  // A line past its end of life is only there because CI runs on it, and the README says so.
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
  for (const m of admittedMajors(engines)) {
    if (new Date(END_OF_LIFE[m]).getTime() <= Date.now()) expect(readme).toMatch(new RegExp(`Node ${m}[^.]*end of life`))
  }
})

test('the runtime stage runs as an unprivileged user and starts with the entrypoint the build completes', () => {
  const runtime = stages[stages.length - 1]
  expect(runtime.instructions.some((i) => i.op === 'USER' && i.args !== 'root')).toBe(true)
  expect(runtime.instructions.find((i) => i.op === 'CMD')?.args).toBe('["sh", "docker-entrypoint.sh"]')
})
