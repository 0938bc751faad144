// Story mode: a page whose paragraphs carry data-explainer-step, scrolled programmatically one step at a time as
// a reader would. Each crossing brings, within a second, an explainer:render carrying that step's state; the
// widget never moves the page; each step is announced once in the live region; a step outside the element
// `story="#id"` names is not followed; a reader's own change between two steps is taken back by the next one. Between
// two steps, Rust draws the frames of a transition, each within a frame's time on a desktop; with
// prefers-reduced-motion, none: the new state is drawn at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, endSession, openPage, waitForRender, canDo } from './harness.mjs';

const STEPS = [
  { view: 'party', party: 'pjd' },
  { view: 'party', party: 'pam' },
  { view: 'compare', party: 'pjd', versus: 'pam' },
  { view: 'matrix', fact: 'pam-live-rally-speech' },
  { view: 'timeline', fact: 'pjd-web-tv' },
  { view: 'camps' },
  // The last, so the steps before it keep the host's language.
  { view: 'party', party: 'istiqlal', lang: 'fr' },
];
// What the host itself set, which a step without that attribute shows again.
const HOST = { view: 'matrix', party: 'istiqlal', versus: 'usfp' };

const attributes = (state) => Object.entries(state).map(([name, value]) => ` data-${name}="${value}"`).join('');
const STORY_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Story</title>
<link rel="stylesheet" href="/fixtures-story.css">
<script type="module" src="/campaign-explainer.js"></script>
</head>
<body>
<div class="chart"><campaign-explainer id="explainer" story="#steps" lang="en" view="${HOST.view}" party="${HOST.party}" versus="${HOST.versus}"></campaign-explainer></div>
<main id="steps">
${STEPS.map((state, index) => `<p id="step-${index}" data-explainer-step${attributes(state)}>Step ${index}: ${JSON.stringify(state)}</p>`).join('\n')}
</main>
<p id="outside" data-explainer-step data-view="camps">A step outside #steps, which the widget does not follow.</p>
</body>
</html>
`;
// The chart is fixed beside the text, so its height never moves the steps; each step is taller than the band.
const STORY_CSS = `body { margin: 0; font: 16px/1.5 sans-serif; }
.chart { position: fixed; top: 0; right: 0; width: 460px; height: 100vh; overflow: auto; }
main, #outside { margin-right: 480px; padding: 100vh 16px 50vh; }
p[data-explainer-step] { min-height: 60vh; margin: 0 0 40vh; border-top: 1px solid #999; }`;

let server, origin, browser;
before(async () => {
  ({ server, origin, browser } = await startSession({
    handler: (request, response) => {
      const { pathname } = new URL(request.url, 'http://127.0.0.1');
      if (pathname === '/story.html') response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(STORY_PAGE);
      else if (pathname === '/fixtures-story.css') response.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8' }).end(STORY_CSS);
      else return false;
      return true;
    },
  }));
});
after(() => endSession({ server, browser }));

/** Scrolls so that the middle of `target` is in the middle of the screen; resolves to the scroll position set. */
const scrollToMiddle = (page, target) => page.evaluate((selector) => {
  const step = document.querySelector(selector);
  const { top, height } = step.getBoundingClientRect();
  window.scrollTo({ top: scrollY + top + height / 2 - innerHeight / 2, behavior: 'instant' });
  window.storyCrossedAt = performance.now();
  window.rendersBefore = window.widgetEvents.length;
  return scrollY;
}, target);

/** The first explainer:render since the last scroll that carries `expected`, and how long after the scroll it came. */
const renderOf = (page, expected) => page.waitForFunction((wanted) => {
  const renders = window.widgetEvents.slice(window.rendersBefore).filter((event) => event.type === 'explainer:render');
  const found = renders.find((event) => Object.entries(wanted).every(([name, value]) => (event.detail[name] ?? null) === value));
  return found ? { detail: found.detail, after: performance.now() - window.storyCrossedAt } : false;
}, expected, { timeout: 5000 }).catch(async (error) => {
  const events = await page.evaluate(() => window.widgetEvents.slice(-4).map((event) => `${event.type} ${JSON.stringify(event.detail)}`));
  throw new Error(`no render with ${JSON.stringify(expected)} (${error.message}); the last events: ${events.join('; ')}`);
});

test('scrolled step by step, the chart follows each step within a second, never scrolls, and announces each once', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/story.html`, { origin, viewport: { width: 1280, height: 800 } });
  await waitForRender(page);
  await page.evaluate(() => {
    window.announcements = [];
    const live = document.getElementById('explainer').shadowRoot.getElementById('live');
    new MutationObserver(() => window.announcements.push(live.textContent)).observe(live, { childList: true, characterData: true, subtree: true });
    window.scrolls = 0;
    addEventListener('scroll', () => { window.scrolls += 1; }, { passive: true });
  });
  for (const [index, step] of STEPS.entries()) {
    const expected = { view: step.view, party: step.party ?? HOST.party, versus: step.versus ?? HOST.versus, fact: step.fact ?? null, lang: step.lang ?? 'en' };
    const scrolled = await scrollToMiddle(page, `#step-${index}`);
    const { after: delay } = await renderOf(page, expected);
    assert.ok(delay < 1000, `step ${index}: the render with its state came ${Math.round(delay)} ms after the crossing`);
    // Let anything late settle: one change per crossing, and the page stays where the reader put it.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    const after = await page.evaluate(() => ({
      scrollY,
      states: window.widgetEvents.slice(window.rendersBefore).filter((event) => event.type === 'explainer:render').map((event) => event.detail),
      announcements: window.announcements.splice(0),
      attributes: Object.fromEntries(['view', 'party', 'versus', 'fact'].map((name) => [name, document.getElementById('explainer').getAttribute(name)])),
    }));
    assert.equal(after.scrollY, scrolled, `step ${index}: the widget left the scroll position alone`);
    for (const state of after.states) {
      for (const [name, value] of Object.entries(expected)) assert.equal(state[name] ?? null, value, `step ${index}: every render after the crossing has ${name} ${value}: ${JSON.stringify(after.states)}`);
    }
    assert.equal(after.announcements.filter(Boolean).length, 1, `step ${index}: one announcement: ${JSON.stringify(after.announcements)}`);
    assert.ok(after.announcements.find(Boolean).length > 10, `step ${index}: the announcement says what the chart shows: ${after.announcements}`);
    if (step.fact) assert.ok(after.announcements.find(Boolean).includes(step.fact.startsWith('pam') ? 'PAM' : 'PJD'), `the fact in focus is named: ${after.announcements}`);
    // The story sets the attributes the host could set: the page reads the same state.
    assert.deepEqual(after.attributes, { view: expected.view, party: expected.party, versus: expected.versus, fact: step.fact ?? null });
  }
  assert.equal(await page.evaluate(() => window.scrolls), STEPS.length, 'one scroll event per step the test made, none from the widget');

  // The step outside the story's element is not followed: the last step of #steps stays.
  await scrollToMiddle(page, '#outside');
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  assert.equal(await page.evaluate(() => window.widgetEvents.slice(window.rendersBefore).filter((event) => event.type === 'explainer:render').length), 0, 'no draw for a step outside #steps');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the reader can explore at any step, and the next crossing takes the chart back to the story', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/story.html`, { origin, viewport: { width: 1280, height: 800 } });
  await waitForRender(page);
  await scrollToMiddle(page, '#step-2');
  await renderOf(page, { view: 'compare', party: 'pjd', versus: 'pam' });
  // The reader picks another view with the widget's own buttons (which set the attribute, as the contract says).
  const picked = await page.evaluate(() => {
    const buttons = [...document.getElementById('explainer').shadowRoot.querySelectorAll('button[data-view="camps"]')];
    const button = buttons[0];
    button?.click();
    return Boolean(button);
  });
  assert.ok(picked, 'the widget has a button for the camps view');
  await page.waitForFunction(() => window.widgetEvents.at(-1)?.detail?.view === 'camps', null, { timeout: 5000 });
  // And French with the language switch: a step without data-lang keeps the reader's language.
  await page.evaluate(() => {
    const select = document.getElementById('explainer').shadowRoot.querySelector('select[data-attribute="lang"]');
    select.value = 'fr';
    select.dispatchEvent(new Event('change'));
  });
  await page.waitForFunction(() => window.widgetEvents.at(-1)?.detail?.lang === 'fr', null, { timeout: 10000 });
  await scrollToMiddle(page, '#step-3');
  const { detail } = await renderOf(page, { view: 'matrix', fact: 'pam-live-rally-speech', lang: 'fr' });
  assert.equal(detail.party, HOST.party, 'a step without data-party shows the host\'s own party');
  // The fact's note is drawn by the same Rust code into the SVG export too.
  const svg = await page.evaluate(() => document.getElementById('explainer').toSVG());
  assert.ok(svg.includes('Au moment de l’article'), 'the SVG of the step has the fact\'s note, in the reader\'s language');
  assert.deepEqual(problems, []);
  await context.close();
});

/** Counts and times the transition frames Rust draws (the handle's method, wrapped by the test alone). */
const watchFrames = (page) => page.evaluate(() => {
  const prototype = Object.getPrototypeOf(document.getElementById('explainer').explainer);
  const draw = prototype.render_transition;
  window.frameTimes = [];
  prototype.render_transition = function timed(...values) {
    const start = performance.now();
    try {
      return draw.apply(this, values);
    } finally {
      window.frameTimes.push(performance.now() - start);
    }
  };
});

for (const motion of ['no-preference', 'reduce']) {
  test(`between two steps, ${motion === 'reduce' ? 'under prefers-reduced-motion no intermediate frame is drawn' : 'marks move and fade in frames, the typical one drawn in under 16 ms'}`, async (t) => {
    if (motion === 'reduce' && !canDo(t, browser, 'reducedMotion', 'prefers-reduced-motion can be emulated')) return;
    const { page, context, problems } = await openPage(browser, `${origin}/story.html`, { origin, viewport: { width: 1280, height: 800 }, reducedMotion: motion });
    await waitForRender(page);
    await watchFrames(page);
    const frames = [];
    // Matrix → one party (the party's marks move) → head to head → the matrix with a fact in focus.
    for (const [index, step] of [[1, STEPS[1]], [2, STEPS[2]], [3, STEPS[3]]]) {
      await scrollToMiddle(page, `#step-${index}`);
      const { after: delay } = await renderOf(page, { view: step.view, party: step.party ?? HOST.party });
      assert.ok(delay < 1000, `step ${index}: drawn ${Math.round(delay)} ms after the crossing`);
      frames.push(await page.evaluate(() => window.frameTimes.splice(0)));
    }
    const all = frames.flat();
    if (motion === 'reduce') {
      assert.equal(all.length, 0, 'no transition frame under reduced motion');
    } else {
      // A transition's first frame also lays the new view out (as a change without transition does in its one
      // draw), which the phone-performance issue's view-switch budget covers; the others only draw. Times on a
      // shared machine vary: the typical frame is held to the 16 ms, and every frame's time is reported.
      const drawing = frames.flatMap((times) => times.slice(1));
      const median = (times) => [...times].sort((a, b) => a - b)[times.length >> 1];
      t.diagnostic(`${all.length} frames in ${frames.length} transitions; first frames (with the layout) ${frames.map((times) => times[0]?.toFixed(1)).join(', ')} ms; the others: median ${median(drawing).toFixed(1)} ms, slowest ${Math.max(...drawing).toFixed(1)} ms`);
      assert.ok(frames.every((times) => times.length >= 1) && all.length >= 6, `frames were drawn between each two steps: ${frames.map((times) => times.length)}`);
      assert.ok(median(drawing) < 16, `a frame takes under 16 ms: median ${median(drawing)}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// The demo (dist/index.html) tells the article as a story: on a phone the chart stays at the top of the screen and
// the text scrolls under it, on a desktop it stays beside the text; the chart changing never moves the text.
for (const screen of [{ name: 'a 390 x 844 phone', viewport: { width: 390, height: 844 }, beside: false }, { name: 'a 1280 x 800 desktop', viewport: { width: 1280, height: 800 }, beside: true }]) {
  test(`the demo's story on ${screen.name}: each paragraph brings its chart, which stays in view, and the text never moves`, async () => {
    const { page, context, problems } = await openPage(browser, `${origin}/index.html`, { origin, viewport: screen.viewport });
    await waitForRender(page);
    const where = () => page.evaluate(() => ({
      steps: [...document.querySelectorAll('[data-explainer-step]')].map((step) => Math.round(step.getBoundingClientRect().top + scrollY)),
      chart: (({ top, bottom, left, right }) => ({ top, bottom, left, right }))(document.querySelector('.story-chart').getBoundingClientRect()),
      text: (({ left, right }) => ({ left, right }))(document.querySelector('.story-steps').getBoundingClientRect()),
    }));
    const before = await where();
    const steps = await page.evaluate(() => [...document.querySelectorAll('[data-explainer-step]')].map((step) => ({ view: step.dataset.view, party: step.dataset.party ?? null, fact: step.dataset.fact ?? null })));
    assert.ok(steps.length >= 8, `the article is told in steps: ${steps.length}`);
    for (const [index, step] of steps.entries()) {
      await page.evaluate((position) => {
        const target = document.querySelectorAll('[data-explainer-step]')[position];
        const { top } = target.getBoundingClientRect();
        // The step's first line at the middle of the screen, as a reader reading it.
        window.scrollTo({ top: scrollY + top + 20 - innerHeight / 2, behavior: 'instant' });
        window.rendersBefore = window.widgetEvents.length;
        window.storyCrossedAt = performance.now();
      }, index);
      const wanted = { view: step.view, ...(step.party ? { party: step.party } : {}), fact: step.fact };
      // The last draw shows the step (the first step may already be the one shown when the page opens).
      await page.waitForFunction((state) => {
        const last = window.widgetEvents.filter((event) => event.type === 'explainer:render').at(-1);
        return last && Object.entries(state).every(([name, value]) => (last.detail[name] ?? null) === value);
      }, wanted, { timeout: 5000 });
      const now = await where();
      assert.deepEqual(now.steps, before.steps, `step ${index}: the text did not move`);
      assert.ok(now.chart.top >= -1 && now.chart.bottom <= screen.viewport.height + 1, `step ${index}: the chart is in view (${now.chart.top}–${now.chart.bottom})`);
      if (screen.beside) assert.ok(now.chart.right <= now.text.left + 1 || now.chart.left >= now.text.right - 1, 'the chart is beside the text');
      else assert.ok(Math.abs(now.chart.top) <= 1, `on a phone the chart is at the top of the screen: ${now.chart.top}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a story scope that matches nothing and an unknown fact are refused with explainer:error, naming them', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}/story.html`, { origin, viewport: { width: 1280, height: 800 } });
  await waitForRender(page);
  const messages = await page.evaluate(async () => {
    const widget = document.getElementById('explainer');
    const errors = [];
    widget.addEventListener('explainer:error', (event) => errors.push(event.detail.message));
    widget.setAttribute('fact', 'no-such-fact');
    widget.setAttribute('story', '#no-such-element');
    widget.setAttribute('story', '[not a selector');
    return errors;
  });
  assert.equal(messages.length, 3, JSON.stringify(messages));
  assert.match(messages[0], /^fact: unknown fact "no-such-fact"/);
  assert.match(messages[1], /^story: no element of the page matches "#no-such-element"/);
  assert.match(messages[2], /^story: no element of the page matches "\[not a selector"/);
  // The refused fact kept the last state: the chart still draws.
  await page.evaluate(() => document.getElementById('explainer').setAttribute('view', 'camps'));
  await page.waitForFunction(() => window.widgetEvents.at(-1)?.detail?.view === 'camps', null, { timeout: 5000 });
  assert.deepEqual(problems, []);
  await context.close();
});
