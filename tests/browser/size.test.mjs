// Size budget: the gzip size (level 9) of everything a reader's page downloads for the widget must stay within
// size-budget.json: dist/campaign-explainer.js (the loader), every file it names and, through the scripts among
// them, every file those name: the widget's chunk, the .wasm and, for a reader in French or English, that
// language's texts of the built-in dataset (texts-LANG.*.json; the larger one counts, an Arabic reader needs
// neither). A reader who stops before the widget downloads the loader alone, which must stay within 5 KB gzip.
// Over budget, the failure lists the largest functions and crates of the wasm, read from the function names
// wasm-bindgen's output still has (target/size/, kept by scripts/build-wasm.sh before wasm-opt strips them).
// The build also writes a Brotli copy of each (NAME.br) for hosts that serve them; they must decompress to the
// file and be smaller than its gzip.
// Bytes are deterministic, so unlike the times of npm run bench this can be a test.
// Needs `npm run build` first, like every browser test.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gzipSync } from 'node:zlib';
import { contributors, functionNames } from '../../scripts/wasm-contributors.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.join(ROOT, 'dist');
const NAMED_WASM = path.join(ROOT, 'target', 'size', 'campaign_explainer_bg.named.wasm');
const BUDGET = JSON.parse(readFileSync(path.join(ROOT, 'size-budget.json'), 'utf8')).widget_gzip_bytes;
const SHOWN = 15;
const ENTRY = 'campaign-explainer.js';
// What a reader who never comes near the widget downloads of it: the loader, nothing else.
const ENTRY_BUDGET = 5120;

/**
 * The entry script and every file of dist/ whose name it contains, then whose name those scripts contain
 * (the widget's chunk names the wasm): what a page with the widget downloads, once it has started.
 */
function widgetFiles() {
  const files = readdirSync(DIST).filter((name) => statSync(path.join(DIST, name)).isFile());
  const found = [ENTRY];
  for (let index = 0; index < found.length; index += 1) {
    if (!found[index].endsWith('.js')) continue;
    const script = readFileSync(path.join(DIST, found[index]), 'utf8');
    for (const name of files) if (!found.includes(name) && script.includes(name)) found.push(name);
  }
  return found.map((name) => {
    const bytes = readFileSync(path.join(DIST, name));
    return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

test('a reader who never comes near the widget downloads at most 5 KB gzip of it: the loader script alone', (t) => {
  const [entry, ...rest] = widgetFiles();
  t.diagnostic(`${ENTRY} ${entry.gzip} B gzip (${entry.raw} raw), budget ${ENTRY_BUDGET} B`);
  assert.ok(rest.some((file) => /^[\w-]+\.[0-9a-f]+\.js$/.test(file.name)), `the widget's code is in a hashed chunk the loader imports: ${rest.map((file) => file.name)}`);
  assert.ok(entry.gzip <= ENTRY_BUDGET, `${ENTRY} is ${entry.gzip} B gzip, over its ${ENTRY_BUDGET} B budget`);
});

test('what the widget loads stays within the gzip size budget', (t) => {
  const files = widgetFiles();
  assert.ok(files.some((file) => file.name.endsWith('.wasm')), `neither campaign-explainer.js nor its chunks name a .wasm of dist/: ${files.map((file) => file.name)}`);
  const texts = files.filter((file) => /^texts-\w+\.[0-9a-f]+\.json$/.test(file.name));
  assert.equal(texts.length, 2, `the French and English texts of the built-in dataset: ${files.map((file) => file.name)}`);
  const arabic = files.filter((file) => !texts.includes(file)).reduce((sum, file) => sum + file.gzip, 0);
  const total = arabic + Math.max(...texts.map((file) => file.gzip));
  const summary = `${files.map((file) => `${file.name} ${file.gzip} B gzip (${file.raw} raw)`).join(', ')}; an Arabic reader ${arabic} B gzip, a French or English one at most ${total} B, budget ${BUDGET} B (size-budget.json)`;
  t.diagnostic(summary);
  if (total > BUDGET) {
    const report = existsSync(NAMED_WASM) ? contributors(readFileSync(NAMED_WASM)) : `(no ${NAMED_WASM}: run npm run build)`;
    assert.fail(`the widget is ${total - BUDGET} B over its gzip budget: ${summary}\n${report}`);
  }
  if (total < BUDGET * 0.9) t.diagnostic(`more than 10% under budget: lower widget_gzip_bytes in size-budget.json to about ${Math.ceil(total * 1.05)}`);
});

test('each file the widget loads has a Brotli copy in dist/ (NAME.br) of the same bytes, smaller than its gzip', (t) => {
  const files = widgetFiles();
  for (const file of files) {
    const copy = path.join(DIST, `${file.name}.br`);
    assert.ok(existsSync(copy), `no ${file.name}.br beside ${file.name}: the build's BrotliPlugin (webpack.config.js) writes one`);
    const compressed = readFileSync(copy);
    assert.ok(brotliDecompressSync(compressed).equals(readFileSync(path.join(DIST, file.name))), `${file.name}.br is not ${file.name} compressed`);
    assert.ok(compressed.length < file.gzip, `${file.name}.br is ${compressed.length} B, not under its ${file.gzip} B gzip`);
    file.brotli = compressed.length;
  }
  t.diagnostic(files.map((file) => `${file.name} ${file.brotli} B brotli (${file.gzip} gzip)`).join(', '));
});

test('the over-budget report names the largest functions and crates of the wasm', { skip: !existsSync(NAMED_WASM) && 'no target/size/ wasm: run npm run build' }, () => {
  const report = contributors(readFileSync(NAMED_WASM));
  const lines = report.split('\n');
  const functionLines = lines.slice(lines.indexOf(lines.find((line) => line.startsWith('largest functions'))) + 1).filter((line) => /^ +\d+ +[\d.]+% +/.test(line));
  assert.ok(functionLines.length >= SHOWN, report);
  assert.match(report, /code \d+/, 'lists the code section');
  assert.match(report, /data \d+/, 'lists the data section, where the built-in dataset is');
  // The layout is the largest function of the module; if its name is not found, names are not read.
  assert.match(report, /^ +\d+ +[\d.]+% +.*campaign_explainer\[[0-9a-f]+\]::layout::layout$/m, report);
  assert.match(report, /^ +\d+ +[\d.]+% +campaign_explainer$/m, 'the crate itself is among the largest crates');
});

test('the widget carries none of the newsroom builder\'s code: no spreadsheet reading, no csv, no JSON text', { skip: !existsSync(NAMED_WASM) && 'no target/size/ wasm: run npm run build' }, () => {
  const names = functionNames(readFileSync(NAMED_WASM));
  assert.ok(names.some((name) => /campaign_explainer\[[0-9a-f]+\]::layout::/.test(name)), 'the function names are read');
  const builders = names.filter((name) => /\b(csv|csv_core|serde_json)\[[0-9a-f]+\]|campaign_explainer\[[0-9a-f]+\]::(spreadsheet|data::json_text)\b/.test(name));
  assert.deepEqual(builders.slice(0, 10), [], `${builders.length} functions of the builder's code in the widget's wasm (builder/ and the crate's spreadsheet feature are the builder's alone)`);
});
