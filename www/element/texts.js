// The French and English texts files: the widget's words and the built-in dataset's texts in those languages.
// The wasm carries only the Arabic, the article's own language, so most of its readers never download these
// (8 KB gzip). Part of the loader, which asks for a reader's file together with the wasm.

const TEXTS = {
  fr: new URL('../../target/static/texts-fr.json', import.meta.url),
  en: new URL('../../target/static/texts-en.json', import.meta.url),
};

/** Whether `lang` has its texts in a file rather than in the wasm. */
export function hasTextsFile(lang) {
  return Object.prototype.hasOwnProperty.call(TEXTS, lang);
}

// One request per language per page, shared by every element; a failed one is tried again next time.
const requests = new Map();

export function fetchTexts(lang) {
  if (!requests.has(lang)) {
    const request = fetch(TEXTS[lang], { credentials: 'same-origin' }).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    });
    request.catch(() => requests.delete(lang));
    requests.set(lang, request);
  }
  return requests.get(lang);
}
