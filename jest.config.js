// Jest runs TypeScript through SWC as native ES modules (Payload is ESM-only), the same way
// Payload's own repository ran its integration tests on Jest.
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
]

const common = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/payload.config.ts',
    '^@/(.*)$': '<rootDir>/$1',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  // The build's standalone copy of the app (.next/standalone: package.json, node_modules) is not source.
  modulePathIgnorePatterns: ['<rootDir>/.next/'],
}

const config = {
  // Starting Payload and migrating a fresh database (integration beforeAll) takes several seconds
  // on a busy 2-core machine; Jest's default of 5 s is too tight for that.
  testTimeout: 30000,
  // Jest's default leaves one core idle for its own (mostly idle) main process; on our 2-core
  // machines that halves the speed of the integration files, which are independent (own DB each).
  maxWorkers: '100%',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      // Each test file gets its own empty, migrated SQLite database (or MongoDB when DATABASE_URI says so).
      setupFiles: ['<rootDir>/tests/helpers/integrationEnv.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
      // A request that meets the server closing an idle kept-alive connection is sent again once.
      setupFiles: ['<rootDir>/tests/helpers/browserEnv.ts'],
    },
  ],
}

export default config
