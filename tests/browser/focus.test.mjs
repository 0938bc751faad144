// The focus ring is drawn on the canvas while the chart has keyboard focus, moves with the arrows,
// and goes away when focus leaves: visible focus (WCAG 2.4.7) for marks that are not DOM elements.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, endSession, openPage, waitForRender } from './harness.mjs';

let server, origin, browser;
before(async () => {
  ({ server, origin, browser } = await startSession());
});
after(() => endSession({ server, browser }));

/**
 * Keeps a copy of the canvas pixels in the page under a name, and counts the pixels that differ between two
 * copies there: the arrays (millions of numbers) never cross the driver, which takes minutes in some engines.
 */
const snapshot = (page, name) => page.evaluate((key) => {
  const canvas = document.getElementById('explainer').shadowRoot.querySelector('canvas');
  window.pixelSnapshots = { ...window.pixelSnapshots, [key]: canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data };
}, name);
const differing = (page, first, second) => page.evaluate(([one, two]) => {
  const [a, b] = [window.pixelSnapshots[one], window.pixelSnapshots[two]];
  if (a.length !== b.length) return Math.max(a.length, b.length) / 4;
  let count = 0;
  for (let index = 0; index < a.length; index += 4) if (a[index] !== b[index] || a[index + 1] !== b[index + 1] || a[index + 2] !== b[index + 2]) count += 1;
  return count;
}, [first, second]);

test('Tab into the chart draws a focus ring, arrows move it, leaving removes it', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/article.html#lang=fr`, { origin });
  await waitForRender(page);
  await snapshot(page, 'unfocused');
  const renders = () => page.evaluate(() => window.widgetEvents.filter((event) => event.type === 'explainer:render').length);
  let count = await renders();
  await page.evaluate(() => document.getElementById('explainer').shadowRoot.querySelector('canvas').focus());
  await waitForRender(page, 'explainer', ++count);
  await snapshot(page, 'focused');
  assert.ok(await differing(page, 'unfocused', 'focused') > 50, 'a ring is drawn around the first mark');
  await page.keyboard.press('ArrowDown');
  await waitForRender(page, 'explainer', ++count);
  await snapshot(page, 'moved');
  assert.ok(await differing(page, 'focused', 'moved') > 50, 'the ring moved');
  await page.evaluate(() => document.getElementById('explainer').shadowRoot.querySelector('canvas').blur());
  await waitForRender(page, 'explainer', ++count);
  await snapshot(page, 'left');
  assert.equal(await differing(page, 'unfocused', 'left'), 0, 'no ring once focus has left');
  assert.deepEqual(problems, []);
  await context.close();
});

test('picking a party in the matrix moves its emphasis band, and picking it back draws the same pixels', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/article.html#lang=en&view=matrix&party=pjd`, { origin });
  await waitForRender(page);
  const renders = () => page.evaluate(() => window.widgetEvents.filter((event) => event.type === 'explainer:render').length);
  let count = await renders();
  await snapshot(page, 'pjd');
  await page.evaluate(() => document.getElementById('explainer').setAttribute('party', 'istiqlal'));
  await waitForRender(page, 'explainer', ++count);
  await snapshot(page, 'istiqlal');
  // Two columns change: the band leaves one and enters the other, with their headers' underlines.
  assert.ok(await differing(page, 'pjd', 'istiqlal') > 500, 'the emphasis moved to the picked column');
  await page.evaluate(() => document.getElementById('explainer').setAttribute('party', 'pjd'));
  await waitForRender(page, 'explainer', ++count);
  await snapshot(page, 'pjd again');
  assert.equal(await differing(page, 'pjd', 'pjd again'), 0, 'the kept scene draws exactly what a fresh layout drew');
  assert.deepEqual(problems, []);
  await context.close();
});
