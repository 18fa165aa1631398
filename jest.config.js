/** @type {import('jest').Config} */
const swcOptions = require('./test/support/swc-options');

const swc = ['@swc/jest', swcOptions];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@keyring/domain(|/.*)$': '<rootDir>/libs/domain/src$1',
    '^@keyring/event-store(|/.*)$': '<rootDir>/libs/event-store/src$1',
  },
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/apps', '<rootDir>/libs'],
      testMatch: ['**/*.spec.ts'],
    },
    { ...shared, displayName: 'e2e', roots: ['<rootDir>/test'], testMatch: ['**/*.e2e-spec.ts'] },
  ],
};
