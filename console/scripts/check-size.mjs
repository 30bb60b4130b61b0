// Prints the gzipped size of every script of the build and fails (exit 1) over the budget in
// bundle-budget.json: the first load (the scripts index.html loads or preloads) and all JS.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, '..', 'chalicelib', 'console_assets');
const budget = JSON.parse(readFileSync(join(root, 'bundle-budget.json'), 'utf8'));
const html = readFileSync(join(out, 'index.html'), 'utf8');
const firstLoad = new Set([...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((match) => match[1]));
const kb = (bytes) => bytes / 1024;
let all = 0;
let first = 0;
for (const name of readdirSync(join(out, 'assets')).filter((file) => file.endsWith('.js')).sort()) {
  const gzipped = gzipSync(readFileSync(join(out, 'assets', name)), { level: 9 }).length;
  all += gzipped;
  if (firstLoad.has(name)) first += gzipped;
  console.log(`${firstLoad.has(name) ? 'first load' : 'on demand '}  ${kb(gzipped).toFixed(1).padStart(7)} KB gz  ${name}`);
}
console.log(`first-load JS ${kb(first).toFixed(1)} KB gz (budget ${budget.first_load_js_gzip_kb}); all JS ${kb(all).toFixed(1)} KB gz (budget ${budget.all_js_gzip_kb})`);
const over = [];
if (kb(first) > budget.first_load_js_gzip_kb) over.push(`first-load JS is ${kb(first).toFixed(1)} KB gz, over its budget of ${budget.first_load_js_gzip_kb}`);
if (kb(all) > budget.all_js_gzip_kb) over.push(`all JS is ${kb(all).toFixed(1)} KB gz, over its budget of ${budget.all_js_gzip_kb}`);
if (over.length) {
  console.error(`Bundle budget exceeded: ${over.join('; ')} (console/bundle-budget.json).`);
  process.exit(1);
}
