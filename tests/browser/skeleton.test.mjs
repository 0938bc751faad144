// The whole path in a real browser: dist/ served on 127.0.0.1, the demo article, the element drawing into its canvas.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, endSession, openPage, waitForRender, canvasFacts } from './harness.mjs';

let server, origin, browser;
before(async () => {
  ({ server, origin, browser } = await startSession());
});
after(() => endSession({ server, browser }));

test('the demo article draws the matrix from the built-in data, with no error and no request off the origin', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/`, { origin });
  await waitForRender(page);
  const render = await page.evaluate(() => window.widgetEvents.find((event) => event.type === 'explainer:render').detail);
  assert.deepEqual(render, { view: 'matrix', lang: 'ar', party: 'pjd', versus: 'pam' });
  const canvas = await canvasFacts(page);
  assert.ok(canvas.cssWidth > 300, `canvas fills its column, got ${canvas.cssWidth}px`);
  assert.ok(canvas.drawn > canvas.total * 0.01, `canvas holds drawn content: ${canvas.drawn} of ${canvas.total} pixels differ from the background`);
  assert.ok(canvas.colours > 3, `several colours drawn, got ${canvas.colours}`);
  assert.ok(canvas.label && canvas.label.length > 20, 'the canvas carries a text summary');
  assert.equal(await page.evaluate(() => document.querySelectorAll('.sentence').length > 10), true, 'the article is on the page');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the backing store follows devicePixelRatio 2, so the chart is sharp on phones', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/`, { origin, deviceScaleFactor: 2, viewport: { width: 390, height: 844 } });
  await waitForRender(page);
  const canvas = await canvasFacts(page);
  assert.equal(canvas.width, Math.round(canvas.cssWidth * 2));
  assert.equal(canvas.height, Math.round(canvas.cssHeight * 2));
  assert.deepEqual(problems, []);
  await context.close();
});
