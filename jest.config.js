/** @type {import('jest').Config} */
const swcOptions = require('./scripts/swc-options');

const swc = ['@swc/jest', swcOptions];
// jose and oauth4webapi ship only ES modules; Jest's CommonJS runtime needs them compiled.
const esmPackages = ['jose', 'oauth4webapi'];
const swcForEsm = [
  '@swc/jest',
  { ...swcOptions, jsc: { ...swcOptions.jsc, parser: { syntax: 'ecmascript' } } },
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc, '^.+\\.js$': swcForEsm },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
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
