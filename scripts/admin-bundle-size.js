// Prints the first load of the admin console: the gzipped JavaScript that dist/admin/index.html loads
// (its module script and the modules it preloads), against the 350 KB budget. Exits 1 over budget.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BUDGET_KB = 350;
const dir = path.resolve(__dirname, '../dist/admin');
const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
const scripts = [
  ...html.matchAll(/<script[^>]+src="\/admin\/([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/admin\/([^"]+\.js)"/g),
].map((match) => match[1]);
const files = [...new Set(scripts)];
const gzipped = (file) => zlib.gzipSync(fs.readFileSync(path.join(dir, file)), { level: 9 }).length;
const totalKb = files.reduce((sum, file) => sum + gzipped(file), 0) / 1024;
const allJs = fs.readdirSync(path.join(dir, 'assets')).filter((file) => file.endsWith('.js'));
const allKb = allJs.reduce((sum, file) => sum + gzipped(path.join('assets', file)), 0) / 1024;
console.log(
  `admin console first load: ${totalKb.toFixed(1)} KB gzipped JavaScript in ${files.length} file(s) ` +
    `(budget ${BUDGET_KB} KB); all ${allJs.length} chunks: ${allKb.toFixed(1)} KB`,
);
if (totalKb > BUDGET_KB) {
  console.error(`Over the ${BUDGET_KB} KB budget.`);
  process.exit(1);
}
