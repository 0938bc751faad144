// User Timing marks of the first element's first draw on a page (`campaign-explainer:start`, `…:wasm-ready`,
// `…:dataset-ready` and the measure `…:first-render`), for a newsroom's performance tools and `npm run bench`,
// which reads them to say where the milliseconds of the first draw go. Only the first of each is kept: a page
// with many elements or a reader's hundredth redraw adds nothing to the timeline.
const PREFIX = 'campaign-explainer:';

export function markOnce(name) {
  if (typeof performance?.mark !== 'function' || performance.getEntriesByName(PREFIX + name).length) return;
  performance.mark(PREFIX + name);
}

/** Times `work` as the measure `name` the first time, and just runs it afterwards. */
export function measureOnce(name, work) {
  if (typeof performance?.measure !== 'function' || performance.getEntriesByName(PREFIX + name, 'measure').length) return work();
  const start = performance.now();
  const result = work();
  performance.measure(PREFIX + name, { start, end: performance.now() });
  return result;
}
