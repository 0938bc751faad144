// The harness itself, in the engine under test: every other test's `assert.deepEqual(problems, [])` means
// something only if what goes wrong in a page reaches `problems` in this engine too (in WebKit, through the
// recorder script and the test server rather than the driver).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, endSession, openPage, waitForRender } from './harness.mjs';

let server, origin, browser;
before(async () => {
  ({ server, origin, browser } = await startSession());
});
after(() => endSession({ server, browser }));

test('console errors, uncaught errors, rejections, failed requests and requests off the origin are recorded', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/article.html#lang=en`, { origin });
  await waitForRender(page);
  assert.deepEqual(problems, [], 'the demo itself is clean');
  assert.ok(await page.evaluate(() => window.widgetEvents.length > 0), 'widget events are recorded');
  // Another origin on this machine: the same server under the name localhost.
  const elsewhere = origin.replace('127.0.0.1', 'localhost');
  await page.evaluate((other) => {
    console.error('harness check: console error');
    setTimeout(() => { throw new Error('harness check: uncaught'); });
    Promise.reject(new Error('harness check: rejected'));
    fetch('/harness-check-missing.json').catch(() => {});
    const image = new Image();
    image.src = `${other}/favicon.svg?harness-check`;
    document.body.append(image);
  }, elsewhere);
  await page.waitForFunction(() => new Promise((resolve) => setTimeout(() => resolve(true), 1000)));
  await page.evaluate(() => document.title);
  const expected = [/^console: .*harness check: console error/, /^page error: .*harness check: uncaught/, /^page error: .*harness check: rejected/, /^HTTP 404: .*harness-check-missing\.json/, /^request left the origin: http:\/\/localhost:\d+\/favicon\.svg/];
  for (const pattern of expected) assert.ok(problems.some((problem) => pattern.test(problem)), `${pattern} in ${JSON.stringify(problems, null, 1)}`);
  await context.close();
});
