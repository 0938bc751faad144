// The wasm runs in each engine without feature flags: the emitted module (dist/*.wasm) uses only features
// on the allowed list, and the engine under test validates a probe module of each allowed feature.
// The list (wasm-features.mjs, ALLOWED) is what Chromium 156, Firefox ESR 153 and WebKitGTK 2.50 all support.
// The build runs wasm-opt without --all-features on purpose (scripts/build-wasm.sh), and rustc's wasm32
// target enables only what LLVM's "generic" CPU has; this test is what notices if either changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { startSession, endSession, DIST, openPage } from './harness.mjs';
import { ALLOWED, FEATURE_NAMES, PROBES, moduleFeatures } from './wasm-features.mjs';

const modules = async () => (await readdir(DIST)).filter((file) => file.endsWith('.wasm'));

test('the feature reader names the feature of each probe module, and nothing in an MVP one', () => {
  assert.deepEqual([...moduleFeatures(PROBES.mvp).features.keys()], []);
  for (const [feature, bytes] of Object.entries(PROBES)) {
    if (feature === 'mvp') continue;
    assert.ok(moduleFeatures(bytes).features.has(feature), `${feature}: found ${[...moduleFeatures(bytes).features.keys()]}`);
  }
});

test('dist/*.wasm uses only the allowed WebAssembly features', async (t) => {
  const files = await modules();
  assert.ok(files.length >= 1, 'npm run build emitted a wasm module into dist/');
  for (const file of files) {
    const { features } = moduleFeatures(await readFile(path.join(DIST, file)));
    t.diagnostic(`${file} uses: ${[...features.keys()].join(', ') || 'the MVP only'}`);
    const outside = [...features].filter(([feature]) => !ALLOWED.includes(feature)).map(([feature, where]) => `${feature} (${FEATURE_NAMES[feature] ?? 'not decoded'}; first: ${where})`);
    assert.deepEqual(outside, [], `${file} uses features outside the allowed list ${ALLOWED.join(', ')}`);
  }
});

let server, origin, browser;
before(async () => {
  ({ server, origin, browser } = await startSession());
});
after(() => endSession({ server, browser }));

test('this engine validates every allowed feature without a flag, and compiles the emitted module', async (t) => {
  const { page, context, problems } = await openPage(browser, `${origin}/favicon.svg`, { origin });
  const probes = Object.fromEntries(Object.entries(PROBES).map(([feature, bytes]) => [feature, [...bytes]]));
  const support = await page.evaluate((all) => Object.fromEntries(Object.entries(all).map(([feature, bytes]) => [feature, WebAssembly.validate(new Uint8Array(bytes))])), probes);
  t.diagnostic(`${browser.engine} ${browser.version ?? ''} supports: ${Object.entries(support).filter(([, yes]) => yes).map(([feature]) => feature).join(', ')}; not: ${Object.entries(support).filter(([, yes]) => !yes).map(([feature]) => feature).join(', ') || 'none'}`);
  assert.equal(support.mvp, true);
  assert.deepEqual(ALLOWED.filter((feature) => !support[feature]), [], `allowed but not supported by ${browser.engine}`);
  for (const file of await modules()) {
    const compiled = await page.evaluate(async (url) => {
      try {
        const module = await WebAssembly.compile(await (await fetch(url)).arrayBuffer());
        return { imports: WebAssembly.Module.imports(module).length, exports: WebAssembly.Module.exports(module).length };
      } catch (error) {
        return { error: String(error) };
      }
    }, `${origin}/${file}`);
    assert.equal(compiled.error, undefined, `${file} compiles in ${browser.engine}`);
    assert.ok(compiled.exports > 5, `${file} exports its functions`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
