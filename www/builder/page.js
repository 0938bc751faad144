// The newsroom builder's page (builder.html): reads the files a journalist picks with the builder's wasm (the same Rust
// as the command line), lists every problem by file, row and column, or previews the real <campaign-explainer> with
// the dataset and gives the embed codes and the dataset as JSON. Nothing is sent anywhere: the files are read here.
import initialise, { check_files as checkFiles, max_file_bytes as maxFileBytes } from '../../pkg-builder/campaign_explainer_builder.js';
import { elementCode, folderPath, iframeCode } from './embed-code.js';
import { BUILDER_LANGS, format, TEXTS } from './texts.js';

const byId = (id) => document.getElementById(id);
const VIEWS = ['matrix', 'party', 'compare', 'camps', 'timeline'];
const THEMES = ['auto', 'light', 'dark'];

const checker = initialise().then(() => true, (error) => {
  console.error('campaign-explainer builder: the wasm could not be loaded', error);
  return false;
});

const state = {
  lang: initialLanguage(),
  // What the last choice of files gave (the wasm's result), with the files too large to be read.
  checked: null,
  tooLarge: [],
  reading: false,
  failure: null,
  dataset: null,
  downloadUrl: null,
};

function initialLanguage() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (BUILDER_LANGS.includes(asked)) return asked;
  const page = (document.documentElement.lang || '').split('-')[0];
  return BUILDER_LANGS.includes(page) ? page : 'ar';
}

const words = () => TEXTS[state.lang];

function applyLanguage() {
  const texts = words();
  document.documentElement.lang = state.lang;
  document.documentElement.dir = state.lang === 'ar' ? 'rtl' : 'ltr';
  document.title = texts.documentTitle;
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = texts[node.dataset.text];
  byId('page-language').value = state.lang;
  for (const option of byId('view').options) option.textContent = texts.views[option.value];
  for (const option of byId('theme').options) option.textContent = texts.themes[option.value];
  fillParties();
  showResult();
}

// ---- reading the files ----

// Each choice of files is numbered: a slow read of an earlier choice must not replace the result of a later one.
let latestChoice = 0;

async function readFiles(fileList) {
  const files = [...fileList];
  if (files.length === 0) return;
  const choice = ++latestChoice;
  Object.assign(state, { reading: true, failure: null });
  showResult();
  try {
    if (!(await checker)) {
      if (choice !== latestChoice) return;
      Object.assign(state, { checked: null, failure: words().loadFailed, reading: false });
      showResult();
      return;
    }
    // A file larger than the wasm reads is refused here, before it is copied into wasm memory.
    const largest = maxFileBytes();
    const readable = files.filter((file) => file.size <= largest);
    const contents = await Promise.all(readable.map(async (file) => new Uint8Array(await file.arrayBuffer())));
    if (choice !== latestChoice) return;
    state.tooLarge = files.filter((file) => file.size > largest).map((file) => file.name);
    state.checked = readable.length > 0 || state.tooLarge.length === 0
      ? checkFiles(readable.map((file) => file.name), contents)
      : { source: 'sheets', json: null, counts: null, errors: [], warnings: [] };
    state.failure = null;
  } catch (error) {
    if (choice !== latestChoice) return;
    Object.assign(state, { checked: null, failure: format(words().readFailed, { message: error?.message ?? String(error) }) });
  }
  state.reading = false;
  useDataset(state.checked?.json && state.tooLarge.length === 0 ? JSON.parse(state.checked.json) : null);
  showResult();
}

function showResult() {
  const texts = words();
  const { checked, tooLarge } = state;
  const status = byId('status');
  const errors = [...tooLarge.map((file) => ({ file, row: null, column: null, path: null, message: format(texts.tooLarge, { max: maxFileBytes() }) })), ...(checked?.errors ?? [])];
  if (state.reading) status.textContent = texts.reading;
  else if (state.failure) status.textContent = state.failure;
  else if (!checked) status.textContent = '';
  else if (errors.length > 0) status.textContent = format(checked.source === 'json' ? texts.invalidJson : texts.invalid, { count: errors.length });
  else status.textContent = format(texts.valid, checked.counts);
  status.classList.toggle('invalid', Boolean(state.failure) || errors.length > 0);
  const showing = !state.reading && Boolean(checked);
  fillTable('problems', showing ? errors : [], texts.columnProblem);
  fillTable('warnings', showing ? checked.warnings : [], texts.columnWarning);
}

/** A table of problems: file, row, column (or, in a JSON dataset, the path), what. */
function fillTable(id, problems, lastColumn) {
  const texts = words();
  byId(id).hidden = problems.length === 0;
  const table = byId(`${id}-table`);
  const json = state.checked?.source === 'json';
  const header = document.createElement('tr');
  for (const label of [texts.columnFile, texts.columnRow, json ? texts.columnPath : texts.columnColumn, lastColumn]) {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = label;
    header.append(cell);
  }
  table.tHead.replaceChildren(header);
  table.tBodies[0].replaceChildren(...problems.map((problem) => {
    const row = document.createElement('tr');
    const cells = [problem.file || texts.wholeChoice, problem.row ?? '—', (json ? problem.path : problem.column) ?? '—', problem.message];
    cells.forEach((value, position) => {
      const cell = document.createElement(position === 0 ? 'th' : 'td');
      if (position === 0) cell.scope = 'row';
      cell.textContent = String(value);
      // File names, column names and messages are written left to right, in Arabic too.
      if (position !== 1) cell.dir = 'ltr';
      row.append(cell);
    });
    return row;
  }));
}

// ---- the preview ----

function useDataset(dataset) {
  state.dataset = dataset;
  byId('preview-section').hidden = !dataset;
  byId('embed-section').hidden = !dataset;
  if (state.downloadUrl) URL.revokeObjectURL(state.downloadUrl);
  state.downloadUrl = null;
  if (!dataset) return;
  state.downloadUrl = URL.createObjectURL(new Blob([state.checked.json], { type: 'application/json' }));
  byId('download').href = state.downloadUrl;
  fillParties();
  let preview = byId('preview');
  if (!preview) {
    preview = document.createElement('campaign-explainer');
    preview.id = 'preview';
    preview.setAttribute('loading', 'eager');
    preview.addEventListener('explainer:error', (event) => showPreviewError(event.detail?.message));
    preview.addEventListener('explainer:render', (event) => {
      showPreviewError(null);
      followPreview(event.detail);
    });
    setAttributes(preview);
    preview.data = dataset;
    byId('preview-frame').append(preview);
  } else {
    setAttributes(preview);
    preview.data = dataset;
  }
  updateCode();
}

/**
 * The preview is the real element, with its own controls: what a reader chooses in it is what the pickers and the
 * embed codes then say.
 */
function followPreview(drawn) {
  let changed = false;
  for (const [name, id] of [['view', 'view'], ['lang', 'chart-language'], ['party', 'party'], ['versus', 'versus']]) {
    const select = byId(id);
    if (drawn?.[name] && select.value !== drawn[name] && [...select.options].some((option) => option.value === drawn[name])) {
      select.value = drawn[name];
      changed = true;
    }
  }
  if (changed) updateCode();
}

function showPreviewError(message) {
  const node = byId('preview-error');
  node.hidden = !message;
  node.textContent = message ? format(words().previewError, { message }) : '';
}

/** The party pickers, named in the page's language, keeping the choice when the new dataset still has it. */
function fillParties() {
  const parties = state.dataset?.parties ?? [];
  for (const [id, fallback] of [['party', 0], ['versus', 1]]) {
    const select = byId(id);
    const kept = select.value;
    select.replaceChildren(...parties.map((party) => {
      const option = document.createElement('option');
      option.value = party.id;
      const name = party.name?.[state.lang] || party.id;
      // The id, written left to right, kept apart from an Arabic name so that the two do not mix.
      option.textContent = name === party.id ? name : `${name} (\u2066${party.id}\u2069)`;
      return option;
    }));
    const ids = parties.map((party) => party.id);
    select.value = ids.includes(kept) ? kept : (ids[Math.min(fallback, ids.length - 1)] ?? '');
  }
}

/** What the embed codes and the preview show: the pickers' choices. */
function settings() {
  return {
    view: byId('view').value,
    lang: byId('chart-language').value,
    party: byId('party').value,
    versus: byId('versus').value,
    theme: byId('theme').value,
  };
}

function setAttributes(preview) {
  for (const [name, value] of Object.entries(settings())) if (value) preview.setAttribute(name, value);
}

// ---- the embed codes and the download ----

function datasetPath() {
  return byId('dataset-path').value.trim();
}

function updateCode() {
  const chosen = { src: datasetPath(), ...settings() };
  const folder = byId('widget-folder').value;
  byId('element-code').value = elementCode(folder, chosen);
  byId('iframe-code').value = iframeCode(folder, chosen);
  const name = datasetPath().split(/[/?#]/).filter(Boolean).find((part) => /\.json$/i.test(part));
  byId('download').download = name ?? 'dataset.json';
  for (const status of document.querySelectorAll('.copied')) status.textContent = '';
}

async function copyCode(button) {
  const code = byId(button.dataset.copy);
  const status = byId(button.dataset.status);
  status.textContent = '';
  try {
    await navigator.clipboard.writeText(code.value);
    status.textContent = words().copied;
  } catch {
    // Without the clipboard (an old engine, a denied permission), the code is selected for the reader to copy.
    code.focus();
    code.select();
    status.textContent = words().copyFailed;
  }
}

// ---- wiring ----

byId('widget-folder').value = folderPath(new URL('.', location.href).pathname);
byId('chart-language').value = state.lang;
byId('view').value = VIEWS[0];
byId('theme').value = THEMES[0];
// The chart speaks the page's language until the reader picks the chart's own.
let chartLanguageChosen = false;
byId('chart-language').addEventListener('change', () => { chartLanguageChosen = true; });
byId('page-language').addEventListener('change', (event) => {
  state.lang = event.target.value;
  if (!chartLanguageChosen) {
    byId('chart-language').value = state.lang;
    const preview = byId('preview');
    if (preview) setAttributes(preview);
    updateCode();
  }
  const address = new URL(location.href);
  address.searchParams.set('lang', state.lang);
  history.replaceState(null, '', address);
  applyLanguage();
});
byId('files').addEventListener('change', (event) => readFiles(event.target.files));
for (const id of ['view', 'chart-language', 'party', 'versus', 'theme']) {
  byId(id).addEventListener('change', () => {
    const preview = byId('preview');
    if (preview) setAttributes(preview);
    updateCode();
  });
}
for (const id of ['dataset-path', 'widget-folder']) byId(id).addEventListener('input', updateCode);
for (const button of document.querySelectorAll('button[data-copy]')) button.addEventListener('click', () => copyCode(button));

const zone = byId('drop-zone');
zone.addEventListener('dragover', (event) => {
  event.preventDefault();
  zone.classList.add('dragging');
});
zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
zone.addEventListener('drop', (event) => {
  event.preventDefault();
  zone.classList.remove('dragging');
  readFiles(event.dataTransfer?.files ?? []);
});
// A file dropped beside the zone would make the browser leave the page to open it.
for (const type of ['dragover', 'drop']) document.addEventListener(type, (event) => event.preventDefault());

applyLanguage();
