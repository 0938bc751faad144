// The same view from the three browser engines, side by side, for the README: the matrix in Arabic at a
// desktop width and at a phone width, drawn from the built dist/ by Chromium, Firefox ESR and WebKitGTK
// through the tests' driver layer. Run after `npm run build`: node scripts/engine-screenshots.mjs
// Writes docs/screenshots/engines-<shot>-<engine>.png and the side-by-side docs/screenshots/engines-<shot>.png.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, openPage, waitForRender } from '../tests/browser/harness.mjs';
import { ENGINES } from '../tests/browser/drivers/index.mjs';

const output = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'screenshots');
const SHOTS = [
  { name: 'matrix-ar', hash: '#view=matrix&lang=ar', viewport: { width: 900, height: 1300 }, deviceScaleFactor: 1 },
  { name: 'phone-matrix-ar', hash: '#view=matrix&lang=ar', viewport: { width: 360, height: 800 }, deviceScaleFactor: 2 },
];
const LABELS = { chromium: 'Chromium', firefox: 'Firefox ESR', webkit: 'WebKitGTK (the engine of Safari)' };

/** PNG width and height, from the IHDR chunk. */
const pngSize = (bytes) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

await mkdir(output, { recursive: true });
const images = new Map();
const { server, origin } = await startServer({
  handler: (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const image = images.get(url.pathname);
    if (!image) return false;
    response.writeHead(200, { 'Content-Type': image.type, 'Cache-Control': 'no-store' }).end(image.body);
    return true;
  },
});
const engines = (process.env.BROWSERS ?? ENGINES.join(',')).split(',').filter(Boolean);
const shots = Object.fromEntries(SHOTS.map((shot) => [shot.name, []]));
try {
  for (const engine of engines) {
    const browser = await launchBrowser(engine);
    try {
      for (const shot of SHOTS) {
        const { page, context, problems } = await openPage(browser, `${origin}/article.html${shot.hash}`, { origin, viewport: shot.viewport, deviceScaleFactor: shot.deviceScaleFactor });
        await waitForRender(page);
        await page.evaluate(() => document.fonts.ready.then(() => true));
        const file = path.join(output, `engines-${shot.name}-${engine}.png`);
        await page.screenshot({ path: file, selector: '#explainer' });
        if (problems.length > 0) console.warn(`engine-screenshots: ${engine} ${shot.name}: ${problems.join('; ')}`);
        shots[shot.name].push({ engine, version: browser.version, file });
        console.log(`screenshot: ${path.relative(process.cwd(), file)}`);
        await context.close();
      }
    } finally {
      await browser.close();
    }
  }

  // Side by side, composed by Chromium from the three pictures at their own pixel size.
  const composer = await launchBrowser('chromium');
  try {
    for (const shot of SHOTS) {
      const parts = [];
      for (const { engine, version, file } of shots[shot.name]) {
        const body = await readFile(file);
        images.set(`/__engines/${engine}.png`, { type: 'image/png', body });
        const { width, height } = pngSize(body);
        parts.push({ engine, version, width: width / shot.deviceScaleFactor, height: height / shot.deviceScaleFactor });
      }
      const gap = 24;
      const width = parts.reduce((sum, part) => sum + part.width, 0) + gap * (parts.length + 1);
      const height = Math.max(...parts.map((part) => part.height)) + 60;
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>engines</title><style>
        body { margin: 0; padding: ${gap}px; display: flex; gap: ${gap}px; align-items: flex-start; background: #f3f3f3; font: 15px/1.3 system-ui, sans-serif; color: #222; }
        figure { margin: 0; } figcaption { margin: 0 0 8px; font-weight: 600; } img { display: block; box-shadow: 0 0 0 1px #ccc; background: #fff; }
      </style></head><body>${parts.map((part) => `<figure><figcaption>${LABELS[part.engine]} ${part.version ?? ''}</figcaption><img src="/__engines/${part.engine}.png" width="${part.width}" height="${part.height}" alt=""></figure>`).join('')}</body></html>`;
      images.set('/__engines/side-by-side.html', { type: 'text/html; charset=utf-8', body: html });
      const { page, context } = await openPage(composer, `${origin}/__engines/side-by-side.html`, { origin, viewport: { width: Math.ceil(width), height: Math.ceil(height) }, deviceScaleFactor: shot.deviceScaleFactor });
      await page.evaluate(() => Promise.all([...document.images].map((image) => image.decode())));
      const file = path.join(output, `engines-${shot.name}.png`);
      await page.screenshot({ path: file });
      console.log(`screenshot: ${path.relative(process.cwd(), file)}`);
      await context.close();
    }
  } finally {
    await composer.close();
  }
} finally {
  server.close();
}
