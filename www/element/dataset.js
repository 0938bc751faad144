// Reading a dataset from a URL (the `src` attribute) into a JavaScript value for the handle to validate: a time
// limit, a size limit, and errors worded for the page, each naming the URL.

const TIMEOUT_MS = 15000;

/**
 * Resolves to `{ data }`, or `{ error }` with the message the element shows and reports, or to null if
 * `signal` (the element's connection) aborted meanwhile. `limit` is the largest dataset the handle accepts, or a
 * promise of it: an element that starts requests its dataset together with the wasm, which knows the limit.
 */
export async function fetchDataset(source, signal, limit) {
  const named = JSON.stringify(source);
  const url = new URL(source, document.baseURI).href;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  const stop = () => controller.abort();
  signal.addEventListener('abort', stop);
  let text;
  try {
    const response = await fetch(url, { signal: controller.signal, credentials: 'same-origin' });
    if (!response.ok) throw new Error(`src: the dataset at ${named} could not be loaded (HTTP ${response.status})`);
    limit = await limit;
    const declared = Number(response.headers.get('Content-Length') ?? 0);
    const tooLarge = () => new Error(`src: the dataset at ${named} is larger than the ${limit} bytes allowed`);
    if (declared > limit) throw tooLarge();
    text = await response.text();
    if (text.length > limit) throw tooLarge();
  } catch (error) {
    if (signal.aborted) return null;
    const message = error.name === 'AbortError'
      ? `src: the dataset at ${named} did not answer within ${TIMEOUT_MS / 1000} s`
      : error.message.startsWith('src:') ? error.message : `src: the dataset at ${named} could not be loaded (${error.message})`;
    return { error: message };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
  if (signal.aborted) return null;
  try {
    // The browser's own parser; Rust reads the value it makes. A byte order mark, which spreadsheet tools on
    // Windows often write, is not JSON but is tolerated.
    const json = text.replace(/^\uFEFF/, '');
    if (json.trim() === '') throw new SyntaxError('the dataset is empty');
    return { data: JSON.parse(json) };
  } catch (error) {
    return { error: `src: the dataset at ${named} is not JSON (${error.message})` };
  }
}
