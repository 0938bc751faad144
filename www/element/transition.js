// Transitions between two states of the chart (a story's steps): Rust draws each frame between the scene shown and
// the new one, for 250 ms; under prefers-reduced-motion there is none, and the new state is drawn at once.
const DURATION_MS = 250;

/** Whether the reader asked for less motion (checked at each change: a setting can change while the page is open). */
export function reducedMotion() {
  return Boolean(window.matchMedia?.('(prefers-reduced-motion: reduce)').matches);
}

// Eases out: most of the move early, so the chart settles under the reader's eye rather than arriving late.
const easeOut = (progress) => 1 - (1 - progress) ** 3;

export class Transition {
  #frame = 0;

  /** Calls `drawFrame(progress)` once a frame until the time is up, then `finish()`; a new run cancels this one. */
  run(drawFrame, finish) {
    this.cancel();
    let start = null;
    const step = (now) => {
      start ??= now;
      const progress = (now - start) / DURATION_MS;
      if (progress >= 1) {
        this.#frame = 0;
        finish();
        return;
      }
      this.#frame = requestAnimationFrame(step);
      // A frame that cannot be drawn ends the transition: the new state is drawn as it is.
      if (!drawFrame(easeOut(progress))) {
        cancelAnimationFrame(this.#frame);
        this.#frame = 0;
        finish();
      }
    };
    this.#frame = requestAnimationFrame(step);
  }

  /** Stops a running transition; whether one was running. */
  cancel() {
    if (!this.#frame) return false;
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    return true;
  }
}
