// Produces the README's screenshots from the built dist/ in headless Chromium: the demo article,
// and each view in each language. Run after `npm run build`: node scripts/screenshots.mjs
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, openPage, waitForRender, factMarkInTheMiddle } from '../tests/browser/harness.mjs';

const output = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'screenshots');
await mkdir(output, { recursive: true });
const { server, origin } = await startServer();
const browser = await launchBrowser();
try {
  const only = process.argv[2];
  const shots = [{ name: 'demo-matrix-ar', hash: '' }];
  for (const view of ['matrix', 'party', 'compare', 'camps', 'timeline']) {
    for (const lang of ['ar', 'fr', 'en']) shots.push({ name: `${view}-${lang}`, hash: `#view=${view}&lang=${lang}&party=pjd&versus=pam`, widgetOnly: true });
  }
  shots.push({ name: 'phone-matrix-ar', hash: '#view=matrix&lang=ar', widgetOnly: true, viewport: { width: 360, height: 800 }, deviceScaleFactor: 2 });
  // What a phone reader sees: in the middle of the matrix, the column names at the top and a tapped mark's card
  // beside it; and the matrix with every category folded but one.
  const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true };
  shots.push({ name: 'phone-card-ar', hash: '#view=matrix&lang=ar', ...phone, act: tapMiddleMark });
  shots.push({ name: 'phone-folded-ar', hash: '#view=matrix&lang=ar', ...phone, act: foldAllButOne });
  // The story (dist/index.html) at PAM's paragraph: on a phone the chart at the top and the text under it, on a
  // desktop beside it, with the fact the paragraph names ringed and its note.
  shots.push({ name: 'story-phone-ar', page: 'index.html', hash: '', ...phone, act: readStep(5) });
  shots.push({ name: 'story-desktop-ar', page: 'index.html', hash: '', viewport: { width: 1280, height: 800 }, act: readStep(6) });
  for (const shot of shots.filter((candidate) => !only || candidate.name.includes(only))) {
    // The widget's own pictures come from the article with the widget in its flow, not from the story.
    const { page, context } = await openPage(browser, `${origin}/${shot.page ?? (shot.name.startsWith('demo') ? 'index.html' : 'article.html')}${shot.hash}`, { origin, viewport: shot.viewport ?? { width: 900, height: 1300 }, deviceScaleFactor: shot.deviceScaleFactor ?? 1, hasTouch: shot.hasTouch ?? false });
    await waitForRender(page);
    await page.evaluate(() => document.fonts.ready);
    if (shot.act) await shot.act(page);
    const file = path.join(output, `${shot.name}.png`);
    if (shot.widgetOnly) await page.locator('#explainer').screenshot({ path: file });
    else await page.screenshot({ path: file, fullPage: false });
    console.log(`screenshot: ${path.relative(process.cwd(), file)}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

/** Scrolls the story's step `index` to the middle of the screen, as a reader reading it, and waits for its chart. */
function readStep(index) {
  return async (page) => {
    await page.evaluate((position) => {
      const { top } = document.querySelectorAll('[data-explainer-step]')[position].getBoundingClientRect();
      window.scrollTo({ top: scrollY + top + 20 - innerHeight / 2, behavior: 'instant' });
    }, index);
    await page.waitForTimeout(1200);
  };
}

/** Scrolls the middle of the matrix to the middle of the screen and taps the fact mark nearest to it. */
async function tapMiddleMark(page) {
  const target = await factMarkInTheMiddle(page);
  await page.touchscreen.tap(target.x, target.y);
  await page.waitForTimeout(300);
}

/** Folds every category of the matrix but the second, and shows the chart from its top. */
async function foldAllButOne(page) {
  await page.evaluate(() => {
    const widget = document.getElementById('explainer');
    const folds = [];
    for (let index = 0; ; index += 1) {
      const mark = widget.explainer.mark(index);
      if (!mark) break;
      if (mark.fold) folds.push(mark.fold);
    }
    widget.setAttribute('folded', folds.filter((_, position) => position !== 1).join(' '));
    widget.scrollIntoView({ behavior: 'instant' });
  });
  await page.waitForTimeout(300);
}
