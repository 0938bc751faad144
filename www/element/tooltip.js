// The tooltip that names the mark under the pointer, above the mark and inside the chart's stage.
import { element } from './dom.js';

export class Tooltip {
  #node = element('div', { class: 'tooltip', hidden: '', 'aria-hidden': 'true' });

  get node() {
    return this.#node;
  }

  /** `stageWidth` is read by the caller before the tooltip changes: a size read after a DOM write forces a layout. */
  show(label, [x, y, width], stageWidth) {
    this.#node.textContent = label;
    this.#node.hidden = false;
    // Placed by a transform from the stage's corner: its percentages are the tooltip's own size, so clamp()
    // keeps it inside the stage without reading its width back, centred above the mark where it fits. With
    // left set to the mark, it hung off a phone's screen near the edges, or was squeezed to a narrow column.
    const centre = x + width / 2;
    this.#node.style.transform = `translate(clamp(0px, calc(${centre}px - 50%), calc(${stageWidth}px - 100%)), calc(${Math.max(0, y - 8)}px - 100%))`;
  }

  hide() {
    this.#node.hidden = true;
  }
}
