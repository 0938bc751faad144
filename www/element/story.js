// Story mode: the page's steps (elements with data-explainer-step) set the element's attributes as the reader
// scrolls past them, so the article leads the chart. It only watches where the steps are: it never scrolls.
import { reportError } from './dom.js';

// What a step can give; where it gives none, the host's own value from before the story is shown again, so a
// step shows the same chart whichever way the reader came to it. `lang` is the exception: a step without
// data-lang keeps the language the reader chose with the switch.
const STEP_ATTRIBUTES = ['view', 'party', 'versus', 'fact'];

export class Story {
  #host;
  // Called with the new step's attributes (name → value or null) to apply them as one change.
  #apply;
  #observer = null;
  #visible = new Set();
  #current = null;
  #base = null;

  constructor(host, apply) {
    this.#host = host;
    this.#apply = apply;
  }

  /** Starts following the steps of the document, or of the element the `story` attribute names (`#id`). */
  start(signal) {
    this.stop();
    const host = this.#host;
    const scope = host.getAttribute('story');
    let root = document;
    if (scope) {
      try {
        root = document.querySelector(scope);
      } catch {
        root = null;
      }
      if (!root) {
        reportError(host, `story: no element of the page matches ${JSON.stringify(scope)}`);
        return;
      }
    }
    const steps = root.querySelectorAll('[data-explainer-step]');
    this.#base = Object.fromEntries(STEP_ATTRIBUTES.map((name) => [name, host.getAttribute(name)]));
    // A band across the middle fifth of the viewport: a step inside it is a candidate, and the nearest to the
    // middle line wins. Between two steps (none in the band) the last one stays, so the chart never blinks back.
    this.#observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) this.#visible.add(entry.target);
        else this.#visible.delete(entry.target);
      }
      this.#choose();
    }, { rootMargin: '-40% 0px -40% 0px', threshold: [0, 0.25, 0.5, 0.75, 1] });
    for (const step of steps) this.#observer.observe(step);
    signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  stop() {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#visible.clear();
    this.#current = null;
  }

  #choose() {
    const middle = innerHeight / 2;
    let nearest = null;
    let nearestDistance = Infinity;
    for (const step of this.#visible) {
      const { top, bottom } = step.getBoundingClientRect();
      const distance = top <= middle && bottom >= middle ? 0 : Math.min(Math.abs(top - middle), Math.abs(bottom - middle));
      if (distance < nearestDistance) {
        nearest = step;
        nearestDistance = distance;
      }
    }
    // One change per crossing: the same step coming back into the band changes nothing.
    if (!nearest || nearest === this.#current) return;
    this.#current = nearest;
    const attributes = {};
    for (const name of STEP_ATTRIBUTES) attributes[name] = nearest.getAttribute(`data-${name}`) ?? this.#base[name];
    if (nearest.hasAttribute('data-lang')) attributes.lang = nearest.getAttribute('data-lang');
    this.#apply(attributes);
  }
}
