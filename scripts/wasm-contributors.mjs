// Lists what a wasm module is made of, from the function names wasm-bindgen's output still has before
// wasm-opt strips them (scripts/build-wasm.sh keeps a copy in target/size/): sections, largest functions,
// crates, and the modules of this crate. Used by tests/browser/size.test.mjs when the budget is exceeded,
// and by hand while shrinking: node scripts/wasm-contributors.mjs [target/size/campaign_explainer_bg.named.wasm]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SHOWN = 15;

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

/** Every function's demangled name (a number where the module has none). */
export function functionNames(bytes) {
  return wasmFunctions(bytes).functions.map((entry) => entry.name);
}

/** The crate a function's code comes from: the first `crate[hash]` of its demangled name. */
function crateOf(name) {
  const crate = /([A-Za-z_][A-Za-z0-9_]*)\[[0-9a-f]+\]/.exec(name);
  if (crate) return crate[1];
  if (/shim|^__wbg|^__wbindgen|^__externref|^explainer_/.test(name)) return 'wasm-bindgen exports and glue';
  return 'other';
}

/** The innermost `campaign_explainer::a::b` a function's name mentions, two levels deep; null for other crates. */
function moduleOf(name) {
  const found = [...name.matchAll(/campaign_explainer\[[0-9a-f]+\]::([a-z_0-9]+)(?:::([a-z_0-9]+))?/g)].at(-1);
  if (!found) return null;
  const [, first, second] = found;
  return second && /^[a-z_0-9]+$/.test(second) && !/^[A-Z]/.test(second) ? `${first}::${second}` : first;
}

/** The report printed over budget: sections, then the largest functions and crates, before wasm-opt. */
export function contributors(bytes, shown = SHOWN) {
  const { sections, functions } = wasmFunctions(bytes);
  const code = functions.reduce((sum, entry) => sum + entry.size, 0);
  const share = (size) => `${((100 * size) / code).toFixed(1)}%`;
  // Generic functions differ at the end of their names (the type they were made for), so long ones keep both ends.
  const shortened = (name) => (name.length > 160 ? `${name.slice(0, 80)}…${name.slice(-79)}` : name);
  const crates = new Map();
  for (const entry of functions) crates.set(crateOf(entry.name), (crates.get(crateOf(entry.name)) ?? 0) + entry.size);
  const largest = [...functions].sort((a, b) => b.size - a.size).slice(0, shown);
  const byCrate = [...crates].sort((a, b) => b[1] - a[1]).slice(0, shown);
  const modules = new Map();
  for (const entry of functions) {
    const module = moduleOf(entry.name);
    if (module) modules.set(module, (modules.get(module) ?? 0) + entry.size);
  }
  const byModule = [...modules].sort((a, b) => b[1] - a[1]).slice(0, shown);
  return [
    'sections of the wasm before wasm-opt: ' + sections.filter((section) => section.size > 1000).map((section) => `${section.name} ${section.size}`).join(', '),
    `largest functions (bytes of code before wasm-opt, share of ${code}):`,
    ...largest.map((entry) => `  ${String(entry.size).padStart(7)}  ${share(entry.size).padStart(6)}  ${shortened(entry.name)}`),
    'largest crates (a generic function counts for the crate that defines it):',
    ...byCrate.map(([crate, size]) => `  ${String(size).padStart(7)}  ${share(size).padStart(6)}  ${crate}`),
    'largest modules of campaign_explainer (a generic function counts for the innermost module it was made for):',
    ...byModule.map(([name, size]) => `  ${String(size).padStart(7)}  ${share(size).padStart(6)}  ${name}`),
    'more: twiggy top -n 40 / twiggy dominators on target/size/campaign_explainer_bg.named.wasm (see BENCHMARKS.md)',
  ].join('\n');
}


if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'target', 'size', 'campaign_explainer_bg.named.wasm');
  console.log(contributors(readFileSync(file), Number(process.argv[3] ?? 25)));
}
