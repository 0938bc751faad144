// What differs between engines, checked in each one: right-to-left layout of the Arabic chart (canvas text
// direction and alignment), text measured by the engine's own fonts, a real Tab into the shadow root, and
// resizing without a ResizeObserver error reaching the page's error handlers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, endSession, openPage, waitForRender, canvasFacts } from './harness.mjs';

let server, origin, browser;
before(async () => {
  ({ server, origin, browser } = await startSession());
});
after(() => endSession({ server, browser }));

/**
 * The matrix's geometry as drawn: the marks' extent (from the scene, through the element's handle) and, for
 * each row of marks, where the text beside them has ink on the canvas (pixels unlike the row's background).
 */
const matrixGeometry = (page) => page.evaluate(() => {
  const widget = document.getElementById('explainer');
  const canvas = widget.shadowRoot.querySelector('canvas');
  const width = canvas.getBoundingClientRect().width;
  const scale = canvas.width / width;
  const marks = [];
  for (let index = 0; ; index += 1) {
    const mark = widget.explainer.mark(index);
    if (!mark) break;
    // The cells; the category headings, which fold their rows, span the whole width.
    if (!mark.fold) marks.push(mark.rect);
  }
  const left = Math.min(...marks.map(([x]) => x));
  const right = Math.max(...marks.map(([x, , w]) => x + w));
  const rows = [...new Set(marks.map(([, y, , h]) => Math.round(y + h / 2)))].sort((a, b) => a - b);
  const context = canvas.getContext('2d');
  const ink = rows.map((centre) => {
    const top = Math.round((centre - 3) * scale);
    const band = context.getImageData(0, top, canvas.width, Math.round(6 * scale)).data;
    // The row's background: the most common colour in the band.
    const tally = new Map();
    for (let index = 0; index < band.length; index += 4) {
      const key = (band[index] << 16) | (band[index + 1] << 8) | band[index + 2];
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    const background = [...tally].sort((a, b) => b[1] - a[1])[0][0];
    const [r, g, b] = [background >> 16, (background >> 8) & 255, background & 255];
    const columns = [];
    for (let index = 0; index < band.length; index += 4) {
      if (Math.abs(band[index] - r) + Math.abs(band[index + 1] - g) + Math.abs(band[index + 2] - b) > 120) columns.push(((index / 4) % canvas.width) / scale);
    }
    // Ink outside the marks' extent: the row's label.
    const beyond = (from, to) => columns.filter((x) => x >= from && x <= to);
    const inLeft = beyond(0, left - 6);
    const inRight = beyond(right + 6, width);
    return { centre, left: inLeft.length, right: inRight.length, rightMost: Math.max(0, ...inRight), leftMost: Math.min(width, ...inLeft) };
  });
  return { width, left, right, marks: marks.length, ink };
});

for (const [lang, direction] of [['ar', 'rtl'], ['en', 'ltr']]) {
  test(`the matrix in ${lang} is laid out ${direction === 'rtl' ? 'right to left: tactic names on the right, right-aligned' : 'left to right: tactic names on the left'}`, async () => {
    const { page, context, problems } = await openPage(browser, `${origin}/article.html#view=matrix&lang=${lang}`, { origin });
    await waitForRender(page);
    await page.evaluate(() => document.fonts.ready.then(() => true));
    assert.equal(await page.evaluate(() => document.getElementById('explainer').shadowRoot.querySelector('.explainer').dir), direction);
    const geometry = await matrixGeometry(page);
    assert.ok(geometry.marks > 50, `the matrix has its marks: ${geometry.marks}`);
    const labelled = geometry.ink.filter((row) => (direction === 'rtl' ? row.right : row.left) > 20);
    const wrongSide = geometry.ink.filter((row) => (direction === 'rtl' ? row.left : row.right) > 0);
    assert.ok(labelled.length >= geometry.ink.length * 0.9, `every row of marks has its tactic name on the ${direction === 'rtl' ? 'right' : 'left'}: ${labelled.length} of ${geometry.ink.length} rows`);
    assert.deepEqual(wrongSide.map((row) => row.centre), [], `no text on the ${direction === 'rtl' ? 'left' : 'right'} of the marks`);
    if (direction === 'rtl') {
      assert.ok(geometry.right < geometry.width * 0.75, `the marks leave the right side to the names: marks end at ${geometry.right} of ${geometry.width}`);
      const flush = labelled.filter((row) => row.rightMost > geometry.width - 24);
      assert.ok(flush.length >= labelled.length * 0.9, `names are right-aligned at the canvas's right edge: ${flush.length} of ${labelled.length}`);
    } else {
      assert.ok(geometry.left > geometry.width * 0.25, `the marks leave the left side to the names: marks start at ${geometry.left}`);
      const flush = labelled.filter((row) => row.leftMost < 24);
      assert.ok(flush.length >= labelled.length * 0.9, `names start at the canvas's left edge: ${flush.length} of ${labelled.length}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('every view draws in each language, at a desktop and a phone width', async () => {
  for (const [viewport, deviceScaleFactor] of [[{ width: 900, height: 1200 }, 1], [{ width: 360, height: 800 }, 2]]) {
    const { page, context, problems } = await openPage(browser, `${origin}/article.html#view=matrix&lang=ar`, { origin, viewport, deviceScaleFactor });
    await waitForRender(page);
    let count = await page.evaluate(() => window.widgetEvents.filter((event) => event.type === 'explainer:render').length);
    for (const lang of ['ar', 'fr', 'en']) {
      for (const view of ['matrix', 'party', 'compare', 'camps', 'timeline']) {
        await page.evaluate(([l, v]) => { const widget = document.getElementById('explainer'); widget.setAttribute('lang', l); widget.setAttribute('view', v); }, [lang, view]);
        await page.waitForFunction(([l, v]) => { const last = window.widgetEvents.filter((event) => event.type === 'explainer:render').at(-1)?.detail; return last?.lang === l && last?.view === v; }, [lang, view]);
        const canvas = await canvasFacts(page);
        assert.ok(canvas.drawn > canvas.total * 0.01, `${view} ${lang} at ${viewport.width} px: drawn (${canvas.drawn} of ${canvas.total})`);
        assert.ok(Math.abs(canvas.width - Math.round(canvas.cssWidth * deviceScaleFactor)) <= 1, `${view} ${lang}: backing store ${canvas.width} for ${canvas.cssWidth} CSS px at ${deviceScaleFactor}x`);
        assert.ok(canvas.cssWidth <= viewport.width, `${view} ${lang}: the canvas fits the page (${canvas.cssWidth} of ${viewport.width})`);
      }
    }
    count = await page.evaluate(() => window.widgetEvents.filter((event) => event.type === 'explainer:error').length);
    assert.equal(count, 0, 'no explainer:error');
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('Tab from the controls lands on the chart inside the shadow root, and the focused mark is announced', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/article.html#lang=en`, { origin });
  await waitForRender(page);
  // The control just before the chart in tab order; then a real Tab key from the driver.
  await page.evaluate(() => document.getElementById('explainer').shadowRoot.querySelector('.table-toggle').focus());
  await page.keyboard.press('Tab');
  const focus = await page.evaluate(() => {
    const widget = document.getElementById('explainer');
    return { host: document.activeElement === widget, inner: widget.shadowRoot.activeElement?.tagName ?? null, live: widget.shadowRoot.querySelector('#live').textContent };
  });
  assert.deepEqual({ host: focus.host, inner: focus.inner }, { host: true, inner: 'CANVAS' });
  assert.ok(focus.live.length > 5, `the first mark is announced: "${focus.live}"`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.widgetEvents.some((event) => event.type === 'explainer:select'));
  assert.equal(await page.evaluate(() => document.getElementById('explainer').shadowRoot.querySelector('.card').hidden), false, 'Enter opens the card');
  assert.deepEqual(problems, []);
  await context.close();
});

test('resizing the container redraws at the new width, with no ResizeObserver error reaching the page', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/article.html#lang=ar`, { origin });
  await waitForRender(page);
  // What a newsroom's error tracker listens to.
  await page.evaluate(() => {
    window.pageErrors = [];
    window.addEventListener('error', (event) => window.pageErrors.push(event.message));
  });
  for (const width of [320, 700, 480, 860, 400]) {
    const drawn = await page.evaluate(async (target) => {
      const widget = document.getElementById('explainer');
      widget.style.display = 'block';
      widget.style.width = `${target}px`;
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      for (let wait = 0; wait < 20 && Math.round(widget.shadowRoot.querySelector('canvas').getBoundingClientRect().width) !== target; wait += 1) await frame();
      return widget.shadowRoot.querySelector('canvas').getBoundingClientRect().width;
    }, width);
    assert.equal(Math.round(drawn), width, `the chart follows its container to ${width} px`);
  }
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  assert.deepEqual(await page.evaluate(() => window.pageErrors), []);
  assert.deepEqual(problems, []);
  await context.close();
});
