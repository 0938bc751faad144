// Custom datasets through `src` that misbehave at the network level: one that never answers, one too
// large to read. Each must end in the element's alert and an explainer:error, never a hang or a crash.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, endSession, DIST, openPage, waitForRender } from './harness.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures') + path.sep;
let server, origin, browser;
before(async () => {
  ({ server, origin, browser } = await startSession({
    routes: [{ prefix: '/static/explainer/', directory: DIST }, { prefix: '/fixtures/', directory: FIXTURES }, { prefix: '/', directory: DIST }],
    handler: (request, response) => {
      if (request.url.startsWith('/fixtures/never.json')) return true; // holds the request open
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
