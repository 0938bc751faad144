// Custom datasets: through `src`, ones that misbehave at the network level (one that never answers, one too
// large to read, one that is not JSON), and through the `data` property, as an object the host page built.
// Each refusal must end in the element's alert and an explainer:error, never a hang or a crash.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, endSession, DIST, openPage, waitForRender } from './harness.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures') + path.sep;
let server, origin, browser;
const WASM_DELAY_MS = 1500;
const requestTimes = {};
const EARLY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>src at the start</title>
<script type="module" src="/static/explainer/campaign-explainer.js"></script></head>
<body><campaign-explainer id="explainer" src="/fixtures/hostile-dataset.json" loading="eager"></campaign-explainer>
<script type="module">document.getElementById('explainer').addEventListener('explainer:render', (event) => { window.rendered = event.detail; });</script></body></html>`;
before(async () => {
  ({ server, origin, browser } = await startSession({
    routes: [{ prefix: '/static/explainer/', directory: DIST }, { prefix: '/fixtures/', directory: FIXTURES }, { prefix: '/', directory: DIST }],
    handler: (request, response) => {
      if (request.url.startsWith('/fixtures/never.json')) return true; // holds the request open
      if (request.url.startsWith('/fixtures/early.html')) {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end(EARLY_PAGE);
        return true;
      }
      // On the page that times the requests, the wasm answers late: a dataset requested only once the wasm has
      // arrived would be requested after it.
      if (request.url.endsWith('.wasm') && request.headers.referer?.includes('/fixtures/early.html')) {
        requestTimes.wasm = performance.now();
        return new Promise((resolve) => setTimeout(() => { requestTimes.wasmAnswered = performance.now(); resolve(false); }, WASM_DELAY_MS));
      }
      if (request.url.startsWith('/fixtures/hostile-dataset.json') && request.headers.referer?.includes('/fixtures/early.html')) {
        requestTimes.dataset = performance.now();
      }
      if (request.url.startsWith('/fixtures/cut-off.json')) {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end('{"parties": [{"id": "a"');
        return true;
      }
      if (request.url.startsWith('/fixtures/huge.json')) {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(`{"parties": [], "padding": "${'x'.repeat(5 * 1024 * 1024)}"}`);
        return true;
      }
      return false;
    },
  }));
});
after(() => endSession({ server, browser }));

const alertText = (page, id) => page.evaluate((target) => {
  const alert = document.getElementById(target).shadowRoot.querySelector('[role="alert"]');
  return alert.hidden ? null : alert.textContent;
}, id);

test('a src that never answers gives up after 15 s with an alert naming it', async () => {
  const { page, context } = await openPage(browser, `${origin}/fixtures/host.html`, { origin });
  await waitForRender(page, 'first');
  // A fake clock turns the 15 s wait into an instant where the driver has one (Chromium; elsewhere the
  // 15 s really pass); the request itself stays open.
  await page.clock.install();
  await page.evaluate(() => document.getElementById('second').setAttribute('src', '/fixtures/never.json'));
  await page.waitForTimeout(200);
  assert.equal(await alertText(page, 'second'), null, 'no alert while the request is pending');
  await page.clock.runFor(16000);
  await page.waitForFunction(() => window.widgetEvents.some((event) => event.type === 'explainer:error' && event.id === 'second'));
  assert.match(await alertText(page, 'second'), /never\.json.*did not answer within 15 s/);
  await context.close();
});

test('a dataset larger than the limit is refused before it reaches the wasm', async () => {
  const { page, context } = await openPage(browser, `${origin}/fixtures/host.html`, { origin });
  await waitForRender(page, 'first');
  await page.evaluate(() => document.getElementById('second').setAttribute('src', '/fixtures/huge.json'));
  await page.waitForFunction(() => window.widgetEvents.some((event) => event.type === 'explainer:error' && event.id === 'second'));
  assert.match(await alertText(page, 'second'), /huge\.json.*larger than the 4194304 bytes allowed/);
  // The other instances are untouched.
  const count = await page.evaluate(() => window.widgetEvents.filter((event) => event.id === 'first' && event.type === 'explainer:render').length);
  await page.evaluate(() => document.getElementById('first').setAttribute('view', 'party'));
  await waitForRender(page, 'first', count + 1);
  await context.close();
});

test('a dataset that is not JSON is refused with the browser\'s own reason', async () => {
  const { page, context } = await openPage(browser, `${origin}/fixtures/host.html`, { origin });
  await waitForRender(page, 'second');
  await page.evaluate(() => document.getElementById('second').setAttribute('src', '/fixtures/cut-off.json'));
  await page.waitForFunction(() => window.widgetEvents.some((event) => event.type === 'explainer:error' && event.id === 'second'));
  assert.match(await alertText(page, 'second'), /cut-off\.json" is not JSON \(.+\)/);
  await context.close();
});

test('a host page sets the dataset as an object: drawn when valid, refused naming the path, null goes back to the built-in one', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/fixtures/host.html`, { origin });
  await waitForRender(page, 'second');
  const renders = () => page.evaluate(() => window.widgetEvents.filter((event) => event.type === 'explainer:render' && event.id === 'second').map((event) => event.detail));
  const errors = () => page.evaluate(() => window.widgetEvents.filter((event) => event.type === 'explainer:error' && event.id === 'second').map((event) => event.detail.message));
  const setData = (data) => page.evaluate((value) => { document.getElementById('second').data = value; }, data);
  const name = (text) => ({ ar: text, fr: text, en: text });
  const valid = {
    parties: [{ id: 'north', camp: 'majority', name: name('North') }, { id: 'south', camp: 'opposition', name: name('South') }],
    tactics: [{ id: 'web-tv', category: 'media', name: name('Web TV') }],
    facts: [{ party: 'north', tactic: 'web-tv', status: 'used', quote: 'q', text: name('t') }],
    'more fields': 'are welcome',
  };
  let count = (await renders()).length;
  await setData(valid);
  await waitForRender(page, 'second', count + 1);
  assert.deepEqual((await renders()).at(-1), { view: 'camps', lang: 'en', party: 'north', versus: 'south' });
  assert.equal(await alertText(page, 'second'), null);

  // A type error, read by serde in the browser: its path and a plain sentence.
  await setData({ ...valid, parties: 'none' });
  await page.waitForFunction(() => window.widgetEvents.some((event) => event.type === 'explainer:error' && event.id === 'second'));
  assert.equal((await errors()).at(-1), 'parties: expected an array, found the string "none"');
  assert.match(await alertText(page, 'second'), /parties: expected an array, found the string "none"/);
  // A rule of validation: every problem at once.
  await setData({ ...valid, facts: [{ ...valid.facts[0], party: 'xyz' }, { ...valid.facts[0], tactic: 'radio' }] });
  await page.waitForFunction(() => window.widgetEvents.filter((event) => event.type === 'explainer:error' && event.id === 'second').length >= 2);
  assert.equal((await errors()).at(-1), 'facts[0].party: unknown party "xyz"\nfacts[1].tactic: unknown tactic "radio"');
  // Not an object at all.
  await setData([1, 2]);
  await page.waitForFunction(() => window.widgetEvents.filter((event) => event.type === 'explainer:error' && event.id === 'second').length >= 3);
  assert.equal((await errors()).at(-1), 'the dataset must be a JSON object, found an array');

  count = (await renders()).length;
  await setData(null);
  await waitForRender(page, 'second', count + 1);
  assert.deepEqual((await renders()).at(-1), { view: 'camps', lang: 'en', party: 'pjd', versus: 'pam' });
  assert.equal(await alertText(page, 'second'), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an element that starts with a src requests its dataset together with the wasm, not once the wasm has arrived', async () => {
  const { page, context } = await openPage(browser, `${origin}/fixtures/early.html`, { origin });
  await page.waitForFunction(() => window.rendered, undefined, { timeout: 20000 });
  await context.close();
  assert.ok(requestTimes.wasm !== undefined && requestTimes.dataset !== undefined, `both requested: ${JSON.stringify(requestTimes)}`);
  assert.ok(requestTimes.dataset < requestTimes.wasmAnswered, `the dataset was requested ${(requestTimes.dataset - requestTimes.wasm).toFixed(0)} ms after the wasm, which answered after ${WASM_DELAY_MS} ms`);
});
