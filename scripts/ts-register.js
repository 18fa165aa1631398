// Lets `node --require ./scripts/ts-register.js some.ts` run TypeScript without a build:
// compiles each .ts file with @swc/core (as jest does) and maps the @keyring/* path aliases.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');
const swcOptions = require('./swc-options.js');

const repositoryRoot = path.resolve(__dirname, '..');
const keyringAlias = /^@keyring\/([^/]+)(\/.*)?$/;

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveKeyringAlias(request, ...rest) {
  const alias = keyringAlias.exec(request);
  const target = alias ? path.join(repositoryRoot, 'libs', alias[1], 'src', alias[2] ?? '') : request;
  return resolveFilename.call(this, target, ...rest);
};

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...swcOptions, filename });
  module._compile(code, filename);
};
