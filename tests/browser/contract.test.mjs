// The element's public contract, driven as a reader and a newsroom page would: attributes, events,
// errors, keyboard, screen-reader text, URL hash, several instances, strict CSP from a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, endSession, DIST, openPage, waitForRender, canvasFacts } from './harness.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures') + path.sep;
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

let server, origin, browser;
// While true, the server answers 404 for the built-in dataset's English texts.
let textsUnavailable = false;
before(async () => {
  ({ server, origin, browser } = await startSession({
    routes: [
      { prefix: '/static/explainer/', directory: DIST },
      { prefix: '/fixtures/', directory: FIXTURES },
      { prefix: '/', directory: DIST },
    ],
    headers: (urlPath) => (urlPath.startsWith('/fixtures/') && urlPath.endsWith('.html') ? { 'Content-Security-Policy': STRICT_CSP } : {}),
    handler: (request, response) => {
      // A dataset URL that never answers, for the time-out path.
      if (request.url.startsWith('/fixtures/never.json')) return true;
      if (textsUnavailable && /\/texts-en\.[0-9a-f]+\.json$/.test(request.url)) {
        response.writeHead(404).end();
        return true;
      }
      return false;
    },
  }));
});
after(() => endSession({ server, browser }));

const events = (page, type, id) => page.evaluate(([wanted, target]) => window.widgetEvents.filter((event) => event.type === wanted && (!target || event.id === target)), [type, id]);
const lastRender = async (page, id = 'explainer') => (await events(page, 'explainer:render', id)).at(-1)?.detail;
const shadow = (page, id, selector, read) => page.evaluate(([target, query, property]) => {
  const node = document.getElementById(target).shadowRoot.querySelector(query);
  return node ? (property === 'hidden' ? node.hidden : node[property] ?? node.getAttribute(property)) : null;
}, [id, selector, read]);

test('every view draws, and each attribute change redraws with the new state', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/article.html`, { origin });
  await waitForRender(page);
  let count = (await events(page, 'explainer:render')).length;
  for (const view of ['party', 'compare', 'camps', 'timeline', 'matrix']) {
    await page.evaluate((value) => document.getElementById('explainer').setAttribute('view', value), view);
    await waitForRender(page, 'explainer', ++count);
    assert.equal((await lastRender(page)).view, view);
    const canvas = await canvasFacts(page);
    assert.ok(canvas.drawn > canvas.total * 0.01, `${view}: canvas holds drawn content`);
    assert.ok(canvas.cssHeight > 100, `${view}: takes the height it needs, got ${canvas.cssHeight}`);
  }
  await page.evaluate(() => document.getElementById('explainer').setAttribute('lang', 'fr'));
  await waitForRender(page, 'explainer', ++count);
  assert.equal((await lastRender(page)).lang, 'fr');
  assert.equal(await shadow(page, 'explainer', '.explainer', 'dir'), 'ltr');
  assert.deepEqual(problems, []);
  await context.close();
});

const textRequests = (page) => page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((name) => name.includes('/texts-')).map((name) => name.replace(/^.*\/texts-(\w+)\..*$/, '$1')));
const tableText = (page) => shadow(page, 'explainer', 'table', 'textContent');

test('the built-in dataset\'s French and English texts are fetched when a reader needs them, once, and the first draw is in that language', async () => {
  let { page, context, problems } = await openPage(browser, `${origin}/article.html`, { origin });
  await waitForRender(page);
  assert.deepEqual(await textRequests(page), [], 'an Arabic reader downloads no other language');
  let count = (await events(page, 'explainer:render')).length;
  for (const lang of ['fr', 'ar', 'fr']) {
    await page.evaluate((value) => document.getElementById('explainer').setAttribute('lang', value), lang);
    await waitForRender(page, 'explainer', ++count);
    assert.equal((await lastRender(page)).lang, lang);
  }
  assert.deepEqual(await textRequests(page), ['fr'], 'the French texts, once');
  assert.match(await tableText(page), /Investissement dans la communication sur les réseaux sociaux/);
  assert.deepEqual(problems, []);
  await context.close();

  // Asked for in the page's URL: requested with the wasm, and the very first draw is in English.
  ({ page, context, problems } = await openPage(browser, `${origin}/article.html#lang=en`, { origin }));
  await waitForRender(page);
  assert.deepEqual((await events(page, 'explainer:render')).map((event) => event.detail.lang), ['en']);
  assert.deepEqual(await textRequests(page), ['en']);
  assert.match(await tableText(page), /Investing in social media communication/);
  assert.doesNotMatch(await tableText(page), /الاهتمام بالتواصل/, 'no Arabic stand-in for an English text');
  assert.deepEqual(problems, []);
  await context.close();
});

test('texts that cannot be loaded keep the last language, say why, and are tried again on the next change', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/article.html`, { origin });
  await waitForRender(page);
  textsUnavailable = true;
  try {
    await page.evaluate(() => document.getElementById('explainer').setAttribute('lang', 'en'));
    await page.waitForFunction(() => window.widgetEvents.some((event) => event.type === 'explainer:error'));
  } finally {
    textsUnavailable = false;
  }
  const [failure] = await events(page, 'explainer:error');
  assert.equal(failure.detail.message, 'lang: the texts in en could not be loaded (HTTP 404)');
  await page.evaluate(() => document.getElementById('explainer').setAttribute('view', 'camps'));
  await page.waitForFunction(() => window.widgetEvents.filter((event) => event.type === 'explainer:render').at(-1).detail.view === 'camps');
  assert.equal((await lastRender(page)).lang, 'ar', 'still drawn in Arabic');
  await page.evaluate(() => {
    const widget = document.getElementById('explainer');
    widget.setAttribute('lang', 'ar');
    widget.setAttribute('lang', 'en');
  });
  await page.waitForFunction(() => window.widgetEvents.filter((event) => event.type === 'explainer:render').at(-1).detail.lang === 'en');
  assert.equal((await events(page, 'explainer:error')).length, 1);
  assert.deepEqual(problems.filter((problem) => !/404|texts-en/.test(problem)), []);
  await context.close();
});

test('a custom dataset in French still fetches the French file for the widget\'s own words, and going back to the built-in dataset stays in French', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/article.html`, { origin });
  await waitForRender(page);
  const lastIs = (key, value) => page.waitForFunction(([wanted, expected]) => window.widgetEvents.filter((event) => event.type === 'explainer:render').at(-1)?.detail[wanted] === expected, [key, value]);
  await page.evaluate(() => document.getElementById('explainer').setAttribute('src', '/fixtures/hostile-dataset.json'));
  await lastIs('party', 'alpha');
  await page.evaluate(() => document.getElementById('explainer').setAttribute('lang', 'fr'));
  await lastIs('lang', 'fr');
  assert.deepEqual(await textRequests(page), ['fr']);
  assert.equal(await shadow(page, 'explainer', '.table-toggle', 'textContent'), 'Afficher en tableau');
  await page.evaluate(() => document.getElementById('explainer').removeAttribute('src'));
  await lastIs('party', 'pjd');
  assert.equal((await lastRender(page)).lang, 'fr');
  assert.match(await tableText(page), /Investissement dans la communication sur les réseaux sociaux/);
  assert.deepEqual(await textRequests(page), ['fr'], 'nothing fetched again');
  assert.deepEqual(await events(page, 'explainer:error'), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the URL hash restores the state on load and follows it', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/article.html#view=compare&party=usfp&versus=istiqlal&lang=en`, { origin });
  await waitForRender(page);
  assert.deepEqual(await lastRender(page), { view: 'compare', lang: 'en', party: 'usfp', versus: 'istiqlal' });
  await page.evaluate(() => document.getElementById('explainer').setAttribute('view', 'camps'));
  await page.waitForFunction(() => location.hash.includes('view=camps'));
  assert.match(await page.evaluate(() => location.hash), /party=usfp/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a rejected attribute keeps the last valid state and fires explainer:error naming the value', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/article.html`, { origin });
  await waitForRender(page);
  await page.evaluate(() => {
    const widget = document.getElementById('explainer');
    widget.setAttribute('view', 'pie-chart');
    widget.setAttribute('party', 'xyz');
    widget.setAttribute('lang', 'de');
    widget.setAttribute('theme', 'purple');
  });
  const errors = (await events(page, 'explainer:error')).map((event) => event.detail.message);
  assert.equal(errors.length, 4, errors.join(' | '));
  assert.match(errors[0], /view.*"pie-chart"/);
  assert.match(errors[1], /party.*"xyz"/);
  assert.match(errors[2], /lang.*"de"/);
  assert.match(errors[3], /theme.*"purple"/);
  await page.evaluate(() => document.getElementById('explainer').setAttribute('view', 'camps'));
  await page.waitForFunction(() => window.widgetEvents.filter((event) => event.type === 'explainer:render').at(-1).detail.view === 'camps');
  assert.deepEqual(await lastRender(page), { view: 'camps', lang: 'ar', party: 'pjd', versus: 'pam' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a canvas call that throws while drawing says what it threw in the alert and an error event; the next good draw clears it', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/article.html`, { origin });
  await waitForRender(page);
  await page.evaluate(() => {
    const prototype = CanvasRenderingContext2D.prototype;
    window.realSetTransform = prototype.setTransform;
    prototype.setTransform = function () { throw new TypeError('no transform today'); };
    document.getElementById('explainer').setAttribute('view', 'camps');
  });
  const errors = (await events(page, 'explainer:error')).map((event) => event.detail.message);
  assert.deepEqual(errors, ['canvas: TypeError: no transform today']);
  assert.equal(await shadow(page, 'explainer', '[role="alert"]', 'textContent'), 'canvas: TypeError: no transform today');
  await page.evaluate(() => {
    CanvasRenderingContext2D.prototype.setTransform = window.realSetTransform;
    document.getElementById('explainer').setAttribute('view', 'matrix');
  });
  await page.waitForFunction(() => window.widgetEvents.filter((event) => event.type === 'explainer:render').at(-1).detail.view === 'matrix');
  assert.equal(await shadow(page, 'explainer', '[role="alert"]', 'hidden'), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard: one Tab stop, arrows move between marks and are announced, Enter opens the fact card, Escape closes it', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/article.html#lang=en`, { origin });
  await waitForRender(page);
  await page.evaluate(() => document.getElementById('explainer').shadowRoot.querySelector('canvas').focus());
  const first = await shadow(page, 'explainer', '#live', 'textContent');
  assert.ok(first.length > 5, `focus is announced, got "${first}"`);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  const moved = await shadow(page, 'explainer', '#live', 'textContent');
  assert.notEqual(moved, first, 'arrow keys move to another mark');
  // Walk until a mark that stands for a fact, then open it.
  for (let step = 0; step < 60; step += 1) {
    await page.keyboard.press('Enter');
    if ((await events(page, 'explainer:select')).some((event) => event.detail.fact)) break;
    await page.keyboard.press('ArrowRight');
  }
  const selected = (await events(page, 'explainer:select')).find((event) => event.detail.fact);
  assert.ok(selected, 'Enter selected a mark with a fact');
  assert.ok(selected.detail.party && selected.detail.tactic, 'the select event names party and tactic');
  assert.equal(await shadow(page, 'explainer', '.card', 'hidden'), false);
  const quote = await shadow(page, 'explainer', '.card-quote', 'textContent');
  assert.ok(quote.includes(selected.detail.fact.quote), 'the card shows the verbatim Arabic quote');
  await page.keyboard.press('Escape');
  assert.equal(await shadow(page, 'explainer', '.card', 'hidden'), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('screen readers get a summary on the canvas, a live region and a data table equal to the view', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/article.html#lang=en&view=matrix`, { origin });
  await waitForRender(page);
  assert.equal(await shadow(page, 'explainer', 'canvas', 'role'), 'img');
  assert.equal(await shadow(page, 'explainer', '#live', 'aria-live'), 'polite');
  const table = await page.evaluate(() => {
    const root = document.getElementById('explainer').shadowRoot;
    return { rows: root.querySelectorAll('tbody tr').length, headers: [...root.querySelectorAll('thead th')].map((cell) => cell.textContent), hidden: root.querySelector('.table').classList.contains('visually-hidden') };
  });
  assert.ok(table.rows >= 10, `the table has a row per tactic, got ${table.rows}`);
  assert.ok(table.headers.some((header) => header.includes('PJD')), `the table has a column per party: ${table.headers}`);
  assert.equal(table.hidden, true);
  await page.evaluate(() => document.getElementById('explainer').shadowRoot.querySelector('.table-toggle').click());
  assert.equal(await page.evaluate(() => document.getElementById('explainer').shadowRoot.querySelector('.table').classList.contains('visually-hidden')), false);
  assert.deepEqual(problems, []);
  await context.close();
});

// On the story (index.html), whose steps also set the chart as they pass, and on the article with the widget in its flow.
for (const demo of ['index.html', 'article.html']) test(`a sentence of the article selects its fact in the widget, and "read in the article" highlights it (${demo})`, async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/${demo}`, { origin });
  await waitForRender(page);
  const factId = await page.evaluate(() => document.querySelector('.sentence[data-facts]').dataset.facts.split(' ')[0]);
  // Back up to the sentence, at once: the demo scrolls smoothly, and WebKit's driver would click before it is there.
  await page.evaluate(() => document.querySelector('.sentence[data-facts]').scrollIntoView({ block: 'center', behavior: 'instant' }));
  await page.click('.sentence[data-facts]');
  await page.waitForFunction(() => window.widgetEvents.some((event) => event.type === 'explainer:select'));
  const selected = (await events(page, 'explainer:select')).at(-1).detail;
  assert.equal(selected.fact.id, factId);
  await page.evaluate(() => document.getElementById('explainer').shadowRoot.querySelector('.card-read').click());
  const highlighted = await page.evaluate(() => [...document.querySelectorAll('.sentence.highlighted')].map((sentence) => sentence.dataset.facts));
  assert.ok(highlighted.length >= 1 && highlighted.every((facts) => facts.split(' ').includes(factId)));
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a foreign LTR page with a strict CSP, from a sub-path: instances are independent and styles do not leak', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/fixtures/host.html`, { origin });
  await waitForRender(page, 'first');
  await waitForRender(page, 'second');
  await page.waitForFunction(() => window.widgetEvents.some((event) => event.type === 'explainer:error' && event.id === 'broken'));
  assert.deepEqual(await lastRender(page, 'first'), { view: 'compare', lang: 'fr', party: 'pjd', versus: 'pam' });
  assert.equal((await lastRender(page, 'second')).view, 'camps');
  const alert = await page.evaluate(() => document.getElementById('broken').shadowRoot.querySelector('[role="alert"]').textContent);
  assert.match(alert, /facts\[0\]\.party: unknown party "xyz"/);
  // Host styles stay outside, and the widget's stay inside.
  const styles = await page.evaluate(() => {
    const root = document.getElementById('first').shadowRoot;
    const inner = getComputedStyle(root.querySelector('button'));
    const canvas = getComputedStyle(root.querySelector('canvas'));
    const host = getComputedStyle(document.getElementById('after'));
    return { innerBackground: inner.backgroundColor, canvasBorder: canvas.borderTopWidth, hostBackground: host.backgroundColor, hostFont: host.fontSize };
  });
  assert.notEqual(styles.innerBackground, 'rgb(255, 0, 255)');
  assert.equal(styles.canvasBorder, '0px');
  assert.equal(styles.hostBackground, 'rgb(255, 0, 255)');
  assert.equal(styles.hostFont, '40px');
  // Changing one instance redraws only that one.
  const before = (await events(page, 'explainer:render', 'second')).length;
  await page.evaluate(() => document.getElementById('first').setAttribute('view', 'matrix'));
  await page.waitForFunction(() => window.widgetEvents.filter((event) => event.id === 'first' && event.type === 'explainer:render').at(-1).detail.view === 'matrix');
  assert.equal((await events(page, 'explainer:render', 'second')).length, before);
  const unexpected = problems.filter((problem) => !problem.includes('bad-dataset.json'));
  assert.deepEqual(unexpected, []);
  await context.close();
});

test('hostile but valid text is shown as text and never runs', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/fixtures/host.html`, { origin });
  await waitForRender(page, 'first');
  await page.evaluate(() => {
    const widget = document.getElementById('first');
    widget.setAttribute('view', 'matrix');
    widget.setAttribute('src', '/fixtures/hostile-dataset.json');
  });
  await page.waitForFunction(() => window.widgetEvents.filter((event) => event.id === 'first' && event.type === 'explainer:render').at(-1).detail.party === 'alpha');
  // Hover every mark and open every card, so the hostile text reaches the tooltip and the card too.
  await page.evaluate(() => {
    const widget = document.getElementById('first');
    const canvas = widget.shadowRoot.querySelector('canvas');
    const bounds = canvas.getBoundingClientRect();
    for (let y = 0; y < bounds.height; y += 10) {
      for (let x = 0; x < bounds.width; x += 10) {
        canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: bounds.left + x, clientY: bounds.top + y, bubbles: true }));
      }
    }
    widget.selectFact('facts-0');
  });
  await page.evaluate(() => document.getElementById('first').shadowRoot.querySelector('.table-toggle').click());
  await new Promise((resolve) => setTimeout(resolve, 300));
  const state = await page.evaluate(() => ({ pwned: window.pwned ?? null, injected: document.getElementById('first').shadowRoot.querySelectorAll('img, script, iframe, svg, b').length, table: document.getElementById('first').shadowRoot.querySelector('.table').textContent, card: document.getElementById('first').shadowRoot.querySelector('.card').textContent }));
  assert.ok(state.card.includes('<script>window.pwned=6</script>'), `the card shows the quote as text: ${state.card}`);
  assert.equal(state.pwned, null);
  assert.equal(state.injected, 0);
  assert.ok(state.table.includes('<script>') || state.table.includes('<img') || state.table.includes('<b'), `markup shows as text: ${state.table}`);
  await context.close();
  assert.deepEqual(problems.filter((problem) => !problem.includes('bad-dataset.json')), []);
});

test('a dataset that answers 404 gives an alert and an error event; the page keeps working', async () => {
  const { page, context } = await openPage(browser, `${origin}/fixtures/host.html`, { origin });
  await waitForRender(page, 'first');
  await page.evaluate(() => document.getElementById('second').setAttribute('src', '/fixtures/missing.json'));
  await page.waitForFunction(() => window.widgetEvents.some((event) => event.type === 'explainer:error' && event.id === 'second'));
  const alert = await page.evaluate(() => document.getElementById('second').shadowRoot.querySelector('[role="alert"]').textContent);
  assert.match(alert, /missing\.json.*404/);
  await page.evaluate(() => document.getElementById('first').setAttribute('view', 'timeline'));
  await page.waitForFunction(() => window.widgetEvents.filter((event) => event.id === 'first' && event.type === 'explainer:render').at(-1).detail.view === 'timeline');
  await context.close();
});

test('embed.html speaks the pym.js child protocol to its parent', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/fixtures/host.html`, { origin });
  const message = await page.evaluate(async (source) => {
    const frame = document.createElement('iframe');
    const heights = [];
    window.addEventListener('message', (event) => heights.push(event.data));
    frame.src = `${source}/embed.html?view=camps&lang=fr&childId=chart1`;
    frame.style.width = '600px';
    document.body.append(frame);
    for (let wait = 0; wait < 100 && !heights.some((data) => /xPYMxheightxPYMx[1-9]/.test(data)); wait += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    return heights.at(-1);
  }, origin);
  assert.match(message, /^pymxPYMxchart1xPYMxheightxPYMx\d+$/);
  assert.ok(Number(message.split('xPYMx').at(-1)) > 150, `height is the widget's, got ${message}`);
  assert.deepEqual(problems.filter((problem) => !problem.includes('bad-dataset.json')), []);
  await context.close();
});

test('theme="auto" follows prefers-color-scheme, and theme="light" overrides it', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/article.html`, { origin, colorScheme: 'dark' });
  await waitForRender(page);
  const corner = () => page.evaluate(() => {
    const canvas = document.getElementById('explainer').shadowRoot.querySelector('canvas');
    const [r, g, b] = canvas.getContext('2d').getImageData(1, 1, 1, 1).data;
    return (r + g + b) / 3;
  });
  assert.equal(await shadow(page, 'explainer', '.explainer', 'data-theme'), 'dark');
  assert.ok(await corner() < 60, 'the chart background is dark');
  const count = (await events(page, 'explainer:render')).length;
  await page.evaluate(() => document.getElementById('explainer').setAttribute('theme', 'light'));
  await waitForRender(page, 'explainer', count + 1);
  assert.equal(await shadow(page, 'explainer', '.explainer', 'data-theme'), 'light');
  assert.ok(await corner() > 200, 'the chart background is light');
  assert.deepEqual(problems, []);
  await context.close();
});
