// What the reader's pointer, touch and keys do on the chart's canvas: hovering a mark names it in the tooltip,
// a click or tap selects it, arrow keys move the focus from mark to mark (in reading order, mirrored in Arabic,
// as Rust orders them), Enter or Space selects, Escape closes the card.

const KEYS_THAT_MOVE = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];
// Half of the 44 px touch target that WCAG asks for, around marks drawn smaller than that.
const TOUCH_REACH = 22;

export class PointerAndKeys {
  #canvas;
  #tooltip;
  #stage;
  #actions;
  #hoveredMark;
  #lastPointerType;

  /**
   * `actions`: `explainer()` (the handle, null while stopped), `redraw()`, `select(mark)`, `announce(mark)`,
   * `closeCard()`. The tooltip is placed inside `stage`.
   */
  constructor(canvas, tooltip, stage, actions) {
    this.#canvas = canvas;
    this.#tooltip = tooltip;
    this.#stage = stage;
    this.#actions = actions;
    canvas.addEventListener('pointerdown', (event) => { this.#lastPointerType = event.pointerType; });
    canvas.addEventListener('pointermove', (event) => this.#onPointerMove(event));
    canvas.addEventListener('pointerleave', () => this.forgetHover());
    canvas.addEventListener('click', (event) => this.#onClick(event));
    canvas.addEventListener('keydown', (event) => this.#onKeyDown(event));
    canvas.addEventListener('focus', () => this.#onFocus());
    canvas.addEventListener('blur', () => actions.redraw());
  }

  /** Hides the tooltip; the next pointer move over a mark shows it again. */
  forgetHover() {
    this.#hoveredMark = undefined;
    this.#tooltip.hide();
  }

  #markFromEvent(explainer, event) {
    const bounds = this.#canvas.getBoundingClientRect();
    const reach = event.pointerType === 'touch' || this.#lastPointerType === 'touch' ? TOUCH_REACH : 0;
    return explainer.mark_at(event.clientX - bounds.left, event.clientY - bounds.top, reach);
  }

  #onPointerMove(event) {
    const explainer = this.#actions.explainer();
    if (!explainer) return;
    const mark = this.#markFromEvent(explainer, event);
    if (mark === this.#hoveredMark) return;
    if (mark === undefined) {
      this.forgetHover();
      return;
    }
    this.#hoveredMark = mark;
    const info = explainer.mark(mark);
    // Read before the tooltip changes: reading a size after a DOM write forces a layout within the event.
    const stageWidth = this.#stage.clientWidth;
    this.#tooltip.show(info.label, info.rect, stageWidth);
  }

  #onClick(event) {
    const explainer = this.#actions.explainer();
    if (!explainer) return;
    const mark = this.#markFromEvent(explainer, event);
    if (mark === undefined) return;
    explainer.set_focus(mark);
    this.#actions.select(mark);
  }

  #onFocus() {
    const explainer = this.#actions.explainer();
    if (!explainer) return;
    if (explainer.focused_mark() === undefined) explainer.move_focus('Home');
    this.#actions.redraw();
    this.#actions.announce(explainer.focused_mark());
  }

  #onKeyDown(event) {
    const explainer = this.#actions.explainer();
    if (!explainer) return;
    const key = event.key;
    if (KEYS_THAT_MOVE.includes(key)) {
      event.preventDefault();
      const mark = explainer.move_focus(key);
      this.#actions.redraw();
      this.#actions.announce(mark);
    } else if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      const mark = explainer.focused_mark();
      if (mark !== undefined) this.#actions.select(mark);
    } else if (key === 'Escape') {
      this.#actions.closeCard();
    }
  }
}
