import { execFileSync } from 'node:child_process'

/**
 * The seed of a property test's random inputs, printed by the test so a failure can be replayed:
 *   - ABUSE_PROPERTY_SEED=<n>: that seed (replaying a failure);
 *   - in CI (CI set, as .ci/run sets it): one taken from the commit, so a commit meets the same inputs
 *     wherever it is tested: a run of .ci/run in a clone shows what CI will find, and a failure
 *     there replays. Each new commit still explores new inputs;
 *   - otherwise a new seed every run, to keep exploring.
 */
export function propertySeed(): number {
  const given = Number(process.env.ABUSE_PROPERTY_SEED)
  if (Number.isInteger(given) && given !== 0) return given
  if (process.env.CI) {
    try {
      const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
      if (/^[0-9a-f]{8}/.test(head)) return parseInt(head.slice(0, 8), 16) & 0x7fffffff || 1
    } catch {
      // Not a git checkout: a random seed, as elsewhere.
    }
  }
  return ((Math.random() * 2 ** 31) | 0) || 1
}
