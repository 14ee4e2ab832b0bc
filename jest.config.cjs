/** Jest runs TypeScript through SWC (fast, no type-check: `npm run typecheck` does that). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/cli', '<rootDir>/emulator', '<rootDir>/tests', '<rootDir>/bench'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // one fixed seed for every property test (tests/setup/fast-check-seed.ts; FC_SEED to explore)
  setupFiles: ['<rootDir>/tests/setup/fast-check-seed.ts'],
  // @hubspot/ui-extensions and its dependency tinyspy ship only ES modules: let SWC turn them into CommonJS.
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@hubspot/ui-extensions|tinyspy)/)'],
  // the UI folders' shared code from source (decision 0001); HubSpot's build gets the bundled package
  moduleNameMapper: {
    '^@keystone/shared$': '<rootDir>/src/shared/index.ts',
    '^@keystone/shared/test-utils$': '<rootDir>/src/shared/test-utils/index.ts',
  },
  modulePathIgnorePatterns: ['<rootDir>/src/app/.*/package.json'],
  testTimeout: 60000,
};
