// When the wasm cannot load (the request blocked, a 404, or an old browser without WebAssembly), or the
// widget's script chunk that the loader imports cannot (a 404, e.g. a deploy that copied only the loader): every
// instance shows a role="alert" message over its static fallback and fires explainer:error, nothing is
// thrown uncaught, and the host page's own scripts still run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as harness from './harness.mjs';

const { DIST, openPage, startSession, endSession } = harness;

/**
 * A newsroom page with two instances, each holding a static fallback, and scripts of its own; `before` is a
 * classic script that runs first (e.g. one that takes WebAssembly away, as an old browser would lack it).
 */
const hostPage = (scriptPath, before = '') => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A host page whose widget cannot load its wasm</title>
${before ? `<script src="${before}"></script>` : ''}
<script type="module" src="${scriptPath}"></script>
<script>
  window.hostErrors = [];
  document.addEventListener('explainer:error', (event) => window.hostErrors.push({ id: event.target.id, message: event.detail.message }));
  window.hostClassic = 'ran';
</script>
<script type="module">
  window.hostModule = 'ran';
  document.getElementById('after').addEventListener('click', () => { window.hostClicks = (window.hostClicks ?? 0) + 1; });
</script>
</head>
<body>
<campaign-explainer id="first" lang="fr"><p class="static">Version fixe du graphique</p></campaign-explainer>
<campaign-explainer id="second" lang="en" view="camps"><p class="static">Static version of the chart</p></campaign-explainer>
<button id="after">A host button after the widgets</button>
</body>
</html>`;

let server, origin, browser;
before(async () => {
  ({ server, origin, browser } = await startSession({
    // /no-wasm/ is dist/ again, except that its .wasm answers 404: the element loads the wasm beside itself.
    // /blocked/ likewise, except that its .wasm request is cut without an answer, as an ad blocker or a
    // corporate proxy would (the same in every engine, where a driver's request routing is not).
    // /no-chunk/ likewise, except that the widget's chunk (a hashed .js) answers 404.
    routes: [{ prefix: '/no-wasm/', directory: DIST }, { prefix: '/blocked/', directory: DIST }, { prefix: '/no-chunk/', directory: DIST }, { prefix: '/', directory: DIST }],
    handler: (request, response) => {
      const urlPath = new URL(request.url, 'http://127.0.0.1').pathname;
      const page = {
        '/host.html': ['/campaign-explainer.js'],
        '/host-404.html': ['/no-wasm/campaign-explainer.js'],
        '/host-blocked.html': ['/blocked/campaign-explainer.js'],
        '/host-no-chunk.html': ['/no-chunk/campaign-explainer.js'],
        '/host-no-webassembly.html': ['/campaign-explainer.js', '/no-webassembly.js'],
      }[urlPath];
      if (page) {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(hostPage(...page));
        return true;
      }
      if (urlPath === '/no-webassembly.js') {
        response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' }).end('delete window.WebAssembly;\n');
        return true;
      }
      if (urlPath.startsWith('/no-wasm/') && urlPath.endsWith('.wasm')) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return true;
      }
      if (/^\/no-chunk\/[\w-]+\.[0-9a-f]+\.js$/.test(urlPath)) {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return true;
      }
      if (urlPath.startsWith('/blocked/') && urlPath.endsWith('.wasm')) {
        request.socket.destroy();
        return true;
      }
      return false;
    },
  }));
});
after(() => endSession({ server, browser }));

/** Waits for both instances' error events, then reads what a reader and the host page see. */
async function failureState(page) {
  await page.waitForFunction(() => ['first', 'second'].every((id) => window.hostErrors?.some((error) => error.id === id)), null, { timeout: 20000 });
  // A moment for anything that would still throw or render late.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return page.evaluate(() => {
    const visible = (node) => Boolean(node) && node.getClientRects().length > 0 && node.getBoundingClientRect().height > 0;
    const widgets = Object.fromEntries(['first', 'second'].map((id) => {
      const widget = document.getElementById(id);
      const alert = widget.shadowRoot?.querySelector('[role="alert"]');
      return [id, {
        alert: alert?.textContent ?? null,
        alertVisible: visible(alert),
        fallbackVisible: visible(widget.querySelector('.static')),
        renders: window.widgetEvents.filter((event) => event.type === 'explainer:render' && event.id === id).length,
      }];
    }));
    return { widgets, errors: window.hostErrors, hostClassic: window.hostClassic ?? null, hostModule: window.hostModule ?? null };
  });
}

/** The assertions shared by every way the wasm can fail to load. */
async function assertGracefulFailure(page, problems, expectedProblem) {
  const state = await failureState(page);
  for (const id of ['first', 'second']) {
    const widget = state.widgets[id];
    const errors = state.errors.filter((error) => error.id === id);
    assert.equal(errors.length, 1, `${id}: one explainer:error, got ${JSON.stringify(errors)}`);
    assert.ok(errors[0].message.length > 0, `${id}: the event says what failed`);
    assert.ok(widget.alertVisible, `${id}: the role="alert" message is shown`);
    assert.ok(widget.alert.includes(errors[0].message), `${id}: the alert names the problem: "${widget.alert}" / "${errors[0].message}"`);
    assert.ok(widget.alert.length > errors[0].message.length + 10, `${id}: the alert says more than the raw error: "${widget.alert}"`);
    assert.ok(widget.fallbackVisible, `${id}: the static fallback stays visible`);
    assert.equal(widget.renders, 0, `${id}: nothing claims to have rendered`);
  }
  const intro = (id) => state.widgets[id].alert.replace(state.errors.find((error) => error.id === id).message, '');
  assert.notEqual(intro('first'), intro('second'), 'each alert speaks its instance\'s language (fr, en)');
  assert.equal(state.hostClassic, 'ran', 'the host page\'s classic script ran');
  assert.equal(state.hostModule, 'ran', 'the host page\'s module script ran');
  await page.click('#after');
  assert.equal(await page.evaluate(() => window.hostClicks ?? 0), 1, 'the host page\'s handlers still work');
  const unexpected = problems.filter((problem) => !expectedProblem.test(problem));
  assert.deepEqual(unexpected, [], 'no uncaught exception or console error beyond the failed wasm request');
  return state;
}

test('a blocked .wasm request leaves an alert over the static fallback, an error event, and a working page', async () => {
  // As an ad blocker or a corporate proxy would: the request fails without an answer.
  const { page, context, problems } = await openPage(browser, `${origin}/host-blocked.html`, { origin });
  const state = await assertGracefulFailure(page, problems, /^failed request: .*\.wasm\b/);
  assert.ok(problems.some((problem) => /\.wasm/.test(problem)), `the wasm request was blocked: ${problems}`);
  assert.match(state.errors[0].message, /fetch|network|load/i, 'the message says the load failed');
  await context.close();
});

test('a .wasm that answers 404 leaves an alert over the static fallback, an error event, and a working page', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/host-404.html`, { origin });
  await assertGracefulFailure(page, problems, /^HTTP 404: .*\/no-wasm\/.*\.wasm$/);
  assert.ok(problems.some((problem) => /^HTTP 404: .*\.wasm$/.test(problem)), `the wasm answered 404: ${problems}`);
  await context.close();
});

test('a widget chunk that answers 404 leaves an alert over the static fallback, an error event, and a working page', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/host-no-chunk.html`, { origin });
  // Besides the 404, the engines report the failed module load in their own words, each naming the chunk's URL
  // (Chromium: the request aborted; Firefox: the module blocked for its text/plain type).
  await assertGracefulFailure(page, problems, /\/no-chunk\/[\w-]+\.[0-9a-f]+\.js\b/);
  assert.ok(problems.some((problem) => /^HTTP 404: .*\/no-chunk\/.*\.js$/.test(problem)), `the chunk answered 404: ${problems}`);
  await context.close();
});

test('a browser without WebAssembly gets an alert over the static fallback, an error event, and a working page', async () => {
  // Before any script of the page: an old or locked-down browser (e.g. with WebAssembly disabled by policy).
  const { page, context, problems } = await openPage(browser, `${origin}/host-no-webassembly.html`, { origin });
  const state = await assertGracefulFailure(page, problems, /^$/);
  assert.match(state.errors[0].message, /WebAssembly/, 'the message names what is missing');
  assert.equal(await page.evaluate(() => typeof window.WebAssembly), 'undefined');
  await context.close();
});

// The fallback takes the chart's place: an empty canvas box (about 440 px at 900 px wide) would push the article down.
test('a failed wasm load leaves no empty chart area under the fallback', async () => {
  const { page, context } = await openPage(browser, `${origin}/host-404.html`, { origin });
  await failureState(page);
  const canvasHeights = await page.evaluate(() => ['first', 'second'].map((id) => document.getElementById(id).shadowRoot.querySelector('canvas').getBoundingClientRect().height));
  await context.close();
  assert.deepEqual(canvasHeights, [0, 0], 'the empty canvas takes no room');
});
