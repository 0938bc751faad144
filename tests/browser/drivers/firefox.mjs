// Firefox: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi (no CDP in Firefox).
// BiDi has no media emulation here, so prefers-color-scheme, reduced motion and JavaScript off are
// preferences of a Firefox instance: one instance per combination a test asks for, started when first
// needed. Every page gets its own browser context (fresh storage), as Playwright's contexts do.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { downloadInto, isAutomaticFavicon, pollForFunction } from './index.mjs';

const EXECUTABLE = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export async function launch({ initScript } = {}) {
  const browser = new FirefoxBrowser(initScript);
  await browser.instance({ colorScheme: 'light', reducedMotion: 'no-preference', javaScriptEnabled: true });
  return browser;
}

class FirefoxBrowser {
  constructor(initScript) {
    this.engine = 'firefox';
    this.initScript = initScript;
    this.instances = new Map();
    this.supports = { touch: true, downloads: true, colorScheme: true, deviceScaleFactor: true, javaScriptDisabled: true, memory: false, reducedMotion: true, clipboardRead: false, layoutShift: false };
    this.reasons = {
      layoutShift: "Firefox does not implement the Layout Instability API (no 'layout-shift' performance entries); the article's position is checked there",
      clipboardRead: 'reading the clipboard asks the reader to confirm a paste in Firefox, which WebDriver BiDi cannot grant',
      memory: 'WebDriver BiDi can neither force a garbage collection nor read the JS heap or the wasm memory\'s size (Chromium reads them over CDP)',
    };
  }

  /** A running Firefox with these preferences, started on first use. */
  instance({ colorScheme, reducedMotion, javaScriptEnabled }) {
    const key = `${colorScheme}|${reducedMotion}|${javaScriptEnabled}`;
    if (!this.instances.has(key)) {
      this.instances.set(key, (async () => {
        const downloads = await mkdtemp(path.join(tmpdir(), 'campaign-explainer-firefox-downloads-'));
        const browser = await puppeteer.launch({
          browser: 'firefox',
          executablePath: EXECUTABLE,
          headless: true,
          extraPrefsFirefox: {
            // 0: dark, 1: light (what a reader's system setting gives the page).
            'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
            'ui.prefersReducedMotion': reducedMotion === 'reduce' ? 1 : 0,
            'javascript.enabled': javaScriptEnabled,
            // Downloads land in a folder of ours, without a dialog.
            'browser.download.dir': downloads,
            'browser.download.folderList': 2,
            'browser.download.useDownloadDir': true,
            'browser.download.always_ask_before_handling_new_types': false,
            'browser.download.start_downloads_in_tmp_dir': false,
            // No request the test did not ask for.
            'network.captive-portal-service.enabled': false,
            'network.connectivity-service.enabled': false,
            'browser.safebrowsing.update.enabled': false,
          },
        });
        this.version ??= (await browser.version()).replace(/^firefox\//i, '');
        return { browser, downloads };
      })());
    }
    return this.instances.get(key);
  }

  async newPage({ viewport = { width: 900, height: 1200 }, deviceScaleFactor = 1, colorScheme = 'light', reducedMotion = 'no-preference', hasTouch = false, javaScriptEnabled = true, origin = null } = {}) {
    const { browser, downloads } = await this.instance({ colorScheme, reducedMotion, javaScriptEnabled });
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const wrapper = new FirefoxPage(page, context, origin, downloads, javaScriptEnabled);
    await page.setViewport({ width: viewport.width, height: viewport.height, deviceScaleFactor, hasTouch });
    if (this.initScript && javaScriptEnabled) await page.evaluateOnNewDocument(this.initScript);
    return wrapper;
  }

  async close() {
    for (const pending of this.instances.values()) {
      const { browser, downloads } = await pending.catch(() => ({}));
      await browser?.close().catch(() => {});
      if (downloads) await rm(downloads, { recursive: true, force: true });
    }
    this.instances.clear();
  }
}

class FirefoxPage {
  constructor(page, context, origin, downloads, javaScriptEnabled) {
    this.engine = 'firefox';
    this.javaScriptEnabled = javaScriptEnabled;
    this.native = page;
    this.context = context;
    this.downloads = downloads;
    this.nativeProblems = true;
    this.problems = [];
    page.on('console', (message) => { if (message.type() === 'error') this.problems.push(`console: ${message.text()}`); });
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
    page.on('response', (response) => { if (response.status() >= 400 && !isAutomaticFavicon(response.url())) this.problems.push(`HTTP ${response.status()}: ${response.url()}`); });
    page.on('requestfailed', (request) => this.problems.push(`failed request: ${request.url()} ${request.failure()?.errorText ?? ''}`.trim()));
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (origin && !['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) this.problems.push(`request left the origin: ${request.url()}`);
    });
    this.keyboard = { press: (key) => page.keyboard.press(key) };
    this.mouse = { move: (x, y) => page.mouse.move(x, y), click: (x, y) => page.mouse.click(x, y) };
    this.touchscreen = { tap: (x, y) => page.touchscreen.tap(x, y) };
    // No fake clock over BiDi: time really passes (a test's runFor(16000) takes 16 s here).
    this.clock = { install: async () => {}, runFor: (milliseconds) => this.waitForTimeout(milliseconds) };
  }

  async goto(url) { await this.native.goto(url); }
  evaluate(fn, arg) { return this.native.evaluate(fn, arg); }

  async waitForFunction(fn, arg, { timeout = 30000 } = {}) {
    // Puppeteer polls inside the page, where nothing runs while the page's scripts are off.
    if (!this.javaScriptEnabled) return pollForFunction(this, fn, arg, { timeout });
    const handle = await this.native.waitForFunction(fn, { timeout, polling: 50 }, arg);
    return handle.jsonValue();
  }

  waitForTimeout(milliseconds) {
    return new Promise((resolve) => setTimeout(resolve, milliseconds));
  }

  click(selector) { return this.native.click(selector); }

  /** Over WebDriver BiDi's input.setFiles, which fires the input's input and change events as a reader's choice does. */
  async setInputFiles(selector, files) {
    const input = await this.native.$(selector);
    await input.uploadFile(...files);
  }

  async screenshot({ path: file, selector } = {}) {
    if (!selector) return this.native.screenshot({ path: file });
    const element = await this.native.$(selector);
    return element.screenshot({ path: file });
  }

  /** Firefox saves into the instance's download folder, without asking (see the preferences above). */
  download(trigger) {
    return downloadInto(this.downloads, trigger);
  }

  addScriptTag(options) { return this.native.addScriptTag(options); }
  async close() { await this.context.close(); }
}
