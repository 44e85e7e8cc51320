import type { Payload } from 'payload'

export type BenchContext = { workDir: string; quick: boolean; payload?: Payload }
export type BenchResult = { rows: Record<string, string | number>[]; notes?: string[]; failed?: boolean }
export type BenchSection = { title: string; run: (ctx: BenchContext) => Promise<BenchResult> }
