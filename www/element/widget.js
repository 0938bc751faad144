// The interactive widget behind a <campaign-explainer>, in the chunk the loader imports when the element
// starts. All data, layout and drawing happen in Rust behind one Explainer handle; this is the page-facing
// side around its canvas: the start sequence, attributes, datasets, pointer and keyboard, redraws.
import { Card } from './card.js';
import { Controls } from './controls.js';
import { fetchDataset } from './dataset.js';
import { adoptStyles, dispatch, element, pageLang, reportError } from './dom.js';
import { Downloads } from './downloads.js';
import { HeaderBands } from './header-bands.js';
import { holdHeight } from './height-hold.js';
import { Story } from './story.js';
import { reducedMotion, Transition } from './transition.js';
import { PointerAndKeys } from './pointer-keys.js';
import { DataTable } from './table.js';
import { fetchTexts, hasTextsFile } from './texts.js';
import { Tooltip } from './tooltip.js';
import { markOnce, measureOnce } from './timing.js';
import { Explainer, loadWasm, maxDatasetBytes } from './wasm.js';
import styles from './widget.css';

export { liveHandles, loadWasm } from './wasm.js';

const THEMES = ['light', 'dark', 'auto'];
// Attributes whose values depend on the dataset: applied again when another dataset comes in.
const DATASET_ATTRIBUTES = ['party', 'versus', 'folded', 'fact'];

export class Widget {
  #host;
  // The loader's part of the shadow root: the wrapper, the alert and the page's fallback content.
  #skeleton;
  // Shows the static version with an alert: what the loader does when the widget cannot go on.
  #fail;
  #explainer = null;
  // The widget's words in the current language, from Rust.
  #strings = {};
  #canvas = element('canvas', { role: 'img', tabindex: '0', 'aria-describedby': 'live' });
  #context = null;
  #tooltip = new Tooltip();
  #card;
  // The card opens over the chart, next to its mark; after the chart's canvas come the header bands' boxes.
  #stage;
  #headerBands;
  #pointerAndKeys;
  #table = new DataTable();
  #controls;
  #downloads;
  #live = element('div', { class: 'visually-hidden', id: 'live', 'aria-live': 'polite' });
  #signal = null;
  #ready = false;
  // Every request below is numbered, so that a slow answer never overwrites a later one.
  #datasetRequest = 0;
  #langRequest = 0;
  #datasetGeneration = 0;
  #darkQuery = null;
  #resizeObserver = null;
  #resizeFrame = 0;
  #drawnWidth;
  #releaseHeight = null;
  // The element's content width as its ResizeObserver last reported it (0 before): a redraw reads it here
  // rather than from clientWidth, which after an attribute change forced a layout of the whole page first.
  #observedWidth = 0;
  #renderFailed = false;
  #trapped = false;
  // What the parts around the canvas show, so that a redraw (many a second while focus moves) rebuilds only
  // what changed: rebuilding the table and the pickers each time made the browser lay them out again.
  #shownLang;
  #shownParties;
  #shownScene;
  // Story mode (the `story` attribute): the page's steps set the attributes; while a step's are set, the draws
  // wait (`#holdingRedraws`), so the step is one change, and its draw is announced once.
  #story;
  #holdingRedraws = false;
  #announceStep = false;
  // Numbers the steps, so that a step still waiting for its language's texts never overtakes a later one.
  #stepRequest = 0;
  // A step's change drawn as frames between the two states; its end draws the new state, as #redraw does.
  #transition = new Transition();

  /** `skeleton`: `{ wrapper, alert, fallback }` of the loader's shadow root; `fail(error)`: the loader's way out. */
  constructor(host, skeleton, fail) {
    this.#host = host;
    this.#skeleton = skeleton;
    this.#fail = fail;
    adoptStyles(host.shadowRoot, styles);
    this.#card = new Card({
      onClose: () => this.#closeCard(true),
      onRead: (fact) => dispatch(host, 'explainer:read', { fact, quote: fact.quote }),
    });
    this.#stage = element('div', { class: 'stage' }, [this.#canvas, this.#tooltip.node, this.#card.node]);
    this.#headerBands = new HeaderBands(this.#tooltip.node);
    // A control sets the attribute, so the page sees the same state it could set.
    this.#controls = new Controls((name, value) => host.setAttribute(name, value), this.#table.toggle);
    this.#downloads = new Downloads({
      explainer: () => this.#explainer,
      canvas: this.#canvas,
      // The JSON holds the whole dataset in every language: the built-in one's French and English texts first
      // (a custom dataset has its own).
      allTexts: async () => host.hasAttribute('src') || (await this.#ensureTexts('fr') && await this.#ensureTexts('en')),
      reportError: (message) => reportError(host, message),
      shadow: host.shadowRoot,
    });
    this.#story = new Story(host, (attributes) => this.#showStep(attributes));
    skeleton.alert.before(this.#controls.node);
    skeleton.fallback.after(this.#stage, this.#downloads.node, this.#table.node, this.#live);

    this.#pointerAndKeys = new PointerAndKeys(this.#canvas, this.#tooltip, this.#stage, {
      explainer: () => this.#explainer,
      redraw: () => this.#redraw(),
      select: (mark) => this.#select(mark),
      announce: (mark) => this.#announce(mark),
      closeCard: () => this.#closeCard(false),
    });
    skeleton.wrapper.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.#card.isOpen) {
        event.stopPropagation();
        this.#closeCard(true);
      }
    });
  }

  /** The Rust handle (null while stopped): the tests and the screenshot script ask it where marks are. */
  get explainer() {
    return this.#explainer;
  }

  /**
   * The one ready step: a new handle gets every attribute as it is once the wasm and the reader's texts are
   * there, so an attribute changed meanwhile is in the first draw and the first explainer:render. Everything
   * started here ends with `signal` (the element's connection) or in stop().
   */
  async start(signal) {
    const host = this.#host;
    const lang = () => host.getAttribute('lang') ?? pageLang(host);
    // A dataset at `src` is requested together with the wasm rather than once the wasm is there: one round trip
    // and one download less before the first draw of a newsroom's own dataset on a slow link.
    let early = host.data ? null : { source: host.getAttribute('src'), result: null };
    if (early?.source) early.result = fetchDataset(early.source, signal, loadWasm().then(() => maxDatasetBytes()));
    await loadWasm();
    if (signal.aborted) return;
    this.#signal = signal;
    this.#context ??= this.#canvas.getContext('2d');
    if (!this.#context) throw new Error('this browser cannot draw on a canvas');
    this.#explainer = new Explainer();
    this.#langRequest += 1;
    // Until the language asked for when the last file arrived is the one set.
    for (let wanted = lang(); ; wanted = lang()) {
      if (this.#needsTexts(wanted)) await this.#addTexts(wanted);
      if (signal.aborted) return;
      if (wanted === lang()) break;
    }
    for (let source = host.getAttribute('src'); ; source = host.getAttribute('src')) {
      const data = host.data;
      if (data) this.#useData(data, false);
      else if (source !== null) {
        // Used once: a `src` changed meanwhile and back is requested again, as it would be after the start.
        const requested = source === early?.source ? early.result : null;
        early = null;
        await this.#loadDataset(source, signal, false, requested);
      }
      if (signal.aborted) return;
      if (source === host.getAttribute('src') && data === host.data) break;
    }
    markOnce('dataset-ready');
    // No await from here on: nothing can change between these and the first draw.
    this.#darkQuery = window.matchMedia?.('(prefers-color-scheme: dark)');
    this.#darkQuery?.addEventListener?.('change', () => this.#applyTheme() && this.#redraw(), { signal });
    // A tap or click anywhere but the open card closes it (one on a mark then opens that mark's).
    document.addEventListener('pointerdown', (event) => {
      if (this.#card.isOpen && !event.composedPath().includes(this.#card.node)) this.#closeCard(false);
    }, { signal });
    this.#setLang(lang());
    this.#applyTheme();
    for (const name of ['view', ...DATASET_ATTRIBUTES]) this.#applyAttribute(name, host.getAttribute(name));
    this.#ready = true;
    // A width change redraws in the next frame, not in the observer's callback: a draw changes the
    // element's height, and a size change inside the callback makes every engine report a "ResizeObserver
    // loop" error to the page's error handlers. A height change alone is the element's own draw.
    this.#resizeObserver = new ResizeObserver((entries) => {
      this.#observedWidth = Math.round(entries[entries.length - 1].contentRect.width);
      this.#redrawOnResize();
    });
    this.#resizeObserver.observe(host);
    this.#watchPixelRatio(signal);
    this.#redraw();
    if (host.hasAttribute('story')) this.#story.start(signal);
  }

  /** The element left the page: the handle is freed now rather than when the garbage collector gets to it. */
  stop() {
    this.#ready = false;
    this.#releaseHeight?.();
    this.#story.stop();
    this.#transition.cancel();
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
    cancelAnimationFrame(this.#resizeFrame);
    this.#resizeFrame = 0;
    this.#explainer?.free();
    this.#explainer = null;
    this.#pointerAndKeys.forgetHover();
    this.#shownLang = this.#shownParties = this.#shownScene = undefined;
  }

  /** A removed attribute (`value` null) goes back to the contract's default (`lang`: the page's language). */
  attributeChanged(name, oldValue, value) {
    // Before the handle is ready, start() reads every attribute as it then is.
    if (!this.#ready || oldValue === value) return;
    if (name === 'story') {
      if (value === null) this.#story.stop();
      else this.#story.start(this.#signal);
      return;
    }
    if (name === 'src') {
      this.#loadDataset(value, this.#signal).then(() => this.#redraw());
      return;
    }
    if (name === 'theme') {
      if (this.#applyTheme()) this.#redraw();
      return;
    }
    if (name === 'lang') {
      // Synchronous when the texts are there, as the other attributes are, so errors keep their order.
      const lang = value ?? pageLang(this.#host);
      if (!this.#needsTexts(lang)) {
        if (this.#setLang(lang)) this.#redraw();
      } else this.#changeLang(lang).then((changed) => changed && this.#redraw());
      return;
    }
    if (this.#applyAttribute(name, value)) this.#redraw();
  }

  /** The page set the element's `data` (null: back to `src`, or to the built-in dataset). */
  setData(value) {
    // Before the handle is ready, start() takes it.
    if (!this.#ready) return;
    // A dataset still being fetched for `src` must not replace this one when it arrives.
    this.#datasetRequest += 1;
    const done = value == null ? this.#loadDataset(this.#host.getAttribute('src'), this.#signal) : Promise.resolve(this.#useData(value));
    done.then(() => this.#redraw());
  }

  /** Selects the marks of a fact by id, e.g. when the reader picks its sentence in the article. */
  selectFact(factId) {
    if (!this.#explainer) return false;
    let marks = this.#explainer.marks_of_fact(factId);
    // A fact of a folded category has no mark until it is unfolded.
    if (marks.length === 0 && this.#host.hasAttribute('folded')) {
      this.#host.removeAttribute('folded');
      marks = this.#explainer.marks_of_fact(factId);
    }
    if (marks.length === 0) return false;
    this.#explainer.set_focus(marks[0]);
    this.#select(marks[0]);
    return true;
  }

  /** The current chart as an SVG document, drawn by the same Rust code as the canvas. */
  toSVG() {
    return this.#explainer ? this.#explainer.export('svg') : null;
  }

  /**
   * Sets the language, at once when its texts are there; the French or English texts file is fetched the
   * first time (even with a custom dataset: the widget's own words are in it). Resolves to whether it was
   * set: a later change overtakes one still waiting, and texts that cannot be had keep the last language
   * and fire explainer:error.
   */
  async #changeLang(lang) {
    if (!this.#needsTexts(lang)) return this.#setLang(lang);
    const request = ++this.#langRequest;
    if (!(await this.#addTexts(lang)) || request !== this.#langRequest || !this.#explainer) return false;
    return this.#setLang(lang);
  }

  #setLang(lang) {
    this.#langRequest += 1;
    return this.#applyAttribute('lang', lang);
  }

  /** Whether `lang` has a texts file that the handle has not been given yet. */
  #needsTexts(lang) {
    return hasTextsFile(lang) && Boolean(this.#explainer) && !this.#explainer.document('texts').includes(lang);
  }

  async #ensureTexts(lang) {
    return !this.#needsTexts(lang) || this.#addTexts(lang);
  }

  async #addTexts(lang) {
    let texts;
    try {
      texts = await fetchTexts(lang);
    } catch (error) {
      reportError(this.#host, `lang: the texts in ${lang} could not be loaded (${error.message})`);
      return false;
    }
    if (!this.#explainer) return false;
    try {
      this.#explainer.add_texts(lang, texts);
      return true;
    } catch (error) {
      reportError(this.#host, error.message);
      return false;
    }
  }

  #applyAttribute(name, value) {
    try {
      this.#explainer.set(name, value ?? undefined);
      if (name === 'lang') this.#strings = this.#explainer.document('ui');
      return true;
    } catch (error) {
      if (this.#stopIfTrapped(error)) return false;
      // The contract: a rejected attribute keeps the last valid state and fires explainer:error.
      reportError(this.#host, error.message);
      return false;
    }
  }

  #applyTheme() {
    const theme = this.#host.getAttribute('theme') ?? 'auto';
    if (!THEMES.includes(theme)) {
      reportError(this.#host, `theme: unknown theme ${JSON.stringify(theme)}, expected light, dark or auto`);
      return false;
    }
    const dark = theme === 'dark' || (theme === 'auto' && Boolean(this.#darkQuery?.matches));
    this.#skeleton.wrapper.dataset.theme = dark ? 'dark' : 'light';
    this.#explainer?.set_dark(dark);
    return true;
  }

  #watchPixelRatio(signal) {
    // A matchMedia on the current ratio fires once when the window moves to another screen or zooms.
    const query = window.matchMedia?.(`(resolution: ${window.devicePixelRatio}dppx)`);
    query?.addEventListener?.('change', () => {
      this.#redraw();
      this.#watchPixelRatio(signal);
    }, { once: true, signal });
  }

  /**
   * Fetches and shows the dataset at `source`, or the built-in one for none. `signal` is the connection's:
   * an element removed meanwhile drops the request. `reapply` re-applies the attributes that depend on the
   * dataset (start() applies every attribute itself); `requested`, the fetch of `source` that start() began with
   * the wasm's, if there is one.
   */
  async #loadDataset(source, signal, reapply = true, requested = null) {
    const request = ++this.#datasetRequest;
    if (source === null || source === '') {
      // Back on the built-in dataset, which has the texts of the reader's language: its file was
      // added before the language was set, whatever the dataset.
      this.#explainer.use_dataset(null);
      this.#datasetGeneration += 1;
      this.#clearAlert();
      if (reapply) this.#reapplyDatasetAttributes();
      return;
    }
    const result = await (requested ?? fetchDataset(source, signal, maxDatasetBytes()));
    if (!result || request !== this.#datasetRequest) return;
    if (result.error) this.#showDatasetError(result.error);
    else this.#useData(result.data, reapply);
  }

  /** Validates and shows a dataset given as a JavaScript value; a refused one keeps the last. */
  #useData(data, reapply = true) {
    try {
      this.#explainer.use_dataset(data);
      this.#datasetGeneration += 1;
      this.#clearAlert();
      if (reapply) this.#reapplyDatasetAttributes();
    } catch (error) {
      this.#showDatasetError(error.message);
    }
  }

  #reapplyDatasetAttributes() {
    for (const name of DATASET_ATTRIBUTES) this.#applyAttribute(name, this.#host.getAttribute(name));
  }

  #showDatasetError(message) {
    const { alert } = this.#skeleton;
    alert.textContent = `${this.#strings.DatasetErrorPrefix ?? 'This dataset could not be used:'} ${message}`;
    alert.hidden = false;
    this.#stage.hidden = true;
    this.#skeleton.wrapper.setAttribute('data-drawn', '');
    reportError(this.#host, message);
  }

  #clearAlert() {
    const { alert } = this.#skeleton;
    alert.hidden = true;
    alert.textContent = '';
    this.#stage.hidden = false;
  }

  /**
   * A trap of the wasm (a Rust panic, whose message and place the panic hook has written to the console)
   * leaves the handle unusable: the element shows its static version with the alert, once.
   */
  #stopIfTrapped(error) {
    if (!(error instanceof WebAssembly.RuntimeError)) return false;
    if (!this.#trapped) {
      this.#trapped = true;
      this.#fail(new Error(`internal error: ${error.message}; the browser console says where`));
    }
    return true;
  }

  #width() {
    return this.#observedWidth || this.#stage.clientWidth || this.#host.clientWidth;
  }

  #redrawOnResize() {
    if (this.#resizeFrame) return;
    this.#resizeFrame = requestAnimationFrame(() => {
      this.#resizeFrame = 0;
      if (this.#width() !== this.#drawnWidth) this.#redraw();
    });
  }

  #redraw() {
    const host = this.#host;
    if (this.#holdingRedraws || !this.#ready || !this.#explainer || !host.isConnected) return;
    // Anything else redrawing (a hover, a resize) ends a running transition at its new state.
    if (this.#transition.cancel()) this.#explainer.end_transition();
    const { alert, fallback } = this.#skeleton;
    if (!alert.hidden && this.#stage.hidden) return;
    const width = this.#width();
    // Hidden (no width): remembered, so that showing the element again redraws what changed meanwhile.
    this.#drawnWidth = width;
    if (width === 0) return;
    try {
      const height = measureOnce('first-render', () => this.#explainer.render(this.#context, width, window.devicePixelRatio || 1, host.shadowRoot.activeElement === this.#canvas));
      this.#canvas.style.width = `${width}px`;
      this.#canvas.style.height = `${height}px`;
      this.#headerBands.place(this.#explainer, width, height);
      // The first draw keeps the static picture's height while the article under it is in view; later draws let go.
      const pictureHeight = fallback.hidden ? 0 : host.getBoundingClientRect().height;
      this.#releaseHeight?.();
      fallback.hidden = true;
      this.#skeleton.wrapper.setAttribute('data-drawn', '');
      this.#releaseHeight = holdHeight(host, this.#skeleton.wrapper, pictureHeight);
      if (this.#renderFailed) {
        this.#renderFailed = false;
        this.#clearAlert();
      }
      const state = this.#explainer.document('state');
      this.#updateChrome(state, width);
      if (this.#announceStep) {
        this.#announceStep = false;
        this.#live.textContent = this.#stepDescription();
      }
      dispatch(host, 'explainer:render', state);
    } catch (error) {
      if (this.#stopIfTrapped(error)) return;
      // A draw that fails leaves the last good chart and says why; the next good draw clears it.
      this.#renderFailed = true;
      alert.textContent = error.message;
      alert.hidden = false;
      reportError(host, error.message);
    }
  }

  /** Everything around the canvas that depends on state: words, pickers, pressed buttons, table, direction. */
  #updateChrome(state, width) {
    const explainer = this.#explainer;
    const datasetKey = `${state.lang}|${this.#datasetGeneration}`;
    if (this.#shownLang !== state.lang) {
      this.#shownLang = state.lang;
      const { wrapper } = this.#skeleton;
      wrapper.lang = state.lang;
      wrapper.dir = explainer.document('direction');
      this.#controls.setLanguage(explainer, this.#strings);
      this.#table.setStrings(this.#strings);
      this.#card.setStrings(this.#strings);
      this.#downloads.setFormats(explainer.document('downloads'), this.#strings.Downloads);
    }
    if (this.#shownParties !== datasetKey) {
      this.#shownParties = datasetKey;
      this.#controls.setParties(explainer.document('parties'));
    }
    this.#controls.show(state, width);
    // The same pairs of views and parties that make the Rust side lay the scene out again.
    const pair = state.view === 'compare' ? `${state.party}|${state.versus}` : state.view === 'party' ? state.party : '';
    const sceneKey = `${datasetKey}|${state.view}|${pair}|${width}`;
    if (this.#shownScene !== sceneKey) {
      this.#shownScene = sceneKey;
      this.#canvas.setAttribute('aria-label', explainer.document('summary'));
      this.#table.render(explainer.document('table'));
    }
  }

  /**
   * A step of the story came to the middle of the screen: its attributes are set as the host could set them (the
   * page sees the same state), the card the reader opened closes, and the chart is drawn once.
   */
  async #showStep(attributes) {
    const host = this.#host;
    // A step in French or English waits for that language's texts, so the step is still one change.
    const step = ++this.#stepRequest;
    if (attributes.lang && this.#needsTexts(attributes.lang)) {
      await this.#addTexts(attributes.lang);
      if (step !== this.#stepRequest || !this.#explainer) return;
    }
    if (this.#card.isOpen) {
      this.#card.close();
      this.#explainer?.set_selected(undefined);
    }
    const explainer = this.#explainer;
    // Moves and fades from the chart shown now, unless the reader asked for less motion or nothing is drawn yet.
    const animate = Boolean(explainer) && this.#skeleton.fallback.hidden && this.#drawnWidth > 0 && !reducedMotion();
    if (this.#transition.cancel()) explainer?.end_transition();
    if (animate) explainer.begin_transition();
    this.#holdingRedraws = true;
    try {
      for (const [name, value] of Object.entries(attributes)) {
        if (value === null) host.removeAttribute(name);
        else if (host.getAttribute(name) !== value) host.setAttribute(name, value);
      }
    } finally {
      this.#holdingRedraws = false;
    }
    this.#announceStep = true;
    if (!animate) {
      this.#redraw();
      return;
    }
    this.#transition.run((progress) => this.#drawTransitionFrame(progress), () => {
      explainer.end_transition();
      this.#redraw();
    });
  }

  /** One frame of a step's transition; false when it cannot be drawn (the new state is then drawn as it is). */
  #drawTransitionFrame(progress) {
    const width = this.#width();
    if (!this.#explainer || width === 0 || !this.#host.isConnected) return false;
    try {
      const height = this.#explainer.render_transition(this.#context, width, window.devicePixelRatio || 1, progress);
      this.#canvas.style.width = `${width}px`;
      this.#canvas.style.height = `${height}px`;
      return true;
    } catch (error) {
      this.#stopIfTrapped(error);
      return false;
    }
  }

  /** What a screen reader hears when a step changes the chart: the view's caption, and the fact in focus. */
  #stepDescription() {
    const explainer = this.#explainer;
    const caption = explainer.document('table')?.caption ?? '';
    const fact = this.#host.getAttribute('fact');
    const marks = fact ? explainer.marks_of_fact(fact) : [];
    const label = marks.length ? explainer.mark(marks[0])?.label : '';
    return label ? `${caption}. ${label}` : caption;
  }

  #announce(mark) {
    if (mark === undefined) return;
    const info = this.#explainer.mark(mark);
    this.#live.textContent = info?.label ?? '';
  }

  #select(mark) {
    const info = this.#explainer.mark(mark);
    if (!info) return;
    if (info.fold) {
      this.#toggleFold(info.fold);
      return;
    }
    this.#explainer.set_selected(mark);
    this.#redraw();
    this.#live.textContent = this.#card.open(info, this.#strings, this.#stage, () => this.#headerBands.height());
    this.#card.focus();
    dispatch(this.#host, 'explainer:select', { party: info.party, tactic: info.tactic, fact: info.fact });
  }

  /**
   * Folds or unfolds a category of the matrix through the `folded` attribute, so the page sees the state it
   * could set; the heading keeps the keyboard focus.
   */
  #toggleFold(category) {
    const host = this.#host;
    const folded = new Set((host.getAttribute('folded') ?? '').split(/[\s,]+/).filter(Boolean));
    if (!folded.delete(category)) folded.add(category);
    if (folded.size) host.setAttribute('folded', [...folded].join(' '));
    else host.removeAttribute('folded');
    for (let index = 0; ; index += 1) {
      const info = this.#explainer.mark(index);
      if (!info) break;
      if (info.fold === category) {
        this.#explainer.set_focus(index);
        this.#redraw();
        this.#announce(index);
        break;
      }
    }
  }

  #closeCard(returnFocus) {
    this.#card.close();
    this.#explainer?.set_selected(undefined);
    this.#redraw();
    if (returnFocus) this.#canvas.focus({ preventScroll: true });
  }
}
