// The wasm stack: the deepest the widget's stack reaches in the worst cases a page can bring (the largest dataset the
// validation allows, 40 parties read through `src`, in every view, language, theme and folding; a fact's card and its
// note; a story's transitions; a dataset refused with every problem named) stays under a quarter of the stack the
// module reserves (WASM_STACK_SIZE in scripts/toolchain.sh, read
// here from the built module: its stack pointer's first value). Rust's wasm32 linker puts the stack first, at the bottom
// of the memory, growing down from WASM_STACK_SIZE towards 0; a memory starts zeroed, so the lowest byte below
// WASM_STACK_SIZE that is not zero is as deep as the stack has been. (A frame that wrote only zeros at its bottom
// reads a little shallower than it was: the safety factor of 4 covers that.) An overflow would run past 0 and trap,
// a widget that fails for its reader; this test is what keeps the stack's size honest when the code grows.
// Chromium only: the wasm memory is read over CDP, as the soak test does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, endSession, openPage, waitForRender, canDo, DIST, readObjectsOf } from './harness.mjs';
import { generateDataset } from '../../bench/dataset.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const STACK_SIZE = stackSize(readFileSync(path.join(DIST, readdirSync(DIST).find((name) => /^campaign_explainer_bg\..*\.wasm$/.test(name)))));
const SAFETY_FACTOR = 4;
const SOURCE = JSON.parse(readFileSync(path.join(ROOT, 'data', 'campaign-2016.json'), 'utf8'));
const LARGEST = generateDataset(SOURCE, 40);
// The largest dataset with one fact too many for its party and an unknown party: refused, each problem named.
const REFUSED = { ...LARGEST, facts: [...LARGEST.facts, { ...LARGEST.facts[0], id: LARGEST.facts[1].id, party: 'nobody' }] };

const PAGE = (src) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>stack</title>
<script type="module" src="/campaign-explainer.js"></script></head>
<body style="margin: 8px; width: 720px">
<campaign-explainer id="explainer" lang="en" loading="eager"${src ? ` src="${src}"` : ''}></campaign-explainer>
</body></html>`;

/** The first value of the module's stack pointer (its first mutable i32 global, `__stack_pointer`): the stack's top. */
function stackSize(module) {
  let at = 8;
  const unsigned = () => { let value = 0, shift = 0, byte; do { byte = module[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80); return value; };
  const signed = () => { let value = 0, shift = 0, byte; do { byte = module[at++]; value |= (byte & 0x7f) << shift; shift += 7; } while (byte & 0x80); return shift < 32 && byte & 0x40 ? value | (-1 << shift) : value; };
  while (at < module.length) {
    const id = module[at++];
    const size = unsigned();
    const end = at + size;
    if (id === 6) {
      for (let count = unsigned(); count > 0; count -= 1) {
        const [type, mutable, opcode] = [module[at], module[at + 1], module[at + 2]];
        at += 3;
        const value = signed();
        at += 1; // end
        if (type === 0x7f && mutable === 1 && opcode === 0x41) return value;
      }
    }
    at = end;
  }
  return NaN;
}

let server, origin, browser;
before(async () => {
  ({ server, origin, browser } = await startSession({
    handler: (request, response) => {
      const routes = {
        '/stack-built-in.html': ['text/html; charset=utf-8', PAGE(null)],
        '/stack-largest.html': ['text/html; charset=utf-8', PAGE('/largest.json')],
        '/largest.json': ['application/json', JSON.stringify(LARGEST)],
        '/refused.json': ['application/json', JSON.stringify(REFUSED)],
      };
      const route = routes[request.url.split('?')[0]];
      if (!route) return false;
      response.writeHead(200, { 'Content-Type': route[0], 'Cache-Control': 'no-store' }).end(route[1]);
      return true;
    },
  }));
});
after(() => endSession({ server, browser }));

/** The lowest non-zero byte below the stack's top, in every wasm memory of the page (read over CDP). */
async function deepestStack(page) {
  const cdp = await page.native.context().newCDPSession(page.native);
  const depths = await readObjectsOf(cdp, 'WebAssembly.Memory.prototype', `function (top) {
      return this.map((memory) => {
        const bytes = new Uint8Array(memory.buffer, 0, top);
        const lowest = bytes.findIndex((byte) => byte !== 0);
        return lowest < 0 ? 0 : top - lowest;
      });
    }`, [STACK_SIZE]);
  await cdp.detach();
  return Math.max(...depths);
}

/** Sets attributes one change at a time, each waited for (a render, or an error for a refused value). */
async function drive(page, changes) {
  for (const change of changes) {
    await page.evaluate(async (attributes) => {
      const widget = document.getElementById('explainer');
      const before = window.widgetEvents.length;
      for (const [name, value] of Object.entries(attributes)) {
        if (value === null) widget.removeAttribute(name); else widget.setAttribute(name, value);
      }
      const deadline = performance.now() + 15000;
      const answer = () => window.widgetEvents.slice(before).find((event) => event.type === 'explainer:render' || event.type === 'explainer:error');
      while (!answer()) {
        if (performance.now() > deadline) throw new Error(`no render after ${JSON.stringify(attributes)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      // A stack overflow is a trap the widget reports as an error: only the refused dataset may give one.
      if (answer().type !== (attributes.src === '/refused.json' ? 'explainer:error' : 'explainer:render')) {
        throw new Error(`${JSON.stringify(attributes)} gave ${answer().type}: ${JSON.stringify(answer().detail ?? null)}`);
      }
    }, change);
  }
}

/** Every view in every language and theme, folded and not, with a party pair and a fact's card open. */
function everyState(views, parties, fact) {
  const changes = [];
  for (const lang of ['ar', 'fr', 'en']) {
    for (const theme of ['light', 'dark']) {
      for (const view of views) changes.push({ lang, theme, view, party: parties[0], versus: parties.at(-1), fact: null });
    }
    changes.push({ folded: '' }, { folded: null }, { fact }, { fact: null });
  }
  return changes;
}

async function exercise(page) {
  await waitForRender(page);
  const views = await page.evaluate(() => [...document.getElementById('explainer').shadowRoot.querySelectorAll('button[data-view]')].map((button) => button.dataset.view));
  assert.ok(views.length >= 4, `views found: ${views}`);
  return views;
}

test(`the deepest wasm stack stays under 1/${SAFETY_FACTOR} of the ${STACK_SIZE} B reserved`, { timeout: 300000 }, async (t) => {
  assert.ok(STACK_SIZE > 0, `the module's stack pointer starts at ${STACK_SIZE}`);
  const depths = {};
  for (const [name, dataset] of [['built-in', SOURCE], ['largest', LARGEST]]) {
    const { page, context, problems } = await openPage(browser, `${origin}/stack-${name}.html`, { origin, viewport: { width: 760, height: 1200 } });
    if (!canDo(t, browser, 'memory', 'the deepest stack is read from the wasm memory')) { await context.close(); return; }
    const views = await exercise(page);
    const parties = dataset.parties.map((party) => party.id);
    await drive(page, everyState(views, parties, dataset.facts[0].id));
    // Pointing at marks: hit tests and highlights, then a refused dataset (every problem, with its path).
    await page.mouse.move(300, 500);
    await page.mouse.move(400, 600);
    await drive(page, [{ src: '/refused.json' }]);
    depths[name] = await deepestStack(page);
    assert.deepEqual(problems.filter((problem) => !/refused|explainer:error|invalid/i.test(String(problem))), [], `${name}: no error but the refused dataset's`);
    await context.close();
  }
  // The story page: a transition between each two steps.
  const { page, context } = await openPage(browser, `${origin}/index.html`, { origin, viewport: { width: 1200, height: 900 } });
  await waitForRender(page);
  const steps = await page.evaluate(() => document.querySelectorAll('[data-explainer-step]').length);
  for (let index = 0; index < steps; index += 1) {
    await page.evaluate((at) => document.querySelectorAll('[data-explainer-step]')[at].scrollIntoView({ block: 'center', behavior: 'instant' }), index);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 450)));
  }
  depths.story = await deepestStack(page);
  await context.close();
  const deepest = Math.max(...Object.values(depths));
  console.log(`stack: deepest ${JSON.stringify(depths)} B of ${STACK_SIZE} B reserved (${(STACK_SIZE / deepest).toFixed(1)}x)`);
  assert.ok(deepest * SAFETY_FACTOR <= STACK_SIZE, `the stack reached ${deepest} B: more than 1/${SAFETY_FACTOR} of the ${STACK_SIZE} B reserved`);
  assert.ok(deepest > 1024, `a stack of ${deepest} B is not a measurement (the memory's layout changed?)`);
});
