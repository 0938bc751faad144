// The wasm loader: one wasm instance per page, shared by every element (each has its own Explainer handle).
// The loader script starts the wasm's request before this chunk has arrived and hands its response over, so
// the module compiles while it downloads instead of waiting for this code.
import { markOnce } from './timing.js';
import initialise, { Explainer, live_handles as countHandles, max_dataset_bytes as maxDatasetBytes } from '../../pkg/campaign_explainer.js';

export { Explainer, maxDatasetBytes };

let ready = null;

/**
 * Instantiates the wasm from `response` (a promise of the fetch of its URL) the first time; later calls share
 * it. Without one, the glue fetches the wasm beside itself.
 */
export function loadWasm(response) {
  ready ??= initialise({ module_or_path: response }).then((exports) => {
    markOnce('wasm-ready');
    return exports;
  });
  return ready;
}

/** How many Rust handles this page holds, once the wasm is there. */
export async function liveHandles() {
  await ready;
  return countHandles();
}
