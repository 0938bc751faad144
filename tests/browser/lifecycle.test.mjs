// The element's whole life in a news app: created, moved, re-configured and removed. Nothing is left behind
// (the Rust handles count themselves; in Chromium, after a forced garbage collection, no removed element is
// alive, and the wasm memory, which can grow but never shrink, is reused by the next elements instead of growing), a moved element follows its new container, a removed
// attribute returns to the contract's default, and attributes set while the element starts are in its first
// draw and its first explainer:render.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startSession, endSession, DIST, openPage, waitForRender, canDo, readObjectsOf } from './harness.mjs';

const CYCLES = Number(process.env.LIFECYCLE_CYCLES ?? (process.env.BROWSERS?.startsWith('chromium') ? 1000 : 300));

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>lifecycle</title>
<script type="module" src="/campaign-explainer.js"></script>
<style>body { margin: 8px; } #wide { width: 900px; } #narrow { width: 400px; } #pool { width: 640px; }</style>
</head>
<body>
<div id="wide"><campaign-explainer id="main" lang="en" theme="light"></campaign-explainer></div>
<div id="narrow"></div>
<div id="pool"></div>
</body>
</html>`;

const LAZY_PAGE = (loading) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>lazy</title><script type="module" src="/campaign-explainer.js"></script></head>
<body><div id="spacer" style="height: 5000px">The article, five screens long.</div>
<campaign-explainer id="far" lang="fr"${loading}></campaign-explainer>
</body>
</html>`;

// Requests of the loader script, of the other scripts of dist/ (the widget's chunk), of the wasm and of the
// texts files, counted by the server.
const requested = { entry: 0, chunks: 0, wasm: 0, texts: 0 };
const countRequest = (url) => {
  const urlPath = new URL(url, 'http://127.0.0.1').pathname;
  if (urlPath === '/campaign-explainer.js') requested.entry += 1;
  else if (urlPath.endsWith('.js')) requested.chunks += 1;
  if (urlPath.endsWith('.wasm')) requested.wasm += 1;
  if (urlPath.startsWith('/texts-')) requested.texts += 1;
};

// While set, the French texts file is answered this many milliseconds late.
let frenchDelay = 0;
// While set, the widget's chunk is answered this many milliseconds late, and the order in which the chunk, the
// wasm and the texts are asked for and the chunk answered is written down.
let chunkDelay = 0;
const order = [];
const frenchFile = () => readdirSync(DIST).find((name) => /^texts-fr\.[0-9a-f]+\.json$/.test(name));

let server, origin, browser;
before(async () => {
  ({ server, origin, browser } = await startSession({
    routes: [{ prefix: '/', directory: DIST }],
    handler: (request, response) => {
      countRequest(request.url);
      const urlPath = new URL(request.url, 'http://127.0.0.1').pathname;
      if (chunkDelay) {
        if (urlPath.endsWith('.wasm')) order.push('wasm requested');
        if (urlPath.startsWith('/texts-')) order.push('texts requested');
      }
      if (chunkDelay && /^\/[\w-]+\.[0-9a-f]+\.js$/.test(urlPath)) {
        order.push('chunk requested');
        const body = readFileSync(path.join(DIST, urlPath.slice(1)));
        setTimeout(() => {
          order.push('chunk answered');
          response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' }).end(body);
        }, chunkDelay);
        return true;
      }
      if (request.url.startsWith('/lazy.html') || request.url.startsWith('/eager.html')) {
        const page = LAZY_PAGE(request.url.startsWith('/eager.html') ? ' loading="eager"' : '');
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(page);
        return true;
      }
      if (request.url.startsWith('/lifecycle.html')) {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(PAGE);
        return true;
      }
      if (frenchDelay && request.url.includes('/texts-fr.')) {
        const body = readFileSync(path.join(DIST, frenchFile()));
        setTimeout(() => response.writeHead(200, { 'Content-Type': 'application/json' }).end(body), frenchDelay);
        return true;
      }
      return false;
    },
  }));
});
after(() => endSession({ server, browser }));

const liveHandles = (page) => page.evaluate(() => customElements.get('campaign-explainer').liveHandles());
const renders = (page, id) => page.evaluate((target) => window.widgetEvents.filter((event) => event.type === 'explainer:render' && event.id === target).map((event) => event.detail), id);

/** JS objects of the element's class alive after a full garbage collection, and the wasm memory's size (Chromium). */
async function afterCollection(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const elements = await readObjectsOf(cdp, "customElements.get('campaign-explainer').prototype", 'function () { return this.length; }');
  const memory = await readObjectsOf(cdp, 'WebAssembly.Memory.prototype', 'function () { return this.reduce((sum, memory) => sum + memory.buffer.byteLength, 0); }');
  return { elements, memory };
}

test('30 elements added and removed, three times, leave no handle, no element and no memory behind', async (t) => {
  const { page, context, problems } = await openPage(browser, `${origin}/lifecycle.html`, { origin });
  await waitForRender(page, 'main');
  const measures = canDo(t, browser, 'memory', 'no removed element is alive after a garbage collection, and the wasm memory is reused');
  const cdp = measures ? await page.native.context().newCDPSession(page.native) : null;
  assert.equal(await liveHandles(page), 1, 'the page\'s one element has one handle');
  // Linear memory grows and never shrinks: what must hold is that the second and third rounds reuse what
  // the first one's elements freed.
  const peaks = [];
  for (let round = 1; round <= 3; round += 1) {
    await page.evaluate(async (views) => {
      const pool = document.getElementById('pool');
      const drawn = [];
      for (let index = 0; index < 30; index += 1) {
        const widget = document.createElement('campaign-explainer');
        widget.setAttribute('loading', 'eager');
        widget.setAttribute('lang', 'en');
        widget.setAttribute('view', views[index % views.length]);
        drawn.push(new Promise((resolve) => widget.addEventListener('explainer:render', resolve, { once: true })));
        pool.append(widget);
      }
      await Promise.all(drawn);
    }, ['matrix', 'party', 'compare', 'camps', 'timeline']);
    assert.equal(await liveHandles(page), 31, `round ${round}: one handle per element`);
    if (measures) peaks.push((await afterCollection(cdp)).memory);
    await page.evaluate(() => document.getElementById('pool').replaceChildren());
    assert.equal(await liveHandles(page), 1, `round ${round}: the removed elements' handles are freed`);
  }
  if (measures) {
    const end = await afterCollection(cdp);
    assert.equal(end.elements, 1, 'only the element still on the page is alive');
    t.diagnostic(`wasm memory with 31 elements, round by round: ${peaks.join(', ')} B; at the end ${end.memory} B`);
    assert.ok(Math.max(...peaks.slice(1), end.memory) <= peaks[0] * 1.1, `wasm memory grew past the first round's by more than 10%: ${peaks.join(', ')}, ${end.memory} B`);
    await cdp.detach().catch(() => {});
  }
  // The element left on the page still answers.
  const count = (await renders(page, 'main')).length;
  await page.evaluate(() => document.getElementById('main').setAttribute('view', 'camps'));
  await waitForRender(page, 'main', count + 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a moved element follows its new container\'s width, and stops listening where it was', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/lifecycle.html`, { origin });
  await waitForRender(page, 'main');
  const canvasWidth = () => page.evaluate(() => document.getElementById('main').shadowRoot.querySelector('canvas').getBoundingClientRect().width);
  assert.ok(Math.abs((await canvasWidth()) - 900) <= 2, `drawn at the wide box's width: ${await canvasWidth()}`);
  const count = (await renders(page, 'main')).length;
  await page.evaluate(() => document.getElementById('narrow').append(document.getElementById('main')));
  await waitForRender(page, 'main', count + 1);
  assert.ok(Math.abs((await canvasWidth()) - 400) <= 2, `drawn at the narrow box's width: ${await canvasWidth()}`);
  assert.equal(await liveHandles(page), 1, 'one handle: the old one was freed when the element left');
  // Its new container resizes: it follows.
  const resized = (await renders(page, 'main')).length;
  await page.evaluate(() => { document.getElementById('narrow').style.width = '360px'; });
  await waitForRender(page, 'main', resized + 1);
  assert.ok(Math.abs((await canvasWidth()) - 360) <= 2, `follows its container: ${await canvasWidth()}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('each attribute removed returns to the contract\'s default', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/lifecycle.html`, { origin });
  await waitForRender(page, 'main');
  const set = (name, value) => page.evaluate(([attribute, text]) => document.getElementById('main').setAttribute(attribute, text), [name, value]);
  const remove = (name) => page.evaluate((attribute) => document.getElementById('main').removeAttribute(attribute), name);
  const theme = () => page.evaluate(() => document.getElementById('main').shadowRoot.querySelector('.explainer').dataset.theme);
  const last = async () => (await renders(page, 'main')).at(-1);
  const step = async (change) => {
    const count = (await renders(page, 'main')).length;
    await change();
    await waitForRender(page, 'main', count + 1);
    return last();
  };
  await step(() => set('view', 'compare'));
  await step(() => set('party', 'pam'));
  await step(() => set('versus', 'istiqlal'));
  await step(() => set('theme', 'dark'));
  assert.deepEqual(await last(), { view: 'compare', lang: 'en', party: 'pam', versus: 'istiqlal' });
  assert.equal(await theme(), 'dark');
  assert.deepEqual(await step(() => remove('versus')), { view: 'compare', lang: 'en', party: 'pam', versus: 'pam' }, 'versus: the second party');
  assert.deepEqual(await step(() => remove('party')), { view: 'compare', lang: 'en', party: 'pjd', versus: 'pam' }, 'party: the first party');
  assert.deepEqual(await step(() => remove('view')), { view: 'matrix', lang: 'en', party: 'pjd', versus: 'pam' }, 'view: the matrix');
  await step(() => remove('theme'));
  assert.equal(await theme(), 'light', 'theme: auto, which follows the reader\'s light scheme here');
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'ar'));
  assert.deepEqual(await step(() => remove('lang')), { view: 'matrix', lang: 'ar', party: 'pjd', versus: 'pam' }, 'lang: the page\'s language');
  const errors = await page.evaluate(() => window.widgetEvents.filter((event) => event.type === 'explainer:error'));
  assert.deepEqual(errors, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('attributes set in the same task as the insertion, and while the texts load, are in the first draw', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/lifecycle.html`, { origin });
  await waitForRender(page, 'main');
  await page.evaluate(() => {
    const widget = document.createElement('campaign-explainer');
    widget.setAttribute('loading', 'eager');
    widget.id = 'same-task';
    widget.setAttribute('lang', 'en');
    document.getElementById('pool').append(widget);
    widget.setAttribute('view', 'timeline');
    widget.setAttribute('party', 'pam');
  });
  await waitForRender(page, 'same-task');
  assert.deepEqual((await renders(page, 'same-task'))[0], { view: 'timeline', lang: 'en', party: 'pam', versus: 'pam' });

  frenchDelay = 800;
  try {
    await page.evaluate(() => {
      const widget = document.createElement('campaign-explainer');
      widget.setAttribute('loading', 'eager');
      widget.id = 'while-texts-load';
      widget.setAttribute('lang', 'fr');
      document.getElementById('pool').append(widget);
    });
    await page.waitForTimeout(300);
    assert.deepEqual(await renders(page, 'while-texts-load'), [], 'no draw before the French texts arrive');
    await page.evaluate(() => {
      const widget = document.getElementById('while-texts-load');
      widget.setAttribute('view', 'camps');
      widget.setAttribute('theme', 'dark');
    });
    await waitForRender(page, 'while-texts-load');
  } finally {
    frenchDelay = 0;
  }
  const first = await renders(page, 'while-texts-load');
  assert.deepEqual(first[0], { view: 'camps', lang: 'fr', party: 'pjd', versus: 'pam' }, 'the first draw is in French, in the view set meanwhile');
  assert.equal(await page.evaluate(() => document.getElementById('while-texts-load').shadowRoot.querySelector('.explainer').dataset.theme), 'dark');
  assert.deepEqual(problems, []);
  await context.close();
});

test(`a soak of ${CYCLES} create, move and remove cycles leaves the handles and the memory where they were`, { timeout: 300000 }, async (t) => {
  const { page, context, problems } = await openPage(browser, `${origin}/lifecycle.html`, { origin });
  await waitForRender(page, 'main');
  const measures = canDo(t, browser, 'memory', 'the JS heap and the wasm memory stay flat over the cycles');
  const cdp = measures ? await page.native.context().newCDPSession(page.native) : null;
  const cycle = (count) => page.evaluate(async (cycles) => {
    const drawn = (widget) => new Promise((resolve) => widget.addEventListener('explainer:render', resolve, { once: true }));
    for (let index = 0; index < cycles; index += 1) {
      const widget = document.createElement('campaign-explainer');
      widget.setAttribute('loading', 'eager');
      widget.setAttribute('lang', 'en');
      widget.setAttribute('view', index % 2 ? 'compare' : 'matrix');
      let shown = drawn(widget);
      document.getElementById('pool').append(widget);
      await shown;
      shown = drawn(widget);
      document.getElementById('narrow').append(widget);
      await shown;
      widget.remove();
    }
    // The records of these elements' events are the test's, not the widget's.
    window.widgetEvents = window.widgetEvents.filter((event) => event.id === 'main');
  }, count);
  const warmUp = Math.min(100, CYCLES);
  await cycle(warmUp);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const before = measures ? { heap: await heap(), wasm: (await afterCollection(cdp)).memory } : null;
  await cycle(CYCLES - warmUp);
  assert.equal(await liveHandles(page), 1, 'only the page\'s own element has a handle');
  if (measures) {
    const afterAll = { heap: await heap(), wasm: (await afterCollection(cdp)).memory };
    t.diagnostic(`JS heap ${before.heap} B -> ${afterAll.heap} B, wasm memory ${before.wasm} B -> ${afterAll.wasm} B over ${CYCLES - warmUp} cycles`);
    // About 500 B a cycle would pass: a kept element, handle or scene per cycle is far more.
    assert.ok(afterAll.heap - before.heap < 512 * 1024, `JS heap grew by ${afterAll.heap - before.heap} B`);
    assert.ok(afterAll.wasm <= before.wasm * 1.1, `wasm memory grew from ${before.wasm} B to ${afterAll.wasm} B`);
    assert.equal((await afterCollection(cdp)).elements, 1, 'no removed element is alive');
    await cdp.detach().catch(() => {});
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a widget far below the fold downloads nothing but its loader script until the reader comes near it; loading="eager" starts at once', async () => {
  Object.assign(requested, { entry: 0, chunks: 0, wasm: 0, texts: 0 });
  const { page, context, problems } = await openPage(browser, `${origin}/lazy.html`, { origin, viewport: { width: 800, height: 600 } });
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => customElements.get('campaign-explainer') !== undefined), true, 'the element is defined');
  assert.deepEqual(requested, { entry: 1, chunks: 0, wasm: 0, texts: 0 }, 'a reader at the top of the article downloads the loader script only: no chunk, no wasm, no texts file');
  assert.deepEqual(await renders(page, 'far'), []);
  await page.evaluate(() => window.scrollTo({ top: 4500, behavior: 'instant' }));
  await waitForRender(page, 'far');
  assert.equal(requested.chunks, 1, 'the widget\'s chunk, once the reader is a screen away');
  assert.equal(requested.wasm, 1, 'the wasm with it');
  assert.equal(requested.texts, 1, 'and the French texts');
  assert.equal(requested.entry, 1);
  assert.deepEqual(problems, []);
  await context.close();

  // The wasm and the texts are asked for while the chunk is on its way, not once it has arrived.
  Object.assign(requested, { entry: 0, chunks: 0, wasm: 0, texts: 0 });
  order.length = 0;
  chunkDelay = 800;
  let eager;
  try {
    eager = await openPage(browser, `${origin}/eager.html`, { origin, viewport: { width: 800, height: 600 } });
    await waitForRender(eager.page, 'far');
  } finally {
    chunkDelay = 0;
  }
  assert.deepEqual(requested, { entry: 1, chunks: 1, wasm: 1, texts: 1 }, 'loading="eager": everything at once, without scrolling');
  const before = (step) => order.includes(step) && order.indexOf(step) < order.indexOf('chunk answered');
  assert.ok(before('wasm requested') && before('texts requested'), `the wasm and the texts requested together with the chunk: ${order.join(', ')}`);
  assert.deepEqual(eager.problems, []);
  await eager.context.close();
});
