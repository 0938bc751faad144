// The embed code's static picture is what a reader sees first, and the canvas replaces it without moving the article:
// on a page made of dist/embed-code.txt (under the widget's strict policy) with the article under it, the wasm held
// back so the picture shows alone, and the page scrolled so the text under the element is in view (where a change
// of the element's height would move it), at a phone's width and a desktop's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startSession, endSession, DIST, openPage, canDo } from './harness.mjs';

const WASM_DELAY_MS = 1500;
const EMBED_CODE = readFileSync(path.join(DIST, 'embed-code.txt'), 'utf8').replaceAll('PATH/', '/static/explainer/');
const PAGE = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>embed code</title></head><body>
<h1>عنوان المقال</h1>
${EMBED_CODE}
${'<p class="below">يتواصل نص المقال تحت الرسم، فقرة بعد فقرة، كما في صفحة جريدة.</p>\n'.repeat(30)}</body></html>`;

let server, origin, browser;
before(async () => {
  ({ server, origin, browser } = await startSession({
    routes: [{ prefix: '/static/explainer/', directory: DIST }],
    handler: (request, response) => {
      if (request.url.startsWith('/news/article.html')) {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end(PAGE);
        return true;
      }
      if (request.url.endsWith('.wasm')) return new Promise((resolve) => setTimeout(() => resolve(false), WASM_DELAY_MS));
      return false;
    },
  }));
});
after(() => endSession({ server, browser }));

for (const [name, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]]) {
  test(`${name} (${viewport.width} px): the canvas replaces the static picture without moving the article under it`, async (t) => {
    const { page, context, problems } = await openPage(browser, `${origin}/news/article.html`, { origin, viewport });
    // Laid out from the picture's width and height before the SVG arrives: the text under it is brought into view.
    const before = await page.evaluate(() => {
      const widget = document.querySelector('campaign-explainer');
      const below = document.querySelector('.below');
      window.scrollTo(0, below.getBoundingClientRect().top + scrollY - innerHeight / 2);
      const picture = widget.querySelector('img');
      return {
        drawn: Boolean(widget.shadowRoot?.querySelector('.explainer[data-drawn]')),
        picture: picture.currentSrc || picture.src,
        pictureHeight: picture.getBoundingClientRect().height,
        belowTop: below.getBoundingClientRect().top,
      };
    });
    assert.equal(before.drawn, false, 'the picture shows alone while the wasm is held back');
    assert.match(before.picture, name === 'phone' ? /-phone\.svg$/ : /-wide\.svg$/, 'the picture laid out for this width');
    assert.ok(before.belowTop > 0 && before.belowTop < viewport.height, `the text under the element is in view (${before.belowTop} px)`);
    await page.waitForFunction(() => document.querySelector('campaign-explainer').shadowRoot.querySelector('.explainer[data-drawn]'), undefined, { timeout: 20000 });
    // Shifts the first draw causes are reported in the frames after it.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 200)))));
    const after = await page.evaluate(() => ({
      belowTop: document.querySelector('.below').getBoundingClientRect().top,
      canvasHeight: document.querySelector('campaign-explainer').shadowRoot.querySelector('.stage canvas').getBoundingClientRect().height,
    }));
    assert.ok(after.canvasHeight > 300, `the chart is drawn (${after.canvasHeight} px)`);
    assert.equal(after.belowTop, before.belowTop, 'the article under the element has not moved');
    if (canDo(t, browser, 'layoutShift', 'the Layout Instability API reports no layout shift')) {
      const shifts = () => page.evaluate(() => new Promise((resolve) => {
        new PerformanceObserver((list, observer) => {
          observer.disconnect();
          resolve(list.getEntries().filter((entry) => !entry.hadRecentInput).map((entry) => ({ value: entry.value, sources: entry.sources.map((source) => source.node?.nodeName) })));
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve([]), 500);
      }));
      assert.deepEqual(await shifts(), [], 'no layout shift from the load to the first draw');
      // The measure can fail: the element growing now, as it did when its bands came in, is reported.
      await page.evaluate(() => { document.querySelector('campaign-explainer').style.marginBottom = '120px'; });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const moved = await shifts();
      assert.ok(moved.length > 0 && moved[0].value > 0, 'a moved article is reported as a layout shift');
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
