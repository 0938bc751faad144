// Shared by the browser tests: serves dist/ on 127.0.0.1 and drives Debian's Chromium with playwright-core,
// recording console errors, page errors, failed requests and any request that leaves the origin.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist') + path.sep;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function startServer(options = {}) {
  const server = await serve({ routes: [{ prefix: '/', directory: DIST }], ...options });
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page that records what went wrong, and every widget event, from before the first script runs. */
export async function openPage(browser, url, { origin, viewport = { width: 900, height: 1200 }, deviceScaleFactor = 1, colorScheme = 'light', reducedMotion = 'no-preference', hasTouch = false } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, colorScheme, reducedMotion, hasTouch });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    // A failed load is reported once, with its URL, by the response listener below.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => { if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`); });
  page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()} ${request.failure()?.errorText}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (origin && !['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) problems.push(`request left the origin: ${request.url()}`);
  });
  await page.addInitScript(() => {
    window.widgetEvents = [];
    for (const type of ['explainer:render', 'explainer:select', 'explainer:error']) {
      document.addEventListener(type, (event) => window.widgetEvents.push({ type, id: event.target.id, detail: event.detail }), true);
    }
  });
  await page.goto(url);
  return { page, context, problems };
}

/** Resolves once the element with this id has fired explainer:render at least `count` times. */
export async function waitForRender(page, id = 'explainer', count = 1) {
  await page.waitForFunction(([target, wanted]) => window.widgetEvents.filter((event) => event.type === 'explainer:render' && event.id === target).length >= wanted, [id, count], { timeout: 20000 });
}

/** Counts canvas pixels that differ from the top-left corner's colour: drawn content, not an empty box. */
export async function canvasFacts(page, id = 'explainer') {
  return page.evaluate((target) => {
    const canvas = document.getElementById(target).shadowRoot.querySelector('canvas');
    const context = canvas.getContext('2d');
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const [r, g, b] = data;
    let drawn = 0;
    const colours = new Set();
    for (let index = 0; index < data.length; index += 4) {
      if (Math.abs(data[index] - r) + Math.abs(data[index + 1] - g) + Math.abs(data[index + 2] - b) > 60) drawn += 1;
      if (index % 64 === 0) colours.add((data[index] << 16) | (data[index + 1] << 8) | data[index + 2]);
    }
    return { width: canvas.width, height: canvas.height, cssWidth: canvas.getBoundingClientRect().width, cssHeight: canvas.getBoundingClientRect().height, drawn, total: data.length / 4, colours: colours.size, label: canvas.getAttribute('aria-label') };
  }, id);
}
