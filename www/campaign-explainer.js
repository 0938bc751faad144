// <campaign-explainer>, the one script a page includes: it defines the element and decides when it starts.
// Its interactive part (controls, chart, card, downloads and the wasm) is a separate chunk that only an element
// about to be seen downloads, so a reader who stops before the widget pays for this file alone.
import baseStyles from './element/base.css';
import { adoptStyles, element, LANGS, pageLang, reportError } from './element/dom.js';
import { fetchTexts, hasTextsFile } from './element/texts.js';
import { markOnce } from './element/timing.js';

const LOADINGS = ['lazy', 'eager'];
// Emitted by webpack beside this script, with a hashed name: known here, its request need not wait for the chunk.
const WASM_URL = new URL('../pkg/campaign_explainer_bg.wasm', import.meta.url);

let interactive = null;

/**
 * The widget's chunk and the wasm, requested together (the wasm, the larger, would otherwise wait for the chunk
 * to arrive and ask for it); once per page, shared by every element. The chunk compiles the wasm as it streams.
 */
function loadInteractive() {
  if (!interactive) {
    const wasm = fetch(WASM_URL, { credentials: 'same-origin' });
    // The chunk reports a failed wasm request; if the chunk itself fails, that is the error the element shows.
    wasm.catch(() => {});
    interactive = import(/* webpackChunkName: "campaign-explainer-widget" */ './element/widget.js').then((module) => {
      module.loadWasm(wasm);
      return module;
    });
  }
  return interactive;
}

// Without the wasm there are no Rust strings, so this one message lives here in the three languages.
const CANNOT_LOAD = {
  ar: 'تعذّر تحميل الرسم التفاعلي؛ هذه نسخة ثابتة منه.',
  fr: 'Le graphique interactif n’a pas pu être chargé\u00a0; en voici une version fixe.',
  en: 'The interactive chart could not be loaded; here is a static version.',
};

export class CampaignExplainer extends HTMLElement {
  static get observedAttributes() {
    return ['view', 'lang', 'party', 'versus', 'theme', 'src', 'folded', 'loading', 'fact', 'story'];
  }

  #wrapper = element('div', { class: 'explainer', part: 'explainer' });
  #alert = element('div', { class: 'alert', role: 'alert', hidden: '' });
  // The page's own content of the element (e.g. the build's static SVG) shows until the first draw, and
  // stays, under the alert, if the interactive part cannot load.
  #fallback = element('div', { class: 'fallback' }, [element('slot')]);
  // The interactive part, from the first start on; it stays across a move, only its Rust handle is renewed.
  #widget = null;
  // `data` set by the page, which wins over `src` until `src` changes.
  #data = null;
  #visibility = null;
  #connection = null;
  #started = false;

  constructor() {
    super();
    // `data` set on the element before this script defined it is an own property hiding the setter.
    if (Object.prototype.hasOwnProperty.call(this, 'data')) {
      const data = this.data;
      delete this.data;
      this.#data = data ?? null;
    }
    const shadow = this.attachShadow({ mode: 'open', delegatesFocus: false });
    adoptStyles(shadow, baseStyles);
    this.#wrapper.append(this.#alert, this.#fallback);
    shadow.append(this.#wrapper);
  }

  /**
   * Everything started here stops in disconnectedCallback: a news app that swaps articles leaves nothing
   * behind, and moving the element (a disconnect, then a connect) starts it again where it now is.
   */
  connectedCallback() {
    this.#connection = new AbortController();
    const signal = this.#connection.signal;
    const start = () => {
      this.#visibility?.disconnect();
      this.#visibility = null;
      if (this.#started || signal.aborted) return;
      this.#started = true;
      this.#start(signal).catch((error) => {
        if (!signal.aborted) this.#fail(error);
      });
    };
    this.#started = false;
    const loading = this.getAttribute('loading') ?? 'lazy';
    if (!LOADINGS.includes(loading)) reportError(this, `loading: unknown value ${JSON.stringify(loading)}, expected lazy or eager`);
    // By default nothing more is downloaded until the element comes within a screen of the viewport: a reader
    // who stops before it pays for none of its chunk and wasm; `loading="eager"` starts at once, as <img> and
    // <iframe> do.
    if (loading === 'eager' || typeof IntersectionObserver !== 'function' || this.#nearTheViewport()) {
      start();
      return;
    }
    this.#visibility = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) start();
    }, { rootMargin: '100% 0px' });
    this.#visibility.observe(this);
  }

  /**
   * Already within a screen of the viewport (e.g. at the top of the page): started now rather than in the
   * observer's first callback, which comes a rendered frame later, on a slow phone tens of milliseconds.
   */
  #nearTheViewport() {
    if (this.getClientRects().length === 0) return false;
    const bounds = this.getBoundingClientRect();
    return bounds.bottom >= -innerHeight && bounds.top <= 2 * innerHeight;
  }

  disconnectedCallback() {
    this.#visibility?.disconnect();
    this.#visibility = null;
    this.#connection?.abort();
    this.#connection = null;
    this.#widget?.stop();
  }

  attributeChangedCallback(name, oldValue, value) {
    // Turned to eager while waiting to come into view: start now.
    if (name === 'loading') {
      if (value === 'eager' && this.#visibility) {
        this.disconnectedCallback();
        if (this.isConnected) this.connectedCallback();
      }
      return;
    }
    if (name === 'src') this.#data = null;
    this.#widget?.attributeChanged(name, oldValue, value);
  }

  async #start(signal) {
    markOnce('start');
    const lang = this.getAttribute('lang') ?? pageLang(this);
    // Requested with the wasm, not after it, so a French or English page waits for both at once.
    if (hasTextsFile(lang)) fetchTexts(lang).catch(() => {});
    const { Widget } = await loadInteractive();
    if (signal.aborted) return;
    this.#widget ??= new Widget(this, { wrapper: this.#wrapper, alert: this.#alert, fallback: this.#fallback }, (error) => this.#fail(error));
    await this.#widget.start(signal);
  }

  /** The static version with an alert in the element's language, when the interactive part cannot go on. */
  #fail(error) {
    const message = error?.message ?? String(error);
    const lang = this.getAttribute('lang') ?? pageLang(this);
    this.#alert.textContent = `${CANNOT_LOAD[LANGS.includes(lang) ? lang : 'ar']} (${message})`;
    this.#alert.hidden = false;
    this.#fallback.hidden = false;
    // No empty chart box under the fallback: everything that needs the wasm goes.
    for (const part of this.#wrapper.children) {
      if (part !== this.#alert && part !== this.#fallback) part.hidden = true;
    }
    reportError(this, message);
  }

  /**
   * The dataset as an object in the format of data/schema.json, set by the host page instead of `src`
   * (validated the same way); `null` goes back to `src`, or to the built-in dataset.
   */
  set data(value) {
    this.#data = value ?? null;
    this.#widget?.setData(value);
  }

  get data() {
    return this.#data;
  }

  /** The Rust handle once the element has started (null before, and once removed). */
  get explainer() {
    return this.#widget?.explainer ?? null;
  }

  /** Selects the marks of a fact by id, e.g. when the reader picks its sentence in the article. */
  selectFact(factId) {
    return this.#widget?.selectFact(factId) ?? false;
  }

  /** The current chart as an SVG document, drawn by the same Rust code as the canvas. */
  toSVG() {
    return this.#widget?.toSVG() ?? null;
  }

  /** How many Rust handles this page holds: one per element on the page, none once they are removed. */
  static async liveHandles() {
    const { liveHandles } = await loadInteractive();
    return liveHandles();
  }
}

if (!customElements.get('campaign-explainer')) {
  customElements.define('campaign-explainer', CampaignExplainer);
}
