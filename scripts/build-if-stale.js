// Builds the service only when a source file is newer than the last build, so `npm start` is quick.
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const output = path.join(root, 'dist/apps/keyring/main.js');
const sources = ['apps', 'libs', 'proto', 'package-lock.json', 'tsconfig.json', 'nest-cli.json'];

function newestChange(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), 0);
}

const builtAt = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
const changedAt = Math.max(...sources.map((source) => newestChange(path.join(root, source))));
if (changedAt > builtAt) {
  // Build output goes to stderr, so a command's stdout (e.g. `cli -- bootstrap-admin --json`) stays clean.
  execSync('npm run --silent build', { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
}
