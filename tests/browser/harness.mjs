// Shared by the browser tests: serves dist/ on 127.0.0.1 and drives the engine that BROWSERS names
// (chromium, the default; firefox; webkit) through the driver layer in ./drivers/, recording console
// errors, page errors, failed requests and any request that leaves the origin.
//
// The test server puts <script src="/__harness/recorder.js"> into every HTML page it serves, which records
// the widgets' events into window.widgetEvents in every engine (WebDriver classic has no init script), and
// reports in-page problems back to it for the engines whose driver cannot listen to the page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { isAutomaticFavicon, launch, selectedEngine, Unsupported } from './drivers/index.mjs';

export { Unsupported };
export const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist') + path.sep;
const RECORDER = readFileSync(new URL('./drivers/recorder.js', import.meta.url), 'utf8');
const RECORDER_TAG = '<script src="/__harness/recorder.js"></script>';
// Blocks nothing, but makes every engine fire securitypolicyviolation for a request to another origin, even
// one that fails (resource timing does not list those in WebKit); the recorder reports it.
const WATCH_ORIGIN = "default-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' data: blob:";

/** The engine this process tests, from BROWSERS (one engine; chromium when unset); null if it names several. */
let engineError = null;
export const ENGINE = (() => {
  try {
    return selectedEngine();
  } catch (error) {
    engineError = error;
    return null;
  }
})();

// Problem lists of the open pages whose driver cannot listen to the page (WebKit): the test server adds to them.
const listeners = new Set();
const tell = (problem) => { for (const problems of listeners) problems.push(problem); };

/**
 * Serves dist/ (or `routes`) on 127.0.0.1. `headers` and `handler` are passed to scripts/serve.mjs.
 * With `recorder` (the default), HTML pages get the recorder script, and every response of 400 or more is
 * recorded as a problem of the open WebKit pages.
 */
export async function startServer({ routes = [{ prefix: '/', directory: DIST }], headers, handler = null, recorder = true, ...options } = {}) {
  let origin = null;
  const harnessHandler = async (request, response) => {
    const urlPath = new URL(request.url, 'http://127.0.0.1').pathname;
    if (recorder && urlPath === '/__harness/recorder.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' }).end(RECORDER);
      return true;
    }
    if (recorder && urlPath === '/__harness/problem' && request.method === 'POST') {
      let text = '';
      for await (const chunk of request) text += chunk;
      tell(text);
      response.writeHead(204).end();
      return true;
    }
    // Node's own fetches (the tests reading files) are not the page's.
    if (!/^node\b|undici/.test(request.headers['user-agent'] ?? '') && !isAutomaticFavicon(request.url)) {
      response.on('finish', () => { if (response.statusCode >= 400) tell(`HTTP ${response.statusCode}: ${origin}${request.url}`); });
      response.on('close', () => { if (!response.writableFinished) tell(`failed request: ${origin}${request.url} (closed before an answer)`); });
    }
    if (recorder) injectRecorder(response);
    return handler ? handler(request, response) : false;
  };
  const server = await serve({ routes, headers, handler: harnessHandler, ...options });
  origin = `http://127.0.0.1:${server.address().port}`;
  return { server, origin };
}

/**
 * Rewrites an HTML response on its way out so that the recorder runs before any other script, and adds a
 * report-only policy that flags requests to other origins.
 */
function injectRecorder(response) {
  const writeHead = response.writeHead.bind(response);
  const end = response.end.bind(response);
  let pending = null;
  response.writeHead = (status, ...rest) => {
    const headers = rest.find((value) => value && typeof value === 'object') ?? {};
    const type = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
    const encoding = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-encoding')?.[1];
    if (!String(type).startsWith('text/html') || encoding) return writeHead(status, ...rest);
    pending = { status, headers };
    return response;
  };
  response.end = (body, ...rest) => {
    if (!pending) return end(body, ...rest);
    let html = Buffer.isBuffer(body) ? body.toString('utf8') : String(body ?? '');
    const anchor = /<meta charset[^>]*>/i.exec(html) ?? /<head[^>]*>/i.exec(html);
    html = anchor ? html.slice(0, anchor.index + anchor[0].length) + RECORDER_TAG + html.slice(anchor.index + anchor[0].length) : RECORDER_TAG + html;
    const headers = Object.fromEntries(Object.entries(pending.headers).filter(([name]) => name.toLowerCase() !== 'content-length'));
    const bytes = Buffer.from(html, 'utf8');
    writeHead(pending.status, { 'Content-Security-Policy-Report-Only': WATCH_ORIGIN, ...headers, 'Content-Length': bytes.length });
    return end(bytes);
  };
}

/** The engine of this run (BROWSERS), or the one named. */
export async function launchBrowser(engine = ENGINE) {
  if (!engine) throw engineError;
  return launch(engine, { initScript: RECORDER });
}

/** The server (options as startServer's) and the browser one test file shares: `({ server, origin, browser } = await startSession())` in `before`. */
export async function startSession(serverOptions) {
  const { server, origin } = await startServer(serverOptions);
  return { server, origin, browser: await launchBrowser() };
}

/** Closes what startSession opened, whatever got opened before a failure. */
export async function endSession({ server, browser }) {
  await browser?.close();
  server?.closeAllConnections?.();
  server?.close();
}

/**
 * A page that records what went wrong, and every widget event, from before the first script runs.
 * Options: viewport, deviceScaleFactor, colorScheme, reducedMotion, hasTouch, javaScriptEnabled.
 * `context.close()` closes the page (kept from the Playwright days: each page has its own context).
 */
export async function openPage(browser, url, { origin, ...options } = {}) {
  const page = await browser.newPage({ origin, ...options });
  const problems = page.problems;
  if (!page.nativeProblems) {
    listeners.add(problems);
    const close = page.close.bind(page);
    page.close = async () => { listeners.delete(problems); await close(); };
  }
  const context = page.context && page.engine === 'chromium'
    ? new Proxy(page.context, { get: (target, property) => (property === 'close' ? () => page.close() : typeof target[property] === 'function' ? target[property].bind(target) : target[property]) })
    : { close: () => page.close() };
  await page.goto(url);
  return { page, context, problems };
}

/** Resolves once the element with this id has fired explainer:render at least `count` times. */
export async function waitForRender(page, id = 'explainer', count = 1) {
  // A widget loads when it comes near the viewport (loading="lazy", the contract's default): the first draw of
  // one below the fold waits for the reader, so the test brings it into view as a reader would, scrolling no
  // more than that.
  if (count === 1) {
    await page.evaluate((target) => {
      const widget = document.getElementById(target);
      const drawn = window.widgetEvents?.some((event) => event.type === 'explainer:render' && event.id === target);
      if (widget && !drawn) widget.scrollIntoView({ block: 'nearest', behavior: 'instant' });
    }, id);
  }
  await page.waitForFunction(([target, wanted]) => window.widgetEvents.filter((event) => event.type === 'explainer:render' && event.id === target).length >= wanted, [id, count], { timeout: 20000 });
  // The first draw can be followed by another, as the page settles around it (a scroll bar appearing changes
  // the element's width; fonts arrive): a test that reads mark positions must read them after it, as a reader
  // points at what stays on the screen. Five frames with the canvas's box unchanged.
  if (count === 1) {
    await page.evaluate(async (target) => {
      const canvas = document.getElementById(target)?.shadowRoot?.querySelector('canvas');
      if (!canvas) return;
      await document.fonts.ready;
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      for (let steady = 0, last = ''; steady < 5;) {
        await frame();
        const { width, height } = canvas.getBoundingClientRect();
        const box = `${width}x${height}`;
        steady = box === last ? steady + 1 : 0;
        last = box;
      }
    }, id);
  }
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

/**
 * Runs `reader` (a function's source; `this` is the array of objects) over every object of the page whose prototype
 * `prototypeExpression` gives, found in the heap over CDP (Chromium: the element exposes no handle to its wasm
 * instance, so a Memory is found this way), and returns its result by value. The array found is held in an object
 * group of its own, released after: it would otherwise keep the objects alive.
 */
export async function readObjectsOf(cdp, prototypeExpression, reader, readerArguments = []) {
  const objectGroup = 'objects-of-a-prototype';
  const { result: prototype } = await cdp.send('Runtime.evaluate', { expression: prototypeExpression, objectGroup });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.objectId, objectGroup });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: reader,
    arguments: readerArguments.map((value) => ({ value })),
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup });
  return result.value;
}

/**
 * Where an engine's driver cannot do something (touch input, downloads...), a test skips that assertion
 * only, and says so: `if (!canDo(t, browser, 'touch', 'the tap selects the mark')) return;`.
 * The line starts with "skipped assertion" so scripts/test-browsers.sh can list every skip at the end.
 */
export function canDo(t, browser, capability, assertion) {
  if (browser.supports[capability]) return true;
  const message = `skipped assertion [${browser.engine}] ${assertion}: ${browser.reasons[capability] ?? `no ${capability} in this engine's driver`}`;
  t.diagnostic(message);
  return false;
}

/**
 * Scrolls the middle of the demo's chart to the middle of the screen and returns the fact mark nearest to it:
 * its index, fact id and centre in screen pixels. Waits first for the chart's height to hold for a few frames:
 * the first draw can be followed by another (fonts arriving, a scroll bar appearing) that changes it.
 */
export async function factMarkInTheMiddle(page, id = 'explainer') {
  return page.evaluate(async (target) => {
    const widget = document.getElementById(target);
    const canvas = () => widget.shadowRoot.querySelector('canvas').getBoundingClientRect();
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    await document.fonts.ready;
    for (let steady = 0, last = -1; steady < 5;) {
      await frame();
      const { height } = canvas();
      steady = height === last ? steady + 1 : 0;
      last = height;
    }
    const box = canvas();
    window.scrollBy({ top: box.top + box.height / 2 - innerHeight / 2, behavior: 'instant' });
    const bounds = canvas();
    let best = null;
    for (let index = 0; ; index += 1) {
      const mark = widget.explainer.mark(index);
      if (!mark) break;
      if (!mark.fact) continue;
      const [x, y, width, height] = mark.rect;
      const candidate = { index, id: mark.fact.id, x: bounds.left + x + width / 2, y: bounds.top + y + height / 2 };
      if (!best || Math.abs(candidate.y - innerHeight / 2) < Math.abs(best.y - innerHeight / 2)) best = candidate;
    }
    return best;
  }, id);
}
