/** test/<folder of src>/ tests that code alone; test/integration/ starts servers on the store under test (helpers/ets.ts). */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // The client package from its TypeScript source, as tsconfig.json's paths give it to tsc and tsx.
  moduleNameMapper: { '^ets-client$': '<rootDir>/packages/client/src/index.ts' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
