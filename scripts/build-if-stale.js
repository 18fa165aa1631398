// Builds the service and the admin console only when one of their source files is newer than its last
// build, so `npm start` is quick.
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const targets = [
  {
    output: 'dist/apps/keyring/main.js',
    sources: [
      'apps/keyring',
      'libs',
      'proto',
      'package-lock.json',
      'tsconfig.json',
      'nest-cli.json',
      'webpack.config.js',
    ],
    command: 'npm run --silent build',
  },
  {
    output: 'dist/admin/index.html',
    sources: ['apps/admin', 'package-lock.json'],
    command: 'npm run --silent build:admin',
  },
];

function newestChange(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .filter((name) => name !== 'node_modules')
    .reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), 0);
}

for (const { output, sources, command } of targets) {
  const target = path.join(root, output);
  const builtAt = fs.existsSync(target) ? fs.statSync(target).mtimeMs : 0;
  const changedAt = Math.max(...sources.map((source) => newestChange(path.join(root, source))));
  if (changedAt > builtAt) {
    // Build output goes to stderr, so a command's stdout (e.g. `cli -- bootstrap-admin --json`) stays clean.
    execSync(command, { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  }
}
