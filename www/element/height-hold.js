// Keeps the element as tall as the static picture it replaced, after its first draw, for as long as letting it
// shrink would move what the reader sees: the article under it (a layout shift, as the Layout Instability API counts
// one). The picture the embed code gives is at least as tall as the drawn element at the reader's width.

/** Where the wrapper's content ends without the hold: its last laid-out child and its padding. */
function naturalBottom(wrapper) {
  let bottom = wrapper.getBoundingClientRect().top;
  for (const child of wrapper.children) {
    // The tooltip, the card and the visually hidden table and live region take no room.
    if (getComputedStyle(child).position === 'absolute') continue;
    const bounds = child.getBoundingClientRect();
    if (bounds.height > 0) bottom = Math.max(bottom, bounds.bottom);
  }
  return bottom + parseFloat(getComputedStyle(wrapper).paddingBottom || '0');
}

/**
 * Holds `wrapper` at `height` CSS px and returns the release. It lets go by itself once nothing under the element is
 * in view when it shrinks (its own end below the bottom of the screen, now or after a scroll), and at the reader's
 * first pointer or key input in it (a shift within 500 ms of input is the reader's doing, not counted).
 */
export function holdHeight(host, wrapper, height) {
  if (!(height > 0)) return () => {};
  wrapper.style.boxSizing = 'border-box';
  wrapper.style.minHeight = `${height}px`;
  const release = () => {
    wrapper.style.minHeight = '';
    removeEventListener('scroll', releaseOutOfView);
    host.removeEventListener('pointerdown', release);
    host.removeEventListener('keydown', release);
  };
  function releaseOutOfView() {
    if (naturalBottom(wrapper) >= innerHeight) release();
  }
  addEventListener('scroll', releaseOutOfView, { passive: true });
  host.addEventListener('pointerdown', release);
  host.addEventListener('keydown', release);
  releaseOutOfView();
  return release;
}
