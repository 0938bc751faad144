// The download buttons: the chart as PNG or SVG (the same Rust drawing code, SVG backend), the data as CSV or
// JSON, saved as a file named after the view and the language.
import { element } from './dom.js';

const TYPES = { svg: 'image/svg+xml', csv: 'text/csv;charset=utf-8', json: 'application/json' };

export class Downloads {
  #node = element('div', { class: 'downloads', role: 'group' });
  #source;

  /**
   * `source` gives what a file is made of: `explainer()` (the handle, null once the element is removed),
   * `canvas`, `allTexts()` (resolves to whether the built-in dataset's every language could be added: the
   * JSON holds them all), `reportError(message)`, and `shadow` (where the link that saves the file is clicked).
   */
  constructor(source) {
    this.#source = source;
    this.#node.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-format]');
      if (button) this.#save(button.dataset.format);
    });
  }

  get node() {
    return this.#node;
  }

  /** One button per format the handle lists, labelled in the reader's language. */
  setFormats(formats, label) {
    this.#node.setAttribute('aria-label', label);
    this.#node.replaceChildren(...formats.map((format) => element('button', { type: 'button', 'data-format': format.id, text: format.label })));
  }

  async #save(format) {
    const { explainer, canvas, allTexts, reportError, shadow } = this.#source;
    if (!explainer()) return;
    const state = explainer().document('state');
    const name = `campaign-2016-${state.view}-${state.lang}.${format}`;
    let blob;
    if (format === 'png') blob = await new Promise((resolve) => shownPart(canvas).toBlob(resolve, 'image/png'));
    else {
      if (format === 'json' && !(await allTexts())) return;
      if (!explainer()) return;
      try {
        const exported = explainer().export(format);
        blob = new Blob([format === 'json' ? JSON.stringify(exported, null, 2) : exported], { type: TYPES[format] });
      } catch (error) {
        reportError(error.message);
        return;
      }
    }
    if (!blob) return;
    const link = element('a', { href: URL.createObjectURL(blob), download: name });
    shadow.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }
}

/** The part of the canvas that shows (its backing store can be taller: widget.css), as a canvas of its own. */
function shownPart(canvas) {
  const height = Math.round((canvas.width * canvas.clientHeight) / Math.max(1, canvas.clientWidth));
  if (!canvas.clientWidth || height >= canvas.height) return canvas;
  const part = element('canvas', { width: String(canvas.width), height: String(height) });
  part.getContext('2d').drawImage(canvas, 0, 0);
  return part;
}
