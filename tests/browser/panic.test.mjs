// A Rust panic, which would be a bug, explains itself: console_error_panic_hook writes its message and place to
// the console, and the element shows its static version with an alert and fires explainer:error. Run against
// target/panic/dist/, the shipped build plus one test-only behaviour (view="panic-for-tests" panics), which
// scripts/test.sh builds after dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, endSession, openPage, waitForRender } from './harness.mjs';

const PANIC_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'target', 'panic', 'dist') + path.sep;

let server, origin, browser;
before(async () => {
  assert.ok(existsSync(PANIC_DIST), `no ${PANIC_DIST}: scripts/test.sh builds it after npm run build`);
  ({ server, origin, browser } = await startSession({ routes: [{ prefix: '/', directory: PANIC_DIST }] }));
});
after(() => endSession({ server, browser }));

test('a panic prints its message and place in the console, and the element shows its alert and fires explainer:error', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/article.html`, { origin });
  await waitForRender(page);
  await page.evaluate(() => document.getElementById('explainer').setAttribute('view', 'panic-for-tests'));
  await page.waitForFunction(() => window.widgetEvents.some((event) => event.type === 'explainer:error'));
  const panic = problems.find((problem) => problem.startsWith('console: panicked at'));
  assert.ok(panic, `the panic hook wrote to the console: ${JSON.stringify(problems)}`);
  assert.match(panic, /panicked at src[\\/]web[\\/]mod\.rs:\d+:\d+:\s+a panic asked for by the tests/);
  const alert = await page.evaluate(() => {
    const node = document.getElementById('explainer').shadowRoot.querySelector('[role="alert"]');
    return node.hidden ? null : node.textContent;
  });
  assert.match(alert ?? '', /internal error: .+the browser console says where/);
  const errors = await page.evaluate(() => window.widgetEvents.filter((event) => event.type === 'explainer:error').map((event) => event.detail.message));
  assert.equal(errors.length, 1, JSON.stringify(errors));
  // The rest of the page goes on working.
  assert.equal(await page.evaluate(() => document.title.length > 0), true);
  await context.close();
});
