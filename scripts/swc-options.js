// How TypeScript is compiled outside the build: by Jest (@swc/jest) and by ts-register.js alike,
// with the decorator metadata Nest's dependency injection needs.
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
