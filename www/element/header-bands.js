// The bands that name the chart's columns (one per block of columns), drawn again by Rust into canvases of
// their own, so that over a chart taller than the screen the column names stay at the top of it.
import { element } from './dom.js';

export class HeaderBands {
  #bands = [];
  #before;

  /** The bands' boxes go into the stage just before `before` (after the chart's canvas). */
  constructor(before) {
    this.#before = before;
  }

  /**
   * Each band sits in a box laid over its block of the chart (negative top margins take the boxes out of the
   * chart's way), at the top of it, over the same band of the chart: nothing changes until the reader scrolls
   * past a band, which then stays at the top of the screen (position: sticky) until its block ends.
   */
  place(explainer, width, chartHeight) {
    const edges = explainer.header_bands();
    const count = edges.length / 2;
    while (this.#bands.length > count) this.#bands.pop().block.remove();
    while (this.#bands.length < count) {
      const canvas = element('canvas', { class: 'header-band', 'aria-hidden': 'true' });
      const block = element('div', { class: 'header-block' }, [canvas]);
      this.#before.before(block);
      this.#bands.push({ block, canvas, context: canvas.getContext('2d') });
    }
    let flow = chartHeight;
    this.#bands.forEach(({ block, canvas, context }, index) => {
      const [top, bottom] = [edges[2 * index], edges[2 * index + 1]];
      const end = index + 1 < count ? edges[2 * index + 2] : chartHeight;
      explainer.render_header_band(context, index);
      Object.assign(block.style, { marginTop: `${top - flow}px`, height: `${end - top}px` });
      Object.assign(canvas.style, { width: `${width}px`, height: `${bottom - top}px` });
      flow = end;
    });
  }

  /** The height the column names take at the top of the screen. */
  height() {
    return Math.max(0, ...this.#bands.map(({ canvas }) => canvas.offsetHeight));
  }
}
