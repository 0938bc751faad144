// Produces the README's screenshots from the built dist/ in headless Chromium: the demo article,
// and each view in each language. Run after `npm run build`: node scripts/screenshots.mjs
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, openPage, waitForRender } from '../tests/browser/harness.mjs';

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
  for (const shot of shots.filter((candidate) => !only || candidate.name.includes(only))) {
    const { page, context } = await openPage(browser, `${origin}/${shot.hash}`, { origin, viewport: shot.viewport ?? { width: 900, height: 1300 }, deviceScaleFactor: shot.deviceScaleFactor ?? 1 });
    await waitForRender(page);
    await page.evaluate(() => document.fonts.ready);
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
