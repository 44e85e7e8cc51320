// Container start, step 1: refuse to run without a real PAYLOAD_SECRET (exit 1 with the reason).
import { secretProblem } from '../platform/secretRules.js'

const problem = secretProblem(process.env.PAYLOAD_SECRET)
if (problem) {
  console.error(`Refusing to start in production: ${problem}`)
  process.exit(1)
}
