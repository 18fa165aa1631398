// Runs the admin console's browser tests (Playwright, test/browser) in Debian's Chromium, after building
// the service and the console when stale. Without Chromium they are skipped with a line saying what to
// install, except under CI=true, where a missing browser fails the run.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!fs.existsSync(chromium)) {
  const message = `browser tests (admin console): no Chromium at ${chromium}; install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true') {
    console.error(`FAILED: ${message}`);
    process.exit(1);
  }
  console.log(`SKIPPED: ${message}`);
  process.exit(0);
}

const run = (command, args) =>
  spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: chromium, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  }).status ?? 1;

const built = run(process.execPath, [path.join(root, 'scripts/build-if-stale.js')]);
if (built !== 0) process.exit(built);
process.exit(
  run(process.execPath, [require.resolve('@playwright/test/cli'), 'test', ...process.argv.slice(2)]),
);
