// <campaign-explainer>: the custom element. It owns the page-facing DOM (shadow root, controls,
// events, accessibility); all data, layout and drawing happen in Rust behind one Explainer handle.
import initialise, { Explainer, live_handles as liveHandles, max_dataset_bytes as maxDatasetBytes } from '../pkg/campaign_explainer.js';
import stylesheetText from './element.css';

const THEMES = ['light', 'dark', 'auto'];
const LOADINGS = ['lazy', 'eager'];
// Known before the wasm is, to fetch a page's texts file together with it; the views, formats and every
// word come from Rust.
const LANGS = ['ar', 'fr', 'en'];
const DATASET_TIMEOUT_MS = 15000;
// The widget's words and the built-in dataset's texts in French and in English. The wasm carries only the
// Arabic, the article's own language: most of its readers never download the other two (8 KB gzip).
const TEXTS = {
  fr: new URL('../target/static/texts-fr.json', import.meta.url),
  en: new URL('../target/static/texts-en.json', import.meta.url),
};

// One wasm instance per page, shared by every element; each element has its own handle.
let wasmReady = null;
function loadWasm() {
  if (!wasmReady) wasmReady = initialise();
  return wasmReady;
}

// One request per language per page, shared by every element; a failed one is tried again next time.
const textRequests = new Map();
function fetchTexts(lang) {
  if (!textRequests.has(lang)) {
    const request = fetch(TEXTS[lang], { credentials: 'same-origin' }).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    });
    request.catch(() => textRequests.delete(lang));
    textRequests.set(lang, request);
  }
  return textRequests.get(lang);
}

let sharedSheet = null;
function adoptStyles(shadow) {
  // Constructed stylesheets are not inline styles, so a strict style-src allows them.
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(stylesheetText);
    }
    shadow.adoptedStyleSheets = [sharedSheet];
  } else {
    // Engines older than constructable stylesheets (Safari < 16.4): a style element, which only a
    // strict style-src would block there.
    shadow.append(element('style', { text: stylesheetText }));
  }
}

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

function pageLang(host) {
  const tagged = host.parentElement?.closest('[lang]') ?? document.documentElement;
  const primary = (tagged?.getAttribute('lang') || '').toLowerCase().split('-')[0];
  return LANGS.includes(primary) ? primary : 'ar';
}

export class CampaignExplainer extends HTMLElement {
  static get observedAttributes() {
    return ['view', 'lang', 'party', 'versus', 'theme', 'src', 'folded', 'loading'];
  }

  constructor() {
    super();
    this.explainer = null;
    this.strings = {};
    this.rendered = false;
    this.datasetRequest = 0;
    this.langRequest = 0;
    this.hoveredMark = undefined;
    this.pendingData = null;
    // `data` set on the element before this script defined it is an own property hiding the setter.
    if (Object.prototype.hasOwnProperty.call(this, 'data')) {
      const data = this.data;
      delete this.data;
      this.pendingData = data ?? null;
    }
    const shadow = this.attachShadow({ mode: 'open', delegatesFocus: false });
    adoptStyles(shadow);
    this.parts = this.buildShadow(shadow);
  }

  buildShadow(shadow) {
    // Filled with the views Rust lists, in the reader's language, at the first draw.
    const viewTabs = element('div', { class: 'views', role: 'group' });
    const partyLabel = element('label', { class: 'picker' }, [element('span', { class: 'picker-name' }), element('select', { 'data-attribute': 'party' })]);
    const versusLabel = element('label', { class: 'picker' }, [element('span', { class: 'picker-name' }), element('select', { 'data-attribute': 'versus' })]);
    // Its options, each language named in itself, come from Rust with the first draw.
    const langSelect = element('select', { 'data-attribute': 'lang' });
    const langLabel = element('label', { class: 'picker' }, [element('span', { class: 'picker-name' }), langSelect]);
    const tableToggle = element('button', { type: 'button', class: 'table-toggle', 'aria-pressed': 'false' });
    const controls = element('div', { class: 'controls' }, [viewTabs, partyLabel, versusLabel, langLabel, tableToggle]);
    const canvas = element('canvas', { role: 'img', tabindex: '0', 'aria-describedby': 'live' });
    const tooltip = element('div', { class: 'tooltip', hidden: '', 'aria-hidden': 'true' });
    const cardText = element('p', { class: 'card-text' });
    const cardQuoteHeading = element('p', { class: 'card-label' });
    const cardQuote = element('blockquote', { class: 'card-quote', lang: 'ar', dir: 'rtl' });
    const cardNote = element('p', { class: 'card-note' });
    const cardTitle = element('h3', { class: 'card-title', id: 'card-title' });
    const readButton = element('button', { type: 'button', class: 'card-read' });
    const closeButton = element('button', { type: 'button', class: 'card-close' });
    const card = element('div', { class: 'card', role: 'region', tabindex: '-1', hidden: '', 'aria-labelledby': 'card-title' }, [cardTitle, cardText, cardQuoteHeading, cardQuote, cardNote, element('div', { class: 'card-actions' }, [readButton, closeButton])]);
    // The card opens over the chart, next to its mark.
    // After the chart's canvas come those of the bands that name its columns (placeHeaderBands).
    const stage = element('div', { class: 'stage' }, [canvas, tooltip, card]);
    const downloads = element('div', { class: 'downloads', role: 'group' });
    const alert = element('div', { class: 'alert', role: 'alert', hidden: '' });
    // The page's own content of the element (e.g. the build's static SVG) shows until the first draw,
    // and stays, under the alert, if the wasm cannot load.
    const fallback = element('div', { class: 'fallback' }, [element('slot')]);
    const live = element('div', { class: 'visually-hidden', id: 'live', 'aria-live': 'polite' });
    const table = element('div', { class: 'table visually-hidden' });
    const wrapper = element('div', { class: 'explainer', part: 'explainer' }, [controls, alert, fallback, stage, downloads, table, live]);
    shadow.append(wrapper);

    viewTabs.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-view]');
      if (button) this.requestChange('view', button.dataset.view);
    });
    for (const select of [partyLabel.lastChild, versusLabel.lastChild, langSelect]) {
      select.addEventListener('change', () => this.requestChange(select.dataset.attribute, select.value));
    }
    tableToggle.addEventListener('click', () => {
      const shown = tableToggle.getAttribute('aria-pressed') !== 'true';
      tableToggle.setAttribute('aria-pressed', String(shown));
      table.classList.toggle('visually-hidden', !shown);
      tableToggle.textContent = shown ? this.strings.HideTable : this.strings.ShowAsTable;
    });
    closeButton.addEventListener('click', () => this.closeCard(true));
    downloads.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-format]');
      if (button) this.download(button.dataset.format);
    });
    readButton.addEventListener('click', () => this.readInArticle());
    canvas.addEventListener('pointerdown', (event) => { this.lastPointerType = event.pointerType; });
    canvas.addEventListener('pointermove', (event) => this.onPointerMove(event));
    canvas.addEventListener('pointerleave', () => this.hideTooltip());
    canvas.addEventListener('click', (event) => this.onClick(event));
    canvas.addEventListener('keydown', (event) => this.onKeyDown(event));
    canvas.addEventListener('focus', () => this.onCanvasFocus());
    canvas.addEventListener('blur', () => this.redraw());
    wrapper.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !card.hidden) {
        event.stopPropagation();
        this.closeCard(true);
      }
    });
    return { wrapper, fallback, downloads, controls, viewTabs, partySelect: partyLabel.lastChild, versusSelect: versusLabel.lastChild, partyLabel, versusLabel, langLabel, langSelect, tableToggle, canvas, tooltip, card, cardTitle, cardText, cardQuoteHeading, cardQuote, cardNote, readButton, closeButton, stage, alert, live, table };
  }

  /**
   * Everything started here stops in disconnectedCallback: a news app that swaps articles leaves nothing
   * behind, and moving the element (a disconnect, then a connect) starts it again where it now is.
   */
  connectedCallback() {
    this.connection = new AbortController();
    const signal = this.connection.signal;
    const start = () => {
      this.visibility?.disconnect();
      this.visibility = null;
      if (this.started || signal.aborted) return;
      this.started = true;
      this.start(signal).catch((error) => {
        if (!signal.aborted) this.fail(error, true);
      });
    };
    this.started = false;
    const loading = this.getAttribute('loading') ?? 'lazy';
    if (!LOADINGS.includes(loading)) this.reportError(`loading: unknown value ${JSON.stringify(loading)}, expected lazy or eager`);
    // By default nothing is downloaded until the element comes within a screen of the viewport: a reader who
    // stops before it pays for none of its wasm; `loading="eager"` starts at once, as <img> and <iframe> do.
    if (loading === 'eager' || typeof IntersectionObserver !== 'function') {
      start();
      return;
    }
    this.visibility = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) start();
    }, { rootMargin: '100% 0px' });
    this.visibility.observe(this);
  }

  disconnectedCallback() {
    this.visibility?.disconnect();
    this.visibility = null;
    this.connection?.abort();
    this.connection = null;
    this.ready = false;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    cancelAnimationFrame(this.resizeFrame);
    this.resizeFrame = 0;
    // The handle holds no DOM object; freed now rather than when the garbage collector gets to it.
    this.explainer?.free();
    this.explainer = null;
    this.hoveredMark = undefined;
    this.textsKey = this.partiesKey = this.sceneKey = this.shownView = undefined;
  }

  /**
   * The one ready step: a new handle gets every attribute as it is once the wasm and the reader's texts are
   * there, so an attribute changed meanwhile is in the first draw and the first explainer:render.
   */
  async start(signal) {
    const lang = () => this.getAttribute('lang') ?? pageLang(this);
    // Requested with the wasm, not after it, so a French or English page waits for both at once.
    if (TEXTS[lang()]) fetchTexts(lang()).catch(() => {});
    await loadWasm();
    if (signal.aborted) return;
    this.context = this.context ?? this.parts.canvas.getContext('2d');
    if (!this.context) throw new Error('this browser cannot draw on a canvas');
    this.explainer = new Explainer();
    this.langRequest += 1;
    // Until the language asked for when the last file arrived is the one set.
    for (let wanted = lang(); ; wanted = lang()) {
      if (this.needsTexts(wanted)) await this.addTexts(wanted);
      if (signal.aborted) return;
      if (wanted === lang()) break;
    }
    for (let source = this.getAttribute('src'); ; source = this.getAttribute('src')) {
      const data = this.pendingData;
      if (data) this.useData(data, false);
      else if (source !== null) await this.loadDataset(source, signal, false);
      if (signal.aborted) return;
      if (source === this.getAttribute('src') && data === this.pendingData) break;
    }
    // No await from here on: nothing can change between these and the first draw.
    this.darkQuery = window.matchMedia?.('(prefers-color-scheme: dark)');
    this.darkQuery?.addEventListener?.('change', () => this.applyTheme() && this.redraw(), { signal });
    // A tap or click anywhere but the open card closes it (one on a mark then opens that mark's).
    document.addEventListener('pointerdown', (event) => {
      if (!this.parts.card.hidden && !event.composedPath().includes(this.parts.card)) this.closeCard(false);
    }, { signal });
    this.setLang(lang());
    this.applyTheme();
    for (const name of ['view', 'party', 'versus', 'folded']) this.applyAttribute(name, this.getAttribute(name));
    this.ready = true;
    // A width change redraws in the next frame, not in the observer's callback: a draw changes the
    // element's height, and a size change inside the callback makes every engine report a "ResizeObserver
    // loop" error to the page's error handlers. A height change alone is the element's own draw.
    this.resizeObserver = new ResizeObserver(() => this.redrawOnResize());
    this.resizeObserver.observe(this);
    this.watchPixelRatio(signal);
    this.redraw();
  }

  /** How many Rust handles this page holds: one per element on the page, none once they are removed. */
  static async liveHandles() {
    await loadWasm();
    return liveHandles();
  }

  /** A removed attribute goes back to the contract's default (`lang`: the page's language). */
  attributeChangedCallback(name, oldValue, value) {
    // Turned to eager while waiting to come into view: start now.
    if (name === 'loading') {
      if (value === 'eager' && this.visibility) {
        this.disconnectedCallback();
        if (this.isConnected) this.connectedCallback();
      }
      return;
    }
    if (name === 'src') this.pendingData = null;
    // Before the handle is ready, start() reads every attribute as it then is.
    if (!this.ready || oldValue === value) return;
    if (name === 'src') {
      this.loadDataset(value, this.connection.signal).then(() => this.redraw());
      return;
    }
    if (name === 'theme') {
      if (this.applyTheme()) this.redraw();
      return;
    }
    if (name === 'lang') {
      // Synchronous when the texts are there, as the other attributes are, so errors keep their order.
      const lang = value ?? pageLang(this);
      if (!this.needsTexts(lang)) {
        if (this.setLang(lang)) this.redraw();
      } else this.changeLang(lang).then((changed) => changed && this.redraw());
      return;
    }
    if (this.applyAttribute(name, value)) this.redraw();
  }

  /**
   * Sets the language, at once when its texts are there; the French or English texts file is fetched the
   * first time (even with a custom dataset: the widget's own words are in it). Resolves to whether it was
   * set: a later change overtakes one still waiting, and texts that cannot be had keep the last language
   * and fire explainer:error.
   */
  async changeLang(lang) {
    if (!this.needsTexts(lang)) return this.setLang(lang);
    const request = ++this.langRequest;
    if (!(await this.addTexts(lang)) || request !== this.langRequest || !this.explainer) return false;
    return this.setLang(lang);
  }

  setLang(lang) {
    this.langRequest += 1;
    return this.applyAttribute('lang', lang);
  }

  /** Whether `lang` has a texts file that the explainer has not been given yet. */
  needsTexts(lang) {
    return Boolean(TEXTS[lang]) && Boolean(this.explainer) && !this.explainer.document('texts').includes(lang);
  }

  async ensureTexts(lang) {
    return !this.needsTexts(lang) || this.addTexts(lang);
  }

  async addTexts(lang) {
    let texts;
    try {
      texts = await fetchTexts(lang);
    } catch (error) {
      this.reportError(`lang: the texts in ${lang} could not be loaded (${error.message})`);
      return false;
    }
    if (!this.explainer) return false;
    try {
      this.explainer.add_texts(lang, texts);
      return true;
    } catch (error) {
      this.reportError(error.message);
      return false;
    }
  }

  /** Controls inside the widget change the attribute, so the page sees the same state it could set. */
  requestChange(name, value) {
    this.setAttribute(name, value);
  }

  applyAttribute(name, value) {
    try {
      this.explainer.set(name, value ?? undefined);
      if (name === 'lang') this.strings = this.explainer.document('ui');
      return true;
    } catch (error) {
      if (this.stopIfTrapped(error)) return false;
      // The contract: a rejected attribute keeps the last valid state and fires explainer:error.
      this.reportError(error.message);
      return false;
    }
  }

  applyTheme() {
    const theme = this.getAttribute('theme') ?? 'auto';
    if (!THEMES.includes(theme)) {
      this.reportError(`theme: unknown theme ${JSON.stringify(theme)}, expected light, dark or auto`);
      return false;
    }
    const dark = theme === 'dark' || (theme === 'auto' && Boolean(this.darkQuery?.matches));
    this.parts.wrapper.dataset.theme = dark ? 'dark' : 'light';
    this.explainer?.set_dark(dark);
    return true;
  }

  watchPixelRatio(signal) {
    // A matchMedia on the current ratio fires once when the window moves to another screen or zooms.
    const query = window.matchMedia?.(`(resolution: ${window.devicePixelRatio}dppx)`);
    query?.addEventListener?.('change', () => {
      this.redraw();
      this.watchPixelRatio(signal);
    }, { once: true, signal });
  }

  /**
   * Fetches and shows the dataset at `source`, or the built-in one for none. `signal` is the connection's:
   * an element removed meanwhile drops the request. `reapply` re-applies `party` and `versus` on the new
   * dataset (start() applies every attribute itself).
   */
  async loadDataset(source, signal, reapply = true) {
    const request = ++this.datasetRequest;
    if (source === null || source === '') {
      // Back on the built-in dataset, which has the texts of the reader's language: its file was
      // added before the language was set, whatever the dataset.
      this.explainer.use_dataset(null);
      this.datasetGeneration = (this.datasetGeneration ?? 0) + 1;
      this.clearAlert();
      if (reapply) for (const name of ['party', 'versus', 'folded']) this.applyAttribute(name, this.getAttribute(name));
      return;
    }
    const url = new URL(source, document.baseURI).href;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), DATASET_TIMEOUT_MS);
    const stop = () => controller.abort();
    signal.addEventListener('abort', stop);
    let text;
    try {
      const response = await fetch(url, { signal: controller.signal, credentials: 'same-origin' });
      if (!response.ok) throw new Error(`src: the dataset at ${JSON.stringify(source)} could not be loaded (HTTP ${response.status})`);
      const limit = maxDatasetBytes();
      const declared = Number(response.headers.get('Content-Length') ?? 0);
      const tooLarge = () => new Error(`src: the dataset at ${JSON.stringify(source)} is larger than the ${limit} bytes allowed`);
      if (declared > limit) throw tooLarge();
      text = await response.text();
      if (text.length > limit) throw tooLarge();
    } catch (error) {
      if (signal.aborted) return;
      const message = error.name === 'AbortError'
        ? `src: the dataset at ${JSON.stringify(source)} did not answer within ${DATASET_TIMEOUT_MS / 1000} s`
        : error.message.startsWith('src:') ? error.message : `src: the dataset at ${JSON.stringify(source)} could not be loaded (${error.message})`;
      if (request === this.datasetRequest) this.showDatasetError(message);
      return;
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
    }
    if (request !== this.datasetRequest || signal.aborted) return;
    let data;
    try {
      // The browser's own parser; Rust reads the value it makes. A byte order mark, which spreadsheet
      // tools on Windows often write, is not JSON but is tolerated.
      const json = text.replace(/^\uFEFF/, '');
      if (json.trim() === '') throw new SyntaxError('the dataset is empty');
      data = JSON.parse(json);
    } catch (error) {
      this.showDatasetError(`src: the dataset at ${JSON.stringify(source)} is not JSON (${error.message})`);
      return;
    }
    this.useData(data, reapply);
  }

  /** Validates and shows a dataset given as a JavaScript value; a refused one keeps the last. */
  useData(data, reapply = true) {
    try {
      this.explainer.use_dataset(data);
      this.datasetGeneration = (this.datasetGeneration ?? 0) + 1;
      this.clearAlert();
      if (reapply) for (const name of ['party', 'versus', 'folded']) this.applyAttribute(name, this.getAttribute(name));
    } catch (error) {
      this.showDatasetError(error.message);
    }
  }

  /**
   * The dataset as an object in the format of data/schema.json, set by the host page instead of `src`
   * (validated the same way); `null` goes back to `src`, or to the built-in dataset.
   */
  set data(value) {
    this.pendingData = value ?? null;
    // Before the handle is ready, start() takes it.
    if (!this.ready) return;
    // A dataset still being fetched for `src` must not replace this one when it arrives.
    this.datasetRequest = (this.datasetRequest ?? 0) + 1;
    const done = value == null ? this.loadDataset(this.getAttribute('src'), this.connection.signal) : Promise.resolve(this.useData(value));
    done.then(() => this.redraw());
  }

  get data() {
    return this.pendingData ?? null;
  }

  showDatasetError(message) {
    this.parts.alert.textContent = `${this.strings.DatasetErrorPrefix ?? 'This dataset could not be used:'} ${message}`;
    this.parts.alert.hidden = false;
    this.parts.stage.hidden = true;
    this.reportError(message);
  }

  clearAlert() {
    this.parts.alert.hidden = true;
    this.parts.alert.textContent = '';
    this.parts.stage.hidden = false;
  }

  reportError(message) {
    this.dispatchEvent(new CustomEvent('explainer:error', { bubbles: true, composed: true, detail: { message } }));
  }

  fail(error, fatal) {
    const message = error?.message ?? String(error);
    if (fatal) {
      // Without the wasm there are no Rust strings, so this one message lives here in three languages.
      const lang = this.getAttribute('lang') ?? pageLang(this);
      const intro = {
        ar: 'تعذّر تحميل الرسم التفاعلي؛ هذه نسخة ثابتة منه.',
        fr: 'Le graphique interactif n’a pas pu être chargé\u00a0; en voici une version fixe.',
        en: 'The interactive chart could not be loaded; here is a static version.',
      }[LANGS.includes(lang) ? lang : 'ar'];
      this.parts.alert.textContent = `${intro} (${message})`;
      this.parts.alert.hidden = false;
      this.parts.fallback.hidden = false;
      // No empty chart box under the fallback: everything that needs the wasm goes.
      this.parts.stage.hidden = true;
      this.parts.table.hidden = true;
      this.parts.card.hidden = true;
      this.parts.controls.hidden = true;
      this.parts.downloads.hidden = true;
    }
    this.reportError(message);
  }

  /**
   * A trap of the wasm (a Rust panic, whose message and place the panic hook has written to the console)
   * leaves the handle unusable: the element shows its static version with the alert, once.
   */
  stopIfTrapped(error) {
    if (!(error instanceof WebAssembly.RuntimeError)) return false;
    if (!this.trapped) {
      this.trapped = true;
      this.fail(new Error(`internal error: ${error.message}; the browser console says where`), true);
    }
    return true;
  }

  redrawOnResize() {
    if (this.resizeFrame) return;
    this.resizeFrame = requestAnimationFrame(() => {
      this.resizeFrame = 0;
      if ((this.parts.stage.clientWidth || this.clientWidth) !== this.drawnWidth) this.redraw();
    });
  }

  redraw() {
    if (!this.ready || !this.explainer || !this.isConnected) return;
    if (!this.parts.alert.hidden && this.parts.stage.hidden) return;
    const width = this.parts.stage.clientWidth || this.clientWidth;
    // Hidden (no width): remembered, so that showing the element again redraws what changed meanwhile.
    this.drawnWidth = width;
    if (width === 0) return;
    try {
      const height = this.explainer.render(this.context, width, window.devicePixelRatio || 1, this.shadowRoot.activeElement === this.parts.canvas);
      const canvas = this.parts.canvas;
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      this.placeHeaderBands(width, height);
      this.parts.fallback.hidden = true;
      if (this.renderFailed) {
        this.renderFailed = false;
        this.clearAlert();
      }
      const state = this.explainer.document('state');
      this.updateChrome(state, width);
      this.dispatchEvent(new CustomEvent('explainer:render', { bubbles: true, composed: true, detail: state }));
    } catch (error) {
      if (this.stopIfTrapped(error)) return;
      // A draw that fails leaves the last good chart and says why; the next good draw clears it.
      this.renderFailed = true;
      this.parts.alert.textContent = error.message;
      this.parts.alert.hidden = false;
      this.reportError(error.message);
    }
  }

  /**
   * The bands that name the columns (one per block of columns) are drawn again by Rust into canvases of their
   * own. Each sits in a box laid over its block of the chart (negative top margins take the boxes out of the
   * chart's way), at the top of it, over the same band of the chart: nothing changes until the reader scrolls
   * past a band, which then stays at the top of the screen (position: sticky) until its block ends.
   */
  placeHeaderBands(width, chartHeight) {
    const bands = this.explainer.header_bands();
    const count = bands.length / 2;
    this.headerBands ??= [];
    while (this.headerBands.length > count) this.headerBands.pop().block.remove();
    while (this.headerBands.length < count) {
      const canvas = element('canvas', { class: 'header-band', 'aria-hidden': 'true' });
      const block = element('div', { class: 'header-block' }, [canvas]);
      this.parts.tooltip.before(block);
      this.headerBands.push({ block, canvas, context: canvas.getContext('2d') });
    }
    let flow = chartHeight;
    this.headerBands.forEach(({ block, canvas, context }, index) => {
      const [top, bottom] = [bands[2 * index], bands[2 * index + 1]];
      const end = index + 1 < count ? bands[2 * index + 2] : chartHeight;
      this.explainer.render_header_band(context, index);
      Object.assign(block.style, { marginTop: `${top - flow}px`, height: `${end - top}px` });
      Object.assign(canvas.style, { width: `${width}px`, height: `${bottom - top}px` });
      flow = end;
    });
  }

  /**
   * Everything around the canvas that depends on state: pressed tabs, pickers, labels, table, direction.
   * Each part is rebuilt only when what it shows changed: a focus move redraws the canvas many times a
   * second, and rebuilding the table and pickers each time made the browser lay them out again.
   */
  updateChrome(state, width) {
    const strings = this.strings;
    const parts = this.parts;
    const datasetKey = `${state.lang}|${this.datasetGeneration ?? 0}`;
    if (this.textsKey !== state.lang) {
      this.textsKey = state.lang;
      parts.wrapper.lang = state.lang;
      parts.wrapper.dir = this.explainer.document('direction');
      if (!parts.langSelect.options.length) {
        parts.langSelect.replaceChildren(...this.explainer.document('languages').map((language) => element('option', { value: language.id, lang: language.id, text: language.label })));
      }
      parts.viewTabs.replaceChildren(...this.explainer.document('views').map((view) => element('button', { type: 'button', 'data-view': view.id, 'aria-pressed': 'false', text: view.label })));
      this.shownView = undefined;
      parts.viewTabs.setAttribute('aria-label', strings.ChoiceView ?? 'View');
      parts.partyLabel.firstChild.textContent = strings.ChoiceParty ?? 'Party';
      parts.versusLabel.firstChild.textContent = strings.ChoiceVersus ?? 'Compared with';
      parts.langLabel.firstChild.textContent = strings.ChoiceLanguage ?? 'Language';
      parts.tableToggle.textContent = parts.tableToggle.getAttribute('aria-pressed') === 'true' ? strings.HideTable : strings.ShowAsTable;
      parts.closeButton.textContent = strings.Close ?? 'Close';
      parts.readButton.textContent = strings.ReadInArticle ?? 'Read in the article';
      parts.downloads.setAttribute('aria-label', strings.Downloads);
      parts.downloads.replaceChildren(...this.explainer.document('downloads').map((format) => element('button', { type: 'button', 'data-format': format.id, text: format.label })));
    }
    if (this.partiesKey !== datasetKey) {
      this.partiesKey = datasetKey;
      const parties = this.explainer.document('parties');
      for (const select of [parts.partySelect, parts.versusSelect]) {
        select.replaceChildren(...parties.map((party) => element('option', { value: party.id, text: party.name })));
      }
    }
    for (const button of parts.viewTabs.children) button.setAttribute('aria-pressed', String(button.dataset.view === state.view));
    if (this.shownView !== state.view) {
      this.shownView = state.view;
      this.revealPressedView();
    }
    parts.partySelect.value = state.party ?? '';
    parts.versusSelect.value = state.versus ?? '';
    parts.langSelect.value = state.lang;
    parts.partyLabel.hidden = !['party', 'compare'].includes(state.view);
    parts.versusLabel.hidden = state.view !== 'compare';
    // The same pairs of views and parties that make the Rust side lay the scene out again.
    const pair = state.view === 'compare' ? `${state.party}|${state.versus}` : state.view === 'party' ? state.party : '';
    const sceneKey = `${datasetKey}|${state.view}|${pair}|${width}`;
    if (this.sceneKey !== sceneKey) {
      this.sceneKey = sceneKey;
      parts.canvas.setAttribute('aria-label', this.explainer.document('summary'));
      this.renderTable();
    }
  }

  renderTable() {
    const data = this.explainer.document('table');
    if (!data) return;
    const table = element('table', {}, [
      element('caption', { text: data.caption }),
      element('thead', {}, [element('tr', {}, data.header.map((cell) => element('th', { scope: 'col', text: cell })))]),
      element('tbody', {}, data.rows.map((row) => element('tr', {}, row.map((cell, column) => element(column === 0 ? 'th' : 'td', column === 0 ? { scope: 'row', text: cell } : { text: cell }))))),
    ]);
    this.parts.table.replaceChildren(table);
  }

  /**
   * On a phone the view buttons are one row that scrolls sideways: a view chosen from outside (an attribute, a
   * sentence of the article) must not leave its pressed button hidden. Only the row scrolls, never the page.
   */
  revealPressedView() {
    const row = this.parts.viewTabs;
    if (row.scrollWidth <= row.clientWidth) return;
    const pressed = row.querySelector('[aria-pressed="true"]');
    if (!pressed) return;
    const [rowBox, box] = [row.getBoundingClientRect(), pressed.getBoundingClientRect()];
    if (box.left < rowBox.left) row.scrollLeft -= rowBox.left - box.left;
    else if (box.right > rowBox.right) row.scrollLeft += box.right - rowBox.right;
  }

  markFromEvent(event) {
    const bounds = this.parts.canvas.getBoundingClientRect();
    // Half of the 44 px touch target that WCAG asks for, around marks drawn smaller than that.
    const reach = event.pointerType === 'touch' || this.lastPointerType === 'touch' ? 22 : 0;
    return this.explainer.mark_at(event.clientX - bounds.left, event.clientY - bounds.top, reach);
  }

  onPointerMove(event) {
    if (!this.explainer) return;
    const mark = this.markFromEvent(event);
    if (mark === this.hoveredMark) return;
    this.hoveredMark = mark;
    if (mark === undefined) {
      this.hideTooltip();
      return;
    }
    const info = this.explainer.mark(mark);
    const tooltip = this.parts.tooltip;
    const [x, y, width] = info.rect;
    // Read before the tooltip changes: reading a size after a DOM write forces a layout within the event.
    const stageWidth = this.parts.stage.clientWidth;
    tooltip.textContent = info.label;
    tooltip.hidden = false;
    // Placed by a transform from the stage's corner: its percentages are the tooltip's own size, so clamp()
    // keeps it inside the stage without reading its width back, centred above the mark where it fits. With
    // left set to the mark, it hung off a phone's screen near the edges, or was squeezed to a narrow column.
    const centre = x + width / 2;
    tooltip.style.transform = `translate(clamp(0px, calc(${centre}px - 50%), calc(${stageWidth}px - 100%)), calc(${Math.max(0, y - 8)}px - 100%))`;
  }

  hideTooltip() {
    this.hoveredMark = undefined;
    this.parts.tooltip.hidden = true;
  }

  onClick(event) {
    if (!this.explainer) return;
    const mark = this.markFromEvent(event);
    if (mark === undefined) return;
    this.explainer.set_focus(mark);
    this.select(mark);
  }

  onCanvasFocus() {
    if (!this.explainer) return;
    if (this.explainer.focused_mark() === undefined) this.explainer.move_focus('Home');
    this.redraw();
    this.announce(this.explainer.focused_mark());
  }

  onKeyDown(event) {
    if (!this.explainer) return;
    const key = event.key;
    if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(key)) {
      event.preventDefault();
      const mark = this.explainer.move_focus(key);
      this.redraw();
      this.announce(mark);
    } else if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      const mark = this.explainer.focused_mark();
      if (mark !== undefined) this.select(mark);
    } else if (key === 'Escape') {
      this.closeCard(false);
    }
  }

  announce(mark) {
    if (mark === undefined) return;
    const info = this.explainer.mark(mark);
    this.parts.live.textContent = info?.label ?? '';
  }

  select(mark) {
    const info = this.explainer.mark(mark);
    if (!info) return;
    if (info.fold) {
      this.toggleFold(info.fold);
      return;
    }
    this.explainer.set_selected(mark);
    this.redraw();
    this.openCard(info);
    this.dispatchEvent(new CustomEvent('explainer:select', {
      bubbles: true,
      composed: true,
      detail: { party: info.party, tactic: info.tactic, fact: info.fact },
    }));
  }

  /**
   * Folds or unfolds a category of the matrix through the `folded` attribute, so the page sees the state it
   * could set; the heading keeps the keyboard focus.
   */
  toggleFold(category) {
    const folded = new Set((this.getAttribute('folded') ?? '').split(/[\s,]+/).filter(Boolean));
    if (!folded.delete(category)) folded.add(category);
    if (folded.size) this.setAttribute('folded', [...folded].join(' '));
    else this.removeAttribute('folded');
    for (let index = 0; ; index += 1) {
      const info = this.explainer.mark(index);
      if (!info) break;
      if (info.fold === category) {
        this.explainer.set_focus(index);
        this.redraw();
        this.announce(index);
        break;
      }
    }
  }

  /** Selects the marks of a fact by id, e.g. when the reader picks its sentence in the article. */
  selectFact(factId) {
    if (!this.explainer) return false;
    let marks = this.explainer.marks_of_fact(factId);
    // A fact of a folded category has no mark until it is unfolded.
    if (marks.length === 0 && this.hasAttribute('folded')) {
      this.removeAttribute('folded');
      marks = this.explainer.marks_of_fact(factId);
    }
    if (marks.length === 0) return false;
    this.explainer.set_focus(marks[0]);
    this.select(marks[0]);
    return true;
  }

  openCard(info) {
    const parts = this.parts;
    parts.cardTitle.textContent = info.label;
    const strings = this.strings;
    parts.cardText.textContent = info.fact?.text ?? (info.party && info.tactic ? strings.SourceSaysNothing : '');
    parts.cardQuoteHeading.textContent = strings.QuoteHeading ?? '';
    parts.cardQuoteHeading.hidden = !info.fact;
    parts.cardQuote.textContent = info.fact ? `« ${info.fact.quote} »` : '';
    parts.cardQuote.hidden = !info.fact;
    parts.cardNote.textContent = info.fact?.note_line ?? '';
    parts.cardNote.hidden = !info.fact?.note;
    parts.readButton.hidden = !info.fact;
    parts.card.hidden = false;
    this.currentFact = info.fact;
    this.placeCard(info.rect);
    parts.live.textContent = [info.label, parts.cardText.textContent, info.fact?.quote].filter(Boolean).join('. ');
    // Focus moves into the card; Escape or Close brings it back to the mark.
    parts.card.focus({ preventScroll: true });
  }

  /**
   * Puts the card next to its mark and inside the screen: below the mark where it fits, else above it, else on
   * the roomier side with its own scroll; never over the mark. A mark out of view (selected from the article)
   * is brought into view first: the page moves to the mark, never away from it.
   */
  placeCard([x, y, width, height]) {
    const { card, stage } = this.parts;
    const gap = 8;
    Object.assign(card.style, { maxHeight: '', left: '0px', top: '0px' });
    const screenHeight = window.innerHeight;
    let stageBox = stage.getBoundingClientRect();
    if (stageBox.top + y < 0 || stageBox.top + y + height > screenHeight) {
      window.scrollBy({ top: stageBox.top + y + height / 2 - screenHeight / 2, behavior: 'instant' });
      stageBox = stage.getBoundingClientRect();
    }
    let cardHeight = card.offsetHeight;
    const room = () => {
      const markTop = stageBox.top + y;
      return { below: screenHeight - (markTop + height) - 2 * gap, above: markTop - 2 * gap };
    };
    let { below, above } = room();
    if (cardHeight > Math.max(below, above)) {
      // On a phone a card with a long quote fits on neither side: the page moves the mark up, just under the
      // column names kept at the top, to open the card below it.
      const header = Math.max(0, ...(this.headerBands ?? []).map(({ canvas }) => canvas.offsetHeight));
      window.scrollBy({ top: stageBox.top + y - header - 2 * gap, behavior: 'instant' });
      stageBox = stage.getBoundingClientRect();
      ({ below, above } = room());
    }
    let placeBelow = cardHeight <= below || (cardHeight > above && below >= above);
    if (cardHeight > (placeBelow ? below : above)) {
      card.style.maxHeight = `${Math.max(placeBelow ? below : above, 120)}px`;
      cardHeight = card.offsetHeight;
    }
    const top = placeBelow ? y + height + gap : y - gap - cardHeight;
    const cardWidth = card.offsetWidth;
    const left = Math.min(Math.max(gap, x + width / 2 - cardWidth / 2), Math.max(gap, stageBox.width - cardWidth - gap));
    Object.assign(card.style, { left: `${left}px`, top: `${top}px` });
  }

  closeCard(returnFocus) {
    this.parts.card.hidden = true;
    this.explainer?.set_selected(undefined);
    this.redraw();
    if (returnFocus) this.parts.canvas.focus({ preventScroll: true });
  }

  readInArticle() {
    if (!this.currentFact) return;
    this.dispatchEvent(new CustomEvent('explainer:read', {
      bubbles: true,
      composed: true,
      detail: { fact: this.currentFact, quote: this.currentFact.quote },
    }));
  }

  /** Saves the chart (PNG, or SVG drawn by the same Rust code) or the data (CSV, JSON) as a file. */
  async download(format) {
    if (!this.explainer) return;
    const state = this.explainer.document('state');
    const name = `campaign-2016-${state.view}-${state.lang}.${format}`;
    let blob;
    if (format === 'png') blob = await new Promise((resolve) => this.parts.canvas.toBlob(resolve, 'image/png'));
    else {
      // The whole dataset is in every language: the built-in one's French and English texts first
      // (a custom dataset has its own).
      if (format === 'json' && !this.hasAttribute('src') && !(await this.ensureTexts('fr') && await this.ensureTexts('en'))) return;
      if (!this.explainer) return;
      const types = { svg: 'image/svg+xml', csv: 'text/csv;charset=utf-8', json: 'application/json' };
      try {
        const exported = this.explainer.export(format);
        blob = new Blob([format === 'json' ? JSON.stringify(exported, null, 2) : exported], { type: types[format] });
      } catch (error) {
        this.reportError(error.message);
        return;
      }
    }
    if (!blob) return;
    const link = element('a', { href: URL.createObjectURL(blob), download: name });
    this.shadowRoot.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  /** The current chart as an SVG document, drawn by the same Rust code as the canvas. */
  toSVG() {
    return this.explainer ? this.explainer.export('svg') : null;
  }
}

if (!customElements.get('campaign-explainer')) {
  customElements.define('campaign-explainer', CampaignExplainer);
}
