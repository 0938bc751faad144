// Size budget: the gzip size (level 9) of everything the widget loads, dist/campaign-explainer.js and the
// assets it names (its .wasm), must stay within size-budget.json. Over budget, the failure lists the largest
// functions and crates of the wasm, read from the function names wasm-bindgen's output still has
// (target/size/, kept by scripts/build-wasm.sh before wasm-opt strips them). Bytes are deterministic, so
// unlike the times of npm run bench this can be a test. Needs `npm run build` first, like every browser test.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.join(ROOT, 'dist');
const NAMED_WASM = path.join(ROOT, 'target', 'size', 'campaign_explainer_bg.named.wasm');
const BUDGET = JSON.parse(readFileSync(path.join(ROOT, 'size-budget.json'), 'utf8')).widget_gzip_bytes;
const SHOWN = 15;

/** The entry script and every file of dist/ whose name it contains: what a page with the widget downloads. */
function widgetFiles() {
  const entry = readFileSync(path.join(DIST, 'campaign-explainer.js'), 'utf8');
  const assets = readdirSync(DIST).filter((name) => name !== 'campaign-explainer.js' && statSync(path.join(DIST, name)).isFile() && entry.includes(name));
  return ['campaign-explainer.js', ...assets].map((name) => {
    const bytes = readFileSync(path.join(DIST, name));
    return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

/** Reads a wasm module's sections, its defined functions' body sizes and the names of its name section. */
function wasmFunctions(bytes) {
  let position = 8;
  const unsigned = () => {
    let result = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[position++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  const skipName = () => {
    const length = unsigned();
    position += length;
  };
  const sections = [];
  const bodySizes = [];
  const names = new Map();
  let importedFunctions = 0;
  while (position < bytes.length) {
    const id = bytes[position++];
    const size = unsigned();
    const end = position + size;
    if (id === 0) {
      const nameLength = unsigned();
      const name = bytes.subarray(position, position + nameLength).toString('utf8');
      position += nameLength;
      sections.push({ name: `custom "${name}"`, size });
      while (name === 'name' && position < end) {
        const subsection = bytes[position++];
        const subsectionEnd = unsigned() + position;
        if (subsection === 1) {
          for (let count = unsigned(); count > 0; count -= 1) {
            const index = unsigned();
            const length = unsigned();
            names.set(index, bytes.subarray(position, position + length).toString('utf8'));
            position += length;
          }
        }
        position = subsectionEnd;
      }
    } else {
      sections.push({ name: ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'data count'][id] ?? `#${id}`, size });
      if (id === 2) {
        for (let count = unsigned(); count > 0; count -= 1) {
          skipName();
          skipName();
          const kind = bytes[position++];
          if (kind === 0) { unsigned(); importedFunctions += 1; }
          else if (kind === 1) { position += 1; if (unsigned() & 1) unsigned(); unsigned(); }
          else if (kind === 2) { if (unsigned() & 1) unsigned(); unsigned(); }
          else if (kind === 3) position += 2;
          else position += 1;
        }
      } else if (id === 10) {
        for (let count = unsigned(); count > 0; count -= 1) {
          const bodySize = unsigned();
          bodySizes.push(bodySize);
          position += bodySize;
        }
      }
    }
    position = end;
  }
  const functions = bodySizes.map((size, index) => ({ size, name: names.get(importedFunctions + index) ?? `function ${importedFunctions + index}` }));
  return { sections, functions };
}

/** The crate a function's code comes from: the first `crate[hash]` of its demangled name. */
function crateOf(name) {
  const crate = /([A-Za-z_][A-Za-z0-9_]*)\[[0-9a-f]+\]/.exec(name);
  if (crate) return crate[1];
  if (/shim|^__wbg|^__wbindgen|^__externref|^explainer_/.test(name)) return 'wasm-bindgen exports and glue';
  return 'other';
}

/** The report printed over budget: sections, then the largest functions and crates, before wasm-opt. */
function contributors(bytes) {
  const { sections, functions } = wasmFunctions(bytes);
  const code = functions.reduce((sum, entry) => sum + entry.size, 0);
  const share = (size) => `${((100 * size) / code).toFixed(1)}%`;
  // Generic functions differ at the end of their names (the type they were made for), so long ones keep both ends.
  const shortened = (name) => (name.length > 160 ? `${name.slice(0, 80)}…${name.slice(-79)}` : name);
  const crates = new Map();
  for (const entry of functions) crates.set(crateOf(entry.name), (crates.get(crateOf(entry.name)) ?? 0) + entry.size);
  const largest = [...functions].sort((a, b) => b.size - a.size).slice(0, SHOWN);
  const byCrate = [...crates].sort((a, b) => b[1] - a[1]).slice(0, SHOWN);
  return [
    'sections of the wasm before wasm-opt: ' + sections.filter((section) => section.size > 1000).map((section) => `${section.name} ${section.size}`).join(', '),
    `largest functions (bytes of code before wasm-opt, share of ${code}):`,
    ...largest.map((entry) => `  ${String(entry.size).padStart(7)}  ${share(entry.size).padStart(6)}  ${shortened(entry.name)}`),
    'largest crates (a generic function counts for the crate that defines it):',
    ...byCrate.map(([crate, size]) => `  ${String(size).padStart(7)}  ${share(size).padStart(6)}  ${crate}`),
    'more: twiggy top -n 40 / twiggy dominators on target/size/campaign_explainer_bg.named.wasm (see BENCHMARKS.md)',
  ].join('\n');
}

test('what the widget loads stays within the gzip size budget', (t) => {
  const files = widgetFiles();
  assert.ok(files.some((file) => file.name.endsWith('.wasm')), `campaign-explainer.js names no .wasm of dist/: ${files.map((file) => file.name)}`);
  const total = files.reduce((sum, file) => sum + file.gzip, 0);
  const summary = `${files.map((file) => `${file.name} ${file.gzip} B gzip (${file.raw} raw)`).join(', ')}; total ${total} B gzip, budget ${BUDGET} B (size-budget.json)`;
  t.diagnostic(summary);
  if (total > BUDGET) {
    const report = existsSync(NAMED_WASM) ? contributors(readFileSync(NAMED_WASM)) : `(no ${NAMED_WASM}: run npm run build)`;
    assert.fail(`the widget is ${total - BUDGET} B over its gzip budget: ${summary}\n${report}`);
  }
  if (total < BUDGET * 0.9) t.diagnostic(`more than 10% under budget: lower widget_gzip_bytes in size-budget.json to about ${Math.ceil(total * 1.05)}`);
});

test('the over-budget report names the largest functions and crates of the wasm', { skip: !existsSync(NAMED_WASM) && 'no target/size/ wasm: run npm run build' }, () => {
  const report = contributors(readFileSync(NAMED_WASM));
  const lines = report.split('\n');
  const functionLines = lines.slice(lines.indexOf(lines.find((line) => line.startsWith('largest functions'))) + 1).filter((line) => /^ +\d+ +[\d.]+% +/.test(line));
  assert.ok(functionLines.length >= SHOWN, report);
  assert.match(report, /code \d+/, 'lists the code section');
  assert.match(report, /data \d+/, 'lists the data section, where the built-in dataset is');
  // The dataset parser is one of the largest functions of the module; if its name is not found, names are not read.
  assert.match(report, /campaign_explainer\[[0-9a-f]+\]::data::Dataset>::from_json/, report);
  assert.match(report, /^ +\d+ +[\d.]+% +campaign_explainer$/m, 'the crate itself is among the largest crates');
});
