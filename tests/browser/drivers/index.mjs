// The thin driver layer the browser tests are written against, one implementation per engine:
//   chromium: Debian's Chromium driven by playwright-core (CDP)
//   firefox:  Firefox ESR driven by puppeteer-core over WebDriver BiDi
//   webkit:   WebKitGTK's MiniBrowser driven by WebKitWebDriver (W3C WebDriver classic) under Xvfb
//
// Browser: { engine, version, supports, reasons, newPage(options), close() }
//   newPage({ viewport, deviceScaleFactor, colorScheme, reducedMotion, hasTouch, javaScriptEnabled })
// Page: { engine, problems, nativeProblems, goto(url), evaluate(fn, arg), waitForFunction(fn, arg, { timeout }),
//         waitForTimeout(ms), keyboard.press(key), mouse.move(x, y), mouse.click(x, y), touchscreen.tap(x, y),
//         click(selector), setInputFiles(selector, paths), screenshot({ path, selector }), download(trigger) -> { name, body },
//         addScriptTag({ path }), clock.install(), clock.runFor(ms), close() }
// In Chromium a page also answers Playwright's own API (page.native is Playwright's page), for code written
// before this layer; clock there is Playwright's fake clock, elsewhere time really passes.
// `problems` is filled with console errors, page errors, failed requests and requests off the origin by the
// engine's driver where it can listen to the page (nativeProblems), else by the harness's test server.
// `supports` says what an engine's driver can do; `reasons` says why not, for the skip message.

import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** Thrown by a driver for an operation its engine cannot do; `reason` is printed with the skip. */
export class Unsupported extends Error {
  constructor(engine, what, reason) {
    super(`${engine} cannot ${what}: ${reason}`);
    this.name = 'Unsupported';
    this.engine = engine;
    this.reason = reason;
  }
}

/**
 * Firefox and WebKit ask for /favicon.ico by themselves when a page names no icon (headless Chromium does
 * not): the browser's request, not the page's, so its 404 is no problem of the page.
 */
export function isAutomaticFavicon(url) {
  try {
    return new URL(url, 'http://127.0.0.1').pathname === '/favicon.ico';
  } catch {
    return false;
  }
}

/** The engine this process tests: BROWSERS names one (scripts/test-browsers.sh runs the suite once per engine). */
export function selectedEngine(environment = process.env) {
  const listed = (environment.BROWSERS ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  if (listed.length === 0) return 'chromium';
  for (const name of listed) {
    if (!ENGINES.includes(name)) throw new Error(`BROWSERS: unknown engine "${name}", expected ${ENGINES.join(', ')}`);
  }
  if (listed.length > 1) {
    throw new Error(`BROWSERS=${environment.BROWSERS} names several engines: one node --test run tests one engine; run bash scripts/test-browsers.sh, which runs the suite once per engine`);
  }
  return listed[0];
}

export async function launch(engine = selectedEngine(), options = {}) {
  if (engine === 'chromium') return (await import('./chromium.mjs')).launch(options);
  if (engine === 'firefox') return (await import('./firefox.mjs')).launch(options);
  if (engine === 'webkit') return (await import('./webkit.mjs')).launch(options);
  throw new Error(`unknown engine "${engine}", expected ${ENGINES.join(', ')}`);
}

/**
 * For engines that save downloads into a folder of ours: runs trigger, then waits for a new file there to be
 * complete (no partial file left, size steady) and returns its name and bytes, removing it.
 */
export async function downloadInto(folder, trigger, { timeout = 15000 } = {}) {
  const partial = (name) => /\.(part|wkdownload|download|crdownload)$/i.test(name);
  const files = async () => (await readdir(folder, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  const before = new Set(await files());
  await trigger();
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = await files();
    const fresh = now.filter((name) => !before.has(name) && !partial(name));
    if (fresh.length > 0 && !now.some(partial)) {
      const file = path.join(folder, fresh[0]);
      // Firefox writes some downloads under a temporary name and renames them when done: a file that is
      // gone by the time it is measured is looked for again under its final name.
      const sizeOf = async () => (await stat(file).catch((error) => (error.code === 'ENOENT' ? null : Promise.reject(error))))?.size;
      const size = await sizeOf();
      await new Promise((resolve) => setTimeout(resolve, 150));
      if (size > 0 && (await sizeOf()) === size) {
        const body = await readFile(file);
        await rm(file);
        return { name: fresh[0], body };
      }
    }
    if (Date.now() > deadline) throw new Error(`no download finished within ${timeout / 1000} s in ${folder}: ${now.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits, polling, until fn(arg) is truthy in the page; shared by drivers without a native wait. */
export async function pollForFunction(page, fn, arg, { timeout = 30000, polling = 50 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await page.evaluate(fn, arg);
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`waitForFunction timed out after ${timeout} ms: ${String(fn).slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, polling));
  }
}
