// A mark's card: the fact in the reader's language and the verbatim Arabic quote, opened over the chart next
// to its mark and inside the screen, with "read in the article" and Close.
import { element } from './dom.js';

const GAP = 8;

export class Card {
  #title = element('h3', { class: 'card-title', id: 'card-title' });
  #text = element('p', { class: 'card-text' });
  #quoteHeading = element('p', { class: 'card-label' });
  #quote = element('blockquote', { class: 'card-quote', lang: 'ar', dir: 'rtl' });
  #note = element('p', { class: 'card-note' });
  #readButton = element('button', { type: 'button', class: 'card-read' });
  #closeButton = element('button', { type: 'button', class: 'card-close' });
  #node = element('div', { class: 'card', role: 'region', tabindex: '-1', hidden: '', 'aria-labelledby': 'card-title' }, [
    this.#title, this.#text, this.#quoteHeading, this.#quote, this.#note, element('div', { class: 'card-actions' }, [this.#readButton, this.#closeButton]),
  ]);
  #fact = null;

  /** `onClose()` when the reader presses Close; `onRead(fact)` when they press "read in the article". */
  constructor({ onClose, onRead }) {
    this.#closeButton.addEventListener('click', () => onClose());
    this.#readButton.addEventListener('click', () => this.#fact && onRead(this.#fact));
  }

  get node() {
    return this.#node;
  }

  get isOpen() {
    return !this.#node.hidden;
  }

  setStrings(strings) {
    this.#closeButton.textContent = strings.Close ?? 'Close';
    this.#readButton.textContent = strings.ReadInArticle ?? 'Read in the article';
  }

  /**
   * Fills the card with a mark's details (the handle's `mark` document) and shows it beside `info.rect`.
   * Returns what a screen reader should hear; then focus() moves the reader into it. `headerHeight()` is the
   * height kept at the top of the screen by the column names, which the card must not slide under.
   */
  open(info, strings, stage, headerHeight) {
    const fact = info.fact;
    this.#title.textContent = info.label;
    this.#text.textContent = fact?.text ?? (info.party && info.tactic ? strings.SourceSaysNothing : '');
    this.#quoteHeading.textContent = strings.QuoteHeading ?? '';
    this.#quoteHeading.hidden = !fact;
    this.#quote.textContent = fact ? `« ${fact.quote} »` : '';
    this.#quote.hidden = !fact;
    this.#note.textContent = fact?.note_line ?? '';
    this.#note.hidden = !fact?.note;
    this.#readButton.hidden = !fact;
    this.#node.hidden = false;
    this.#fact = fact;
    this.#place(info.rect, stage, headerHeight);
    return [info.label, this.#text.textContent, fact?.quote].filter(Boolean).join('. ');
  }

  // Escape or Close brings the focus back to the mark.
  focus() {
    this.#node.focus({ preventScroll: true });
  }

  close() {
    this.#node.hidden = true;
  }

  /**
   * Below the mark where it fits, else above it, else on the roomier side with its own scroll; never over the
   * mark. A mark out of view (selected from the article) is brought into view first: the page moves to the mark,
   * never away from it.
   */
  #place([x, y, width, height], stage, headerHeight) {
    const card = this.#node;
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
      return { below: screenHeight - (markTop + height) - 2 * GAP, above: markTop - 2 * GAP };
    };
    let { below, above } = room();
    if (cardHeight > Math.max(below, above)) {
      // On a phone a card with a long quote fits on neither side: the page moves the mark up, just under the
      // column names kept at the top, to open the card below it.
      window.scrollBy({ top: stageBox.top + y - headerHeight() - 2 * GAP, behavior: 'instant' });
      stageBox = stage.getBoundingClientRect();
      ({ below, above } = room());
    }
    const placeBelow = cardHeight <= below || (cardHeight > above && below >= above);
    if (cardHeight > (placeBelow ? below : above)) {
      card.style.maxHeight = `${Math.max(placeBelow ? below : above, 120)}px`;
      cardHeight = card.offsetHeight;
    }
    const top = placeBelow ? y + height + GAP : y - GAP - cardHeight;
    const cardWidth = card.offsetWidth;
    const left = Math.min(Math.max(GAP, x + width / 2 - cardWidth / 2), Math.max(GAP, stageBox.width - cardWidth - GAP));
    Object.assign(card.style, { left: `${left}px`, top: `${top}px` });
  }
}
