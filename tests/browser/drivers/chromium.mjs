// Chromium: Debian's /usr/bin/chromium (never a downloaded build) driven by playwright-core over CDP.
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { isAutomaticFavicon } from './index.mjs';

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch({ initScript } = {}) {
  const browser = await chromium.launch({ executablePath: EXECUTABLE, args: ARGS });
  return new ChromiumBrowser(browser, initScript);
}

class ChromiumBrowser {
  constructor(browser, initScript) {
    this.engine = 'chromium';
    this.native = browser;
    this.version = browser.version();
    this.initScript = initScript;
    this.supports = { touch: true, downloads: true, colorScheme: true, deviceScaleFactor: true, javaScriptDisabled: true, memory: true, reducedMotion: true, clipboardRead: true, layoutShift: true };
    this.reasons = {};
  }

  async newPage({ viewport = { width: 900, height: 1200 }, deviceScaleFactor = 1, colorScheme = 'light', reducedMotion = 'no-preference', hasTouch = false, javaScriptEnabled = true, origin = null } = {}) {
    const context = await this.native.newContext({ viewport, deviceScaleFactor, colorScheme, reducedMotion, hasTouch, javaScriptEnabled, acceptDownloads: true });
    const page = await context.newPage();
    const wrapper = new ChromiumPage(page, context, origin);
    if (this.initScript) await page.addInitScript({ content: this.initScript });
    return withNativeFallback(wrapper, page);
  }

  /** Playwright's own API, for code written before the driver layer (Chromium only). */
  newContext(options) {
    return this.native.newContext(options);
  }

  async close() {
    await this.native.close();
  }
}

class ChromiumPage {
  constructor(page, context, origin) {
    this.engine = 'chromium';
    this.native = page;
    this.context = context;
    this.nativeProblems = true;
    this.problems = [];
    page.on('console', (message) => {
      // A failed load is reported once, with its URL, by the response listener below.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) this.problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
    page.on('response', (response) => { if (response.status() >= 400 && !isAutomaticFavicon(response.url())) this.problems.push(`HTTP ${response.status()}: ${response.url()}`); });
    page.on('requestfailed', (request) => this.problems.push(`failed request: ${request.url()} ${request.failure()?.errorText}`));
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (origin && !['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) this.problems.push(`request left the origin: ${request.url()}`);
    });
    this.keyboard = { press: (key) => page.keyboard.press(key) };
    this.mouse = { move: (x, y) => page.mouse.move(x, y), click: (x, y) => page.mouse.click(x, y) };
    this.touchscreen = { tap: (x, y) => page.touchscreen.tap(x, y) };
  }

  goto(url) { return this.native.goto(url); }
  evaluate(fn, arg) { return this.native.evaluate(fn, arg); }
  waitForFunction(fn, arg, options = {}) { return this.native.waitForFunction(fn, arg, { timeout: 30000, ...options }).then((handle) => handle.jsonValue()); }
  click(selector) { return this.native.click(selector); }
  setInputFiles(selector, files) { return this.native.setInputFiles(selector, files); }

  async screenshot({ path, selector } = {}) {
    return selector ? this.native.locator(selector).screenshot({ path }) : this.native.screenshot({ path });
  }

  async download(trigger) {
    const [download] = await Promise.all([this.native.waitForEvent('download'), trigger()]);
    return { name: download.suggestedFilename(), body: await readFile(await download.path()) };
  }

  addScriptTag(options) { return this.native.addScriptTag(options); }
  async close() { await this.context.close(); }
}

/**
 * Code written against Playwright before the driver layer (page.locator, page.waitForEvent...) keeps working
 * in Chromium: what the driver page lacks is looked up on Playwright's page. Other engines have no fallback.
 */
function withNativeFallback(wrapper, native) {
  return new Proxy(wrapper, {
    get(target, property, receiver) {
      if (property in target) return Reflect.get(target, property, receiver);
      const value = native[property];
      return typeof value === 'function' ? value.bind(native) : value;
    },
  });
}
