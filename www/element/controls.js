// The row of controls above the chart: the view buttons, the party, versus and language pickers, and the
// table's toggle. A control changes the element's attribute, so the page sees the state it could set itself.
import { element } from './dom.js';

/** A labelled select that sets the attribute it names. */
function picker(attribute) {
  const name = element('span', { class: 'picker-name' });
  const select = element('select', { 'data-attribute': attribute });
  return { label: element('label', { class: 'picker' }, [name, select]), name, select };
}

// The width below which widget.css makes the view buttons one row that scrolls sideways.
const NARROW_WIDTH = 480;

export class Controls {
  // Filled with the views Rust lists, in the reader's language, at the first draw.
  #viewTabs = element('div', { class: 'views', role: 'group' });
  #party = picker('party');
  #versus = picker('versus');
  // Its options, each language named in itself, come from Rust with the first draw.
  #lang = picker('lang');
  #node;
  #shownView;
  #revealFrame = 0;

  /** `setAttribute(name, value)` is called when the reader uses a control; `tableToggle` joins the row. */
  constructor(setAttribute, tableToggle) {
    this.#node = element('div', { class: 'controls' }, [this.#viewTabs, this.#party.label, this.#versus.label, this.#lang.label, tableToggle]);
    this.#viewTabs.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-view]');
      if (button) setAttribute('view', button.dataset.view);
    });
    for (const { select } of [this.#party, this.#versus, this.#lang]) {
      select.addEventListener('change', () => setAttribute(select.dataset.attribute, select.value));
    }
  }

  get node() {
    return this.#node;
  }

  /** Words of a new language: the view buttons (from the handle's `views`), the pickers' names, the languages. */
  setLanguage(explainer, strings) {
    if (!this.#lang.select.options.length) {
      this.#lang.select.replaceChildren(...explainer.document('languages').map((language) => element('option', { value: language.id, lang: language.id, text: language.label })));
    }
    this.#viewTabs.replaceChildren(...explainer.document('views').map((view) => element('button', { type: 'button', 'data-view': view.id, 'aria-pressed': 'false', text: view.label })));
    this.#shownView = undefined;
    this.#viewTabs.setAttribute('aria-label', strings.ChoiceView ?? 'View');
    this.#party.name.textContent = strings.ChoiceParty ?? 'Party';
    this.#versus.name.textContent = strings.ChoiceVersus ?? 'Compared with';
    this.#lang.name.textContent = strings.ChoiceLanguage ?? 'Language';
  }

  /** The parties of a new dataset, in the reader's language. */
  setParties(parties) {
    for (const { select } of [this.#party, this.#versus]) {
      select.replaceChildren(...parties.map((party) => element('option', { value: party.id, text: party.name })));
    }
  }

  /**
   * Shows the handle's `state`: the pressed view, the pickers' values, and only the pickers the view uses.
   * `width`: the element's, in CSS pixels.
   */
  show(state, width) {
    for (const button of this.#viewTabs.children) button.setAttribute('aria-pressed', String(button.dataset.view === state.view));
    if (this.#shownView !== state.view) {
      this.#shownView = state.view;
      // Wider than the container query of widget.css, the buttons wrap and are all in view: nothing to measure.
      // Narrower, in the next frame, when the widget's other changes are made: measuring the row now would lay
      // the page out once for this and once more for the frame (a language switch on a slow phone paid tens of ms).
      if (width <= NARROW_WIDTH) {
        cancelAnimationFrame(this.#revealFrame);
        this.#revealFrame = requestAnimationFrame(() => this.#revealPressedView());
      }
    }
    this.#showPickers(state);
  }

  #showPickers(state) {
    this.#party.select.value = state.party ?? '';
    this.#versus.select.value = state.versus ?? '';
    this.#lang.select.value = state.lang;
    this.#party.label.hidden = !['party', 'compare'].includes(state.view);
    this.#versus.label.hidden = state.view !== 'compare';
  }

  /**
   * On a phone the view buttons are one row that scrolls sideways: a view chosen from outside (an attribute, a
   * sentence of the article) must not leave its pressed button hidden. Only the row scrolls, never the page.
   */
  #revealPressedView() {
    const row = this.#viewTabs;
    if (row.scrollWidth <= row.clientWidth) return;
    const pressed = row.querySelector('[aria-pressed="true"]');
    if (!pressed) return;
    const [rowBox, box] = [row.getBoundingClientRect(), pressed.getBoundingClientRect()];
    if (box.left < rowBox.left) row.scrollLeft -= rowBox.left - box.left;
    else if (box.right > rowBox.right) row.scrollLeft += box.right - rowBox.right;
  }
}
