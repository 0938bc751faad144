// The embed codes the builder gives: the element's two tags, and the pym.js iframe pointing at embed.html with the same
// settings (EMBED-CONTRACT.md: the iframe's query parameters are named like the element's attributes).

const ATTRIBUTES = ['src', 'view', 'lang', 'party', 'versus', 'theme'];

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (character) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[character]};`);

/** The folder as a path ending with one slash, so that file names can be put after it. */
export function folderPath(folder) {
  const trimmed = String(folder).trim();
  if (trimmed === '') return './';
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/** `settings`: { src, view, lang, party, versus, theme }; `folder`: where dist/ is hosted. */
export function elementCode(folder, settings) {
  const attributes = ATTRIBUTES.filter((name) => settings[name]).map((name) => ` ${name}="${escapeHtml(settings[name])}"`).join('');
  return `<script type="module" src="${escapeHtml(folderPath(folder))}campaign-explainer.js"></script>
<campaign-explainer${attributes}></campaign-explainer>
`;
}

/** The address of embed.html with the settings as its query parameters. */
export function iframeAddress(folder, settings) {
  const parameters = new URLSearchParams();
  for (const name of ATTRIBUTES) if (settings[name]) parameters.set(name, settings[name]);
  return `${folderPath(folder)}embed.html?${parameters}`;
}

/**
 * The pym.js parent, as README's "Embedding in a newsroom page" shows it. The address is written as a JSON string, with
 * `<` escaped so that no value can close the script element.
 */
export function iframeCode(folder, settings) {
  const literal = (text) => JSON.stringify(text).replace(/</g, '\\u003c');
  const id = 'campaign-explainer';
  return `<div id="${id}"></div>
<script src="https://pym.nprapps.org/pym.v1.min.js"></script>
<script>new pym.Parent(${literal(id)}, ${literal(iframeAddress(folder, settings))}, {});</script>
`;
}
