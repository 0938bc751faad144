// WebKit: WebKitGTK's MiniBrowser driven by WebKitWebDriver (W3C WebDriver classic, plain HTTP from Node)
// on an Xvfb display. Xvfb and the driver are started here, not through xvfb-run, so that their process ids
// are ours and close() stops exactly them.
//
// What WebDriver classic lacks is done another way:
//  - no init script: the harness's test server puts a recorder <script src> into the pages it serves;
//  - no console or network events: the recorder reports in-page problems and the server records every
//    response it sends (see harness.mjs);
//  - no device-scale emulation: GDK_SCALE=2 on a driver of its own gives devicePixelRatio 2;
//  - no media emulation: MiniBrowser's --dark-mode gives prefers-color-scheme: dark;
//  - JavaScript off: MiniBrowser's --enable-javascript-markup=false (page scripts off, the driver's on);
//  - narrow windows: a GTK stylesheet lets MiniBrowser's toolbar shrink, so a 360 px viewport fits.
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Unsupported, downloadInto, pollForFunction } from './index.mjs';

const DRIVER = process.env.WEBKIT_WEBDRIVER_PATH ?? 'WebKitWebDriver';
const XVFB = process.env.XVFB_PATH ?? 'Xvfb';
const COMMAND_TIMEOUT_MS = 60000;
// MiniBrowser's toolbar has a minimum width of about 447 px; this lets it shrink below phone widths.
const GTK_CSS = 'window * { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px; }\n';

const KEYS = {
  Enter: '\uE007', Escape: '\uE00C', Tab: '\uE004', Backspace: '\uE003', Delete: '\uE017', Space: ' ', ' ': ' ',
  ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015',
  Home: '\uE011', End: '\uE010', PageUp: '\uE00E', PageDown: '\uE00F', Shift: '\uE008', Control: '\uE009', Alt: '\uE00A',
};

export async function launch() {
  const browser = new WebKitBrowser();
  await browser.start();
  return browser;
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); }, 3000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  });
}

/** One Xvfb display and one WebKitWebDriver on it, with the environment a device scale needs. */
class Driver {
  static async start(scale) {
    const driver = new Driver();
    driver.home = await mkdtemp(path.join(tmpdir(), 'campaign-explainer-webkit-'));
    await mkdir(path.join(driver.home, 'config', 'gtk-3.0'), { recursive: true });
    await writeFile(path.join(driver.home, 'config', 'gtk-3.0', 'gtk.css'), GTK_CSS);
    try {
      driver.xvfb = spawn(XVFB, ['-displayfd', '3', '-screen', '0', '3000x3000x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
      let xvfbErrors = '';
      driver.xvfb.stderr.on('data', (chunk) => { xvfbErrors += chunk; });
      const display = await new Promise((resolve, reject) => {
        let text = '';
        driver.xvfb.stdio[3].on('data', (chunk) => {
          text += chunk;
          if (text.includes('\n')) resolve(`:${text.trim()}`);
        });
        driver.xvfb.once('error', (error) => reject(new Error(`cannot start ${XVFB} (apt-get install xvfb, or run scripts/setup.sh): ${error.message}`)));
        driver.xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${xvfbErrors.trim()}`)));
      });
      driver.port = await freePort();
      driver.output = '';
      driver.process = spawn(DRIVER, [`--port=${driver.port}`], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          DISPLAY: display,
          GDK_BACKEND: 'x11',
          GDK_SCALE: String(scale),
          GDK_DPI_SCALE: '1',
          XDG_CONFIG_HOME: path.join(driver.home, 'config'),
          XDG_CACHE_HOME: path.join(driver.home, 'cache'),
          XDG_DATA_HOME: path.join(driver.home, 'data'),
          HOME: driver.home,
          // Quieter under Xvfb: no accessibility bus, no compositing.
          NO_AT_BRIDGE: '1',
          WEBKIT_DISABLE_COMPOSITING_MODE: '1',
        },
      });
      for (const stream of [driver.process.stdout, driver.process.stderr]) stream.on('data', (chunk) => { driver.output = (driver.output + chunk).slice(-4000); });
      const failed = new Promise((resolve, reject) => {
        driver.process.once('error', (error) => reject(new Error(`cannot start ${DRIVER} (apt-get install webkit2gtk-driver, or run scripts/setup.sh): ${error.message}`)));
        driver.process.once('exit', (code) => reject(new Error(`WebKitWebDriver exited with ${code}: ${driver.output.trim()}`)));
      });
      driver.base = `http://127.0.0.1:${driver.port}`;
      const deadline = Date.now() + 20000;
      for (;;) {
        const ready = await Promise.race([fetch(`${driver.base}/status`).then((response) => response.ok, () => false), failed]);
        if (ready) break;
        if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not answer on port ${driver.port} within 20 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      failed.catch(() => {});
      return driver;
    } catch (error) {
      await driver.stop();
      throw error;
    }
  }

  async command(method, urlPath, body) {
    const response = await fetch(`${this.base}${urlPath}`, {
      method,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(COMMAND_TIMEOUT_MS),
    });
    const text = await response.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`WebKitWebDriver ${method} ${urlPath}: HTTP ${response.status} ${text.slice(0, 300)}`);
    }
    if (json.value?.error) {
      const error = new Error(`WebKitWebDriver ${method} ${urlPath}: ${json.value.error}: ${json.value.message}`);
      error.webdriverError = json.value.error;
      throw error;
    }
    return json.value;
  }

  async stop() {
    await stop(this.process);
    await stop(this.xvfb);
    if (this.home) await rm(this.home, { recursive: true, force: true });
  }
}

class WebKitBrowser {
  constructor() {
    this.engine = 'webkit';
    // WebKitWebDriver runs one session at a time: one driver (and display) per open page, reused when idle.
    this.drivers = [];
    this.pages = new Set();
    this.supports = { touch: true, downloads: true, colorScheme: true, deviceScaleFactor: true, javaScriptDisabled: true, memory: false, reducedMotion: false, clipboardRead: false, layoutShift: false };
    this.reasons = {
      layoutShift: "WebKit does not implement the Layout Instability API (no 'layout-shift' performance entries); the article's position is checked there",
      clipboardRead: 'reading the clipboard needs a reader\'s paste in WebKit, which WebDriver classic cannot grant',
      memory: 'WebDriver classic can neither force a garbage collection nor read the JS heap or the wasm memory\'s size (Chromium reads them over CDP)',
      reducedMotion: 'MiniBrowser has no option for prefers-reduced-motion, and WebDriver classic no media emulation',
    };
  }

  /** An idle driver for a device scale factor (GDK_SCALE is read once, when the browser process starts). */
  driver(scale) {
    const key = Math.max(1, Math.round(scale));
    let slot = this.drivers.find((candidate) => candidate.scale === key && !candidate.busy);
    if (!slot) {
      slot = { scale: key, busy: false, driver: Driver.start(key) };
      this.drivers.push(slot);
      slot.driver.catch(() => { this.drivers.splice(this.drivers.indexOf(slot), 1); });
    }
    return slot;
  }

  async newPage({ viewport = { width: 900, height: 1200 }, deviceScaleFactor = 1, colorScheme = 'light', reducedMotion = 'no-preference', hasTouch = false, javaScriptEnabled = true, origin = null } = {}) {
    if (Math.round(deviceScaleFactor) !== deviceScaleFactor) throw new Unsupported('webkit', `use deviceScaleFactor ${deviceScaleFactor}`, 'GDK_SCALE takes whole numbers');
    if (reducedMotion === 'reduce') throw new Unsupported('webkit', 'emulate prefers-reduced-motion: reduce', this.reasons.reducedMotion);
    const slot = this.driver(deviceScaleFactor);
    slot.busy = true;
    try {
      const driver = await slot.driver;
      const args = ['--automation'];
      if (colorScheme === 'dark') args.push('--dark-mode');
      if (!javaScriptEnabled) args.push('--enable-javascript-markup=false');
      const session = await driver.command('POST', '/session', { capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { args } } } });
      this.version ??= session.capabilities?.browserVersion;
      // hasTouch: touch input works through pointer actions of type "touch"; maxTouchPoints stays 0.
      // origin: requests off the origin are caught by the recorder's report-only policy (harness.mjs).
      const page = new WebKitPage(driver, session.sessionId, { reasons: this.reasons });
      this.pages.add(page);
      page.onClose = () => {
        this.pages.delete(page);
        slot.busy = false;
      };
      await page.setViewport(viewport);
      return page;
    } catch (error) {
      slot.busy = false;
      throw error;
    }
  }

  async start() {
    await this.driver(1).driver;
  }

  async close() {
    for (const page of [...this.pages]) await page.close().catch(() => {});
    for (const slot of this.drivers.splice(0)) {
      const driver = await slot.driver.catch(() => null);
      await driver?.stop();
    }
  }
}

class WebKitPage {
  constructor(driver, sessionId, { reasons }) {
    this.engine = 'webkit';
    this.driver = driver;
    this.session = `/session/${sessionId}`;
    this.reasons = reasons;
    // Filled by the harness's test server (see harness.mjs): WebDriver classic cannot listen to the page.
    this.nativeProblems = false;
    this.problems = [];
    this.keyboard = { press: (key) => this.press(key) };
    this.mouse = {
      move: (x, y) => this.pointer([{ type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) }]),
      click: (x, y) => this.pointer([
        { type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) },
        { type: 'pointerDown', button: 0 },
        { type: 'pointerUp', button: 0 },
      ]),
    };
    this.touchscreen = {
      tap: (x, y) => this.command('POST', '/actions', { actions: [{ type: 'pointer', id: 'finger', parameters: { pointerType: 'touch' }, actions: [
        { type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) },
        { type: 'pointerDown', button: 0 },
        { type: 'pointerUp', button: 0 },
      ] }] }),
    };
    // No fake clock in WebDriver classic: time really passes (a test's runFor(16000) takes 16 s here).
    this.clock = { install: async () => {}, runFor: (milliseconds) => this.waitForTimeout(milliseconds) };
  }

  command(method, urlPath, body) {
    return this.driver.command(method, `${this.session}${urlPath}`, body);
  }

  /** Sizes the window so that the page's viewport (innerWidth × innerHeight) is the one asked for. */
  async setViewport({ width, height }) {
    let rect = { width, height };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await this.command('POST', '/window/rect', rect);
      const inner = await this.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
      if (inner.width === width && inner.height === height) return;
      rect = { width: rect.width + width - inner.width, height: rect.height + height - inner.height };
    }
  }

  async goto(url) {
    await this.command('POST', '/url', { url });
  }

  async evaluate(fn, arg) {
    const script = `const done = arguments[arguments.length - 1];
Promise.resolve().then(() => (${typeof fn === 'function' ? fn.toString() : `() => (${fn})`})(arguments[0])).then(
  (value) => done({ value: value === undefined ? null : value }),
  (error) => done({ error: String(error && error.stack || error) }));`;
    const result = await this.command('POST', '/execute/async', { script, args: [arg === undefined ? null : arg] });
    if (result?.error) throw new Error(`evaluate failed in the page: ${result.error}`);
    return result?.value;
  }

  waitForFunction(fn, arg, options) {
    return pollForFunction(this, fn, arg, options);
  }

  waitForTimeout(milliseconds) {
    return new Promise((resolve) => setTimeout(resolve, milliseconds));
  }

  async press(key) {
    const value = KEYS[key] ?? (key.length === 1 ? key : null);
    if (value === null) throw new Error(`webkit driver: no WebDriver code for key "${key}"`);
    await this.command('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }] });
  }

  async pointer(actions) {
    await this.command('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });
  }

  async click(selector) {
    const element = await this.command('POST', '/element', { using: 'css selector', value: selector });
    await this.command('POST', `/element/${Object.values(element)[0]}/click`, {});
  }

  /**
   * WebDriver's Element Send Keys on a file input chooses the files, given as paths one per line. On an input with
   * `multiple` it adds them to those already chosen: cleared first, so that the files replace them as a reader's
   * new choice does.
   */
  async setInputFiles(selector, files) {
    const element = Object.values(await this.command('POST', '/element', { using: 'css selector', value: selector }))[0];
    await this.command('POST', `/element/${element}/clear`, {});
    await this.command('POST', `/element/${element}/value`, { text: files.join('\n') });
  }

  async screenshot({ path: file, selector } = {}) {
    let data;
    if (selector) {
      // WebKitWebDriver captures an element whole only when the page is not scrolled and the element is
      // within the window: scroll to the top, and grow the window to the element's bottom for the capture.
      const sizes = await this.evaluate((query) => {
        window.scrollTo({ top: 0, behavior: 'instant' });
        const node = document.querySelector(query);
        return { width: window.innerWidth, height: window.innerHeight, needed: Math.ceil(node.getBoundingClientRect().bottom) + 16 };
      }, selector);
      if (sizes.needed > sizes.height) await this.setViewport({ width: sizes.width, height: sizes.needed });
      try {
        const element = await this.command('POST', '/element', { using: 'css selector', value: selector });
        data = await this.command('GET', `/element/${Object.values(element)[0]}/screenshot`);
      } finally {
        if (sizes.needed > sizes.height) await this.setViewport({ width: sizes.width, height: sizes.height });
      }
    } else {
      data = await this.command('GET', '/screenshot');
    }
    const body = Buffer.from(data, 'base64');
    if (file) await writeFile(file, body);
    return body;
  }

  /** MiniBrowser saves a download, without asking, into $HOME: the driver's own folder. */
  download(trigger) {
    return downloadInto(this.driver.home, trigger);
  }

  async addScriptTag({ path: file }) {
    const source = await readFile(file, 'utf8');
    await this.evaluate((text) => {
      const script = document.createElement('script');
      script.textContent = text;
      document.head.append(script);
    }, source);
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.command('DELETE', '').catch(() => {});
    this.onClose?.();
  }
}
