// The data table equivalent to the current view, for screen readers and for readers who ask to see it:
// visually hidden until its toggle button (which sits among the controls) is pressed.
import { element } from './dom.js';

export class DataTable {
  #container = element('div', { class: 'table visually-hidden' });
  #toggle = element('button', { type: 'button', class: 'table-toggle', 'aria-pressed': 'false' });
  #strings = {};

  constructor() {
    this.#toggle.addEventListener('click', () => {
      this.#toggle.setAttribute('aria-pressed', String(!this.#shown));
      this.#container.classList.toggle('visually-hidden', !this.#shown);
      this.#labelToggle();
    });
  }

  get node() {
    return this.#container;
  }

  get toggle() {
    return this.#toggle;
  }

  get #shown() {
    return this.#toggle.getAttribute('aria-pressed') === 'true';
  }

  #labelToggle() {
    this.#toggle.textContent = this.#shown ? this.#strings.HideTable : this.#strings.ShowAsTable;
  }

  /** The widget's words in the reader's language (from Rust). */
  setStrings(strings) {
    this.#strings = strings;
    this.#labelToggle();
  }

  /** `data` is the handle's `table` document: a caption, a header row and rows whose first cell names the row. */
  render(data) {
    if (!data) return;
    const cell = (text, column) => element(column === 0 ? 'th' : 'td', column === 0 ? { scope: 'row', text } : { text });
    this.#container.replaceChildren(element('table', {}, [
      element('caption', { text: data.caption }),
      element('thead', {}, [element('tr', {}, data.header.map((text) => element('th', { scope: 'col', text })))]),
      element('tbody', {}, data.rows.map((row) => element('tr', {}, row.map(cell)))),
    ]));
  }
}
