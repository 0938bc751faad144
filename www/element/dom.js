// DOM helpers shared by the loader and the widget's modules: building nodes, styling a shadow root, the
// page's language, the element's events.

/** Builds a node; `text` sets its text content (never markup: dataset texts are not trusted). */
export function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

const sheets = new Map();

/**
 * Adds stylesheets (as text) to a shadow root, each constructed once per page. Constructed stylesheets are not
 * inline styles, so a strict style-src allows them.
 */
export function adoptStyles(shadow, ...texts) {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const adopted = texts.map((text) => {
      if (!sheets.has(text)) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        sheets.set(text, sheet);
      }
      return sheets.get(text);
    });
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, ...adopted];
  } else {
    // Engines older than constructable stylesheets (Safari < 16.4): style elements, which only a strict
    // style-src would block there.
    shadow.append(...texts.map((text) => element('style', { text })));
  }
}

// Known before the wasm is, to fetch a page's texts file together with it and to word a failure to load it.
export const LANGS = ['ar', 'fr', 'en'];

/** The language of the nearest `lang` around the element when the widget speaks it, else Arabic. */
export function pageLang(host) {
  const tagged = host.parentElement?.closest('[lang]') ?? document.documentElement;
  const primary = (tagged?.getAttribute('lang') || '').toLowerCase().split('-')[0];
  return LANGS.includes(primary) ? primary : 'ar';
}

/** The contract's events bubble out of the shadow root to the page. */
export function dispatch(host, type, detail) {
  host.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
}

export function reportError(host, message) {
  dispatch(host, 'explainer:error', { message });
}
