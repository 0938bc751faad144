// Reading the chart where the reader is: with the middle of the matrix in the middle of the screen, on a
// 390 x 844 phone by touch and on a 1280 x 800 laptop by mouse, a mark's card opens inside the screen and
// beside its mark, never over it; the party names stay at the top of the screen over the scrolled rows; and by
// keyboard, Enter moves focus into the card and Escape brings it back to the same mark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, endSession, openPage, waitForRender, canDo, factMarkInTheMiddle } from './harness.mjs';

let server, origin, browser;
before(async () => {
  ({ server, origin, browser } = await startSession());
});
after(() => endSession({ server, browser }));

const SCREENS = [
  { name: 'a 390 x 844 phone, by touch', viewport: { width: 390, height: 844 }, touch: true, lang: 'ar' },
  { name: 'a 1280 x 800 laptop, by mouse', viewport: { width: 1280, height: 800 }, touch: false, lang: 'en' },
  { name: 'a 320 x 640 phone in French, by touch', viewport: { width: 320, height: 640 }, touch: true, lang: 'fr' },
];

/** Where the open card, its mark and the column names are on the screen now. */
const layoutOnScreen = (page, index) => page.evaluate((markIndex) => {
  const widget = document.getElementById('explainer');
  const root = widget.shadowRoot;
  const box = (node) => { const { left, top, right, bottom } = node.getBoundingClientRect(); return { left, top, right, bottom }; };
  const bounds = root.querySelector('canvas').getBoundingClientRect();
  const [x, y, width, height] = widget.explainer.mark(markIndex).rect;
  const card = root.querySelector('.card');
  return {
    screen: { width: innerWidth, height: innerHeight },
    card: card.hidden ? null : box(card),
    cardScrolls: card.scrollHeight > card.clientHeight + 1,
    mark: { left: bounds.left + x, top: bounds.top + y, right: bounds.left + x + width, bottom: bounds.top + y + height },
    header: root.querySelector('.header-band') ? box(root.querySelector('.header-band')) : null,
    chartTop: bounds.top,
  };
}, index);

const inside = (inner, outer) => inner.left >= -1 && inner.top >= -1 && inner.right <= outer.width + 1 && inner.bottom <= outer.height + 1;
const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

for (const screen of SCREENS) {
  test(`on ${screen.name}: the card opens inside the screen beside its mark, and the party names stay at the top`, async (t) => {
    const { page, context, problems } = await openPage(browser, `${origin}/article.html#lang=${screen.lang}`, { origin, viewport: screen.viewport, hasTouch: screen.touch });
    await waitForRender(page);
    const target = await factMarkInTheMiddle(page);
    const before = await layoutOnScreen(page, target.index);
    assert.ok(before.chartTop < 0, `the chart starts above the screen once its middle is in the middle: ${before.chartTop}`);
    assert.ok(before.header, 'the column names have their band');
    assert.ok(Math.abs(before.header.top) <= 1, `the names are at the top of the screen over the scrolled rows: ${before.header.top}`);
    const headerPixels = await page.evaluate(() => {
      const header = document.getElementById('explainer').shadowRoot.querySelector('.header-band');
      const { data } = header.getContext('2d').getImageData(0, 0, header.width, header.height);
      let drawn = 0;
      for (let index = 0; index < data.length; index += 4) if (data[index] !== data[0] || data[index + 1] !== data[1] || data[index + 2] !== data[2]) drawn += 1;
      return drawn;
    });
    assert.ok(headerPixels > 500, `the band is drawn (${headerPixels} pixels of names and legend)`);

    if (screen.touch && !canDo(t, browser, 'touch', 'a tap opens the card')) {
      await context.close();
      return;
    }
    if (screen.touch) await page.touchscreen.tap(target.x, target.y);
    else await page.mouse.click(target.x, target.y);
    await page.waitForFunction(() => window.widgetEvents.some((event) => event.type === 'explainer:select'));
    const selected = await page.evaluate(() => window.widgetEvents.filter((event) => event.type === 'explainer:select').at(-1).detail);
    assert.equal(selected.fact.id, target.id);
    const open = await layoutOnScreen(page, target.index);
    assert.ok(open.card, 'the card is open');
    assert.ok(inside(open.card, open.screen), `the card is inside the screen: ${JSON.stringify(open.card)} in ${JSON.stringify(open.screen)}`);
    assert.ok(inside(open.mark, open.screen), `its mark is still on the screen: ${JSON.stringify(open.mark)}`);
    assert.ok(!overlaps(open.card, open.mark), `the card does not cover its mark: ${JSON.stringify(open.card)} over ${JSON.stringify(open.mark)}`);
    // On the smallest screens a long quote may not fit: then the card takes all the room below its mark
    // and scrolls inside, nothing cut.
    assert.ok(!open.cardScrolls || open.card.bottom >= open.screen.height - 24, `the card shows all its text, or fills the screen below its mark: ${JSON.stringify(open.card)}`);
    // A tap or click elsewhere closes it.
    if (screen.touch) await page.touchscreen.tap(5, open.screen.height - 5);
    else await page.mouse.click(5, open.screen.height - 5);
    await page.waitForFunction(() => document.getElementById('explainer').shadowRoot.querySelector('.card').hidden);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('by keyboard, Enter moves focus into the card and Escape brings it back to the same mark', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/article.html#lang=fr`, { origin, viewport: { width: 1280, height: 800 } });
  await waitForRender(page);
  await page.evaluate(() => document.getElementById('explainer').shadowRoot.querySelector('canvas').focus());
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight']) await page.keyboard.press(key);
  const focused = await page.evaluate(() => document.getElementById('explainer').explainer.focused_mark());
  assert.equal(typeof focused, 'number');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.getElementById('explainer').shadowRoot.querySelector('.card').hidden);
  const inCard = await page.evaluate(() => {
    const root = document.getElementById('explainer').shadowRoot;
    return root.querySelector('.card').contains(root.activeElement);
  });
  assert.ok(inCard, 'focus is in the card');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.getElementById('explainer').shadowRoot.querySelector('.card').hidden);
  const back = await page.evaluate(() => {
    const widget = document.getElementById('explainer');
    const active = widget.shadowRoot.activeElement;
    return { onCanvas: active === widget.shadowRoot.querySelector('canvas'), mark: widget.explainer.focused_mark() };
  });
  assert.deepEqual(back, { onCanvas: true, mark: focused });
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone the matrix folds by category: a tap on a heading folds its rows, the state is in the URL hash, Enter unfolds', async (t) => {
  const { page, context, problems } = await openPage(browser, `${origin}/article.html#lang=en`, { origin, viewport: { width: 390, height: 844 }, hasTouch: true });
  await waitForRender(page);
  const chart = () => page.evaluate(() => {
    const widget = document.getElementById('explainer');
    const bounds = widget.shadowRoot.querySelector('canvas').getBoundingClientRect();
    const headings = [];
    for (let index = 0; ; index += 1) {
      const mark = widget.explainer.mark(index);
      if (!mark) break;
      if (mark.fold) headings.push({ index, fold: mark.fold, label: mark.label, x: bounds.left + mark.rect[0] + mark.rect[2] / 2, y: bounds.top + mark.rect[1] + mark.rect[3] / 2 });
    }
    return { height: bounds.height, headings, folded: widget.getAttribute('folded'), hash: location.hash, focused: widget.explainer.focused_mark() };
  });
  const start = await chart();
  assert.ok(start.height > 844, `the whole matrix is taller than the phone: ${start.height}`);
  assert.ok(start.headings.length >= 5, 'every category heading is a mark');
  // The category with the most rows: the one whose heading is furthest from the next.
  const gaps = start.headings.map((heading, position) => (start.headings[position + 1]?.y ?? start.height) - heading.y);
  const chosen = gaps.indexOf(Math.max(...gaps.slice(0, -1)));
  const first = start.headings[chosen];
  assert.match(first.label, /: hide the rows of this category$/);
  await page.evaluate((y) => window.scrollBy({ top: y - 300, behavior: 'instant' }), first.y);
  const target = (await chart()).headings[chosen];
  const count = await page.evaluate(() => window.widgetEvents.filter((event) => event.type === 'explainer:render').length);
  if (canDo(t, browser, 'touch', 'a tap on a heading folds it')) await page.touchscreen.tap(target.x, target.y);
  else await page.mouse.click(target.x, target.y);
  await waitForRender(page, 'explainer', count + 1);
  const folded = await chart();
  assert.equal(folded.folded, first.fold);
  assert.ok(folded.height < start.height - 60, `the folded matrix is shorter: ${folded.height} against ${start.height}`);
  assert.match(folded.hash, new RegExp(`folded=${first.fold}`));
  assert.match(folded.headings[chosen].label, /: show the rows of this category$/);
  // Every category folded: the matrix fits the phone's screen.
  await page.evaluate((ids) => document.getElementById('explainer').setAttribute('folded', ids.join(' ')), start.headings.map((heading) => heading.fold));
  const all = await chart();
  assert.ok(all.height < 844, `all folded, the matrix fits the screen: ${all.height}`);
  // By keyboard: Enter on the focused heading unfolds it, and the focus stays on that heading.
  await page.evaluate((index) => {
    const widget = document.getElementById('explainer');
    widget.shadowRoot.querySelector('canvas').focus({ preventScroll: true });
    widget.explainer.set_focus(index);
  }, all.headings[chosen].index);
  await page.keyboard.press('Enter');
  const unfolded = await chart();
  assert.ok(!(unfolded.folded ?? '').split(' ').includes(first.fold), `unfolded: ${unfolded.folded}`);
  assert.equal(unfolded.headings.find((heading) => heading.fold === first.fold).index, unfolded.focused, 'the focus stays on the heading');
  assert.deepEqual(problems, []);
  await context.close();
});
