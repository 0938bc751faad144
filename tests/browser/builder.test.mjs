// The newsroom builder (dist/builder.html), used as a data journalist would: choose the sheets exported from a
// spreadsheet, read the problems by file, row and column, fix them, preview the chart, copy the embed code into a
// fresh page of the newsroom's site and see the same chart drawn there. Served from a sub-path under the strict CSP of
// the contract; nothing may leave the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, endSession, DIST, openPage, waitForRender, canDo } from './harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXAMPLE = path.join(ROOT, 'data', 'example');
const BAD_JSON = path.join(ROOT, 'tests', 'browser', 'fixtures', 'bad-dataset.json');
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const BUILDER = '/static/explainer/builder.html';
// axe-core, served from the page's own origin: the builder's policy refuses an inline script.
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server, origin, browser, scratch;
// What the newsroom's site serves: the dataset downloaded from the builder, and a page with the pasted embed code.
let hostedDataset = null;
let pastedCode = '';
before(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'campaign-explainer-builder-'));
  ({ server, origin, browser } = await startSession({
    routes: [
      { prefix: '/static/explainer/', directory: DIST },
    ],
    headers: (urlPath) => (urlPath.endsWith('.html') ? { 'Content-Security-Policy': STRICT_CSP } : {}),
    handler: (request, response) => {
      const urlPath = new URL(request.url, 'http://127.0.0.1').pathname;
      if (urlPath === '/data/my-dataset.json' && hostedDataset) {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(hostedDataset);
        return true;
      }
      if (urlPath === '/__axe/axe.min.js') {
        readFile(AXE).then((body) => response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(body));
        return true;
      }
      if (urlPath === '/news/article.html') {
        const page = `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>A newsroom page</title>\n</head>\n<body>\n<h1>An article</h1>\n${pastedCode}</body>\n</html>\n`;
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': STRICT_CSP, 'Cache-Control': 'no-store' }).end(page);
        return true;
      }
      return false;
    },
  }));
});
after(async () => {
  await endSession({ server, browser });
  await rm(scratch, { recursive: true, force: true });
});

async function exampleFiles() {
  return (await readdir(EXAMPLE)).filter((name) => name.endsWith('.csv')).sort().map((name) => path.join(EXAMPLE, name));
}

/** The example's sheets with two cells changed, as a journalist's first export would be, and a stray file. */
async function badFiles() {
  const folder = path.join(scratch, 'bad');
  await cp(EXAMPLE, folder, { recursive: true });
  const facts = path.join(folder, 'facts.csv');
  await writeFile(facts, (await readFile(facts, 'utf8')).replace('river-live,river,', 'river-live,xyz,'));
  const parties = path.join(folder, 'parties.csv');
  await writeFile(parties, (await readFile(parties, 'utf8')).replace('river,yes,majority,', 'river,yes,government,'));
  await writeFile(path.join(folder, 'notes.csv'), 'who,what\nAmina,checked the quotes\n');
  return (await readdir(folder)).sort().map((name) => path.join(folder, name));
}

const text = (page, id) => page.evaluate((target) => document.getElementById(target)?.textContent.trim(), id);
const hidden = (page, id) => page.evaluate((target) => document.getElementById(target).hidden, id);
const tableRows = (page, id) => page.evaluate((target) => [...document.querySelectorAll(`#${target} tr`)].map((row) => [...row.cells].map((cell) => cell.textContent)), id);
const renders = (page, id) => page.evaluate((target) => window.widgetEvents.filter((event) => event.type === 'explainer:render' && (!target || event.id === target)), id);

async function choose(page, files) {
  await page.setInputFiles('#files', files);
  await page.waitForFunction(() => {
    const status = document.getElementById('status');
    return status.textContent !== '' && !/…$/.test(status.textContent);
  });
}

/** Sets a picker as a reader does, and waits for the preview to draw what it says. */
async function pick(page, id, value, expected) {
  const drawn = (await renders(page, 'preview'));
  const already = await page.evaluate(([target, chosen]) => document.getElementById(target).value === chosen, [id, value]);
  if (already && Object.entries(expected).every(([name, chosen]) => drawn.at(-1)?.detail[name] === chosen)) return;
  const count = drawn.length;
  await page.evaluate(([target, chosen]) => {
    const select = document.getElementById(target);
    select.value = chosen;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, [id, value]);
  await page.waitForFunction(([wanted, before]) => {
    const drawn = window.widgetEvents.filter((event) => event.type === 'explainer:render' && event.id === 'preview');
    return drawn.length > before && Object.entries(wanted).every(([name, chosen]) => drawn.at(-1).detail[name] === chosen);
  }, [expected, count]);
}

/** The drawing of the one widget of a page: its size, how much of it is drawn, its text summary. */
const chart = (page, id) => page.evaluate((target) => {
  const widget = target ? document.getElementById(target) : document.querySelector('campaign-explainer');
  const canvas = widget.shadowRoot.querySelector('canvas');
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let drawn = 0;
  for (let index = 0; index < data.length; index += 4) if (Math.abs(data[index] - data[0]) + Math.abs(data[index + 1] - data[1]) + Math.abs(data[index + 2] - data[2]) > 60) drawn += 1;
  return { drawn, total: data.length / 4, label: canvas.getAttribute('aria-label') };
}, id);

test('the example sheets give a preview and embed codes that, pasted into a fresh page, draw the same chart', async (t) => {
  const { page, context, problems } = await openPage(browser, `${origin}${BUILDER}?lang=en`, { origin, viewport: { width: 1200, height: 900 } });
  assert.equal(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content), STRICT_CSP);
  assert.equal(await hidden(page, 'preview-section'), true, 'no preview before a dataset');
  await choose(page, await exampleFiles());
  assert.equal(await text(page, 'status'), 'The dataset is valid. Parties: 3, tactics: 3, facts: 6.');
  assert.equal(await hidden(page, 'problems'), true);
  await waitForRender(page, 'preview');
  // The pickers are the dataset's parties, named in the page's language.
  const parties = await page.evaluate(() => [...document.getElementById('party').options].map((option) => [option.value, option.textContent]));
  assert.deepEqual(parties, [['river', 'River Party (\u2066river\u2069)'], ['mountain', 'Mountain Alliance (\u2066mountain\u2069)'], ['ennour', 'Ennour (\u2066ennour\u2069)']]);
  assert.deepEqual((await renders(page, 'preview')).at(-1).detail, { view: 'matrix', lang: 'en', party: 'river', versus: 'mountain' });

  // Every view in every language draws the dataset.
  for (const view of ['matrix', 'party', 'compare', 'camps', 'timeline']) {
    await pick(page, 'view', view, { view });
    for (const lang of ['ar', 'fr', 'en']) {
      if ((await renders(page, 'preview')).at(-1).detail.lang !== lang) await pick(page, 'chart-language', lang, { view, lang });
      const drawn = await chart(page, 'preview');
      assert.ok(drawn.drawn > drawn.total * 0.01, `${view} in ${lang} is drawn: ${JSON.stringify(drawn)}`);
      assert.match(drawn.label, /River|fleuve|النهر|Mountain|montagne|الجبل/i, `${view} in ${lang} speaks of the dataset's parties: ${drawn.label}`);
    }
  }
  // A view chosen in the preview's own controls is the one the pickers and the embed code then say.
  await page.evaluate(() => document.getElementById('preview').shadowRoot.querySelector('button[data-view="camps"]').click());
  await page.waitForFunction(() => window.widgetEvents.filter((event) => event.type === 'explainer:render' && event.id === 'preview').at(-1).detail.view === 'camps');
  assert.equal(await page.evaluate(() => document.getElementById('view').value), 'camps');
  assert.match(await page.evaluate(() => document.getElementById('element-code').value), / view="camps" /);
  await pick(page, 'view', 'compare', { view: 'compare' });
  await pick(page, 'chart-language', 'fr', { lang: 'fr' });
  await pick(page, 'party', 'mountain', { party: 'mountain' });
  await pick(page, 'versus', 'ennour', { versus: 'ennour' });
  await pick(page, 'theme', 'dark', {});
  const preview = (await renders(page, 'preview')).at(-1).detail;
  assert.deepEqual(preview, { view: 'compare', lang: 'fr', party: 'mountain', versus: 'ennour' });
  const previewChart = await chart(page, 'preview');

  const elementCode = await page.evaluate(() => document.getElementById('element-code').value);
  assert.equal(elementCode, `<script type="module" src="/static/explainer/campaign-explainer.js"></script>
<campaign-explainer src="/data/my-dataset.json" view="compare" lang="fr" party="mountain" versus="ennour" theme="dark"></campaign-explainer>
`);
  const iframeCode = await page.evaluate(() => document.getElementById('iframe-code').value);
  assert.match(iframeCode, /^<div id="campaign-explainer"><\/div>\n<script src="https:\/\/pym\.nprapps\.org\/pym\.v1\.min\.js"><\/script>\n<script>new pym\.Parent\("campaign-explainer", "[^"]+", \{\}\);<\/script>\n$/);

  // The dataset, downloaded as the newsroom will host it.
  if (canDo(t, browser, 'downloads', 'the dataset is downloaded as JSON')) {
    const download = await page.download(() => page.click('#download'));
    assert.equal(download.name, 'my-dataset.json');
    hostedDataset = download.body;
  } else {
    hostedDataset = await page.evaluate(async () => (await fetch(document.getElementById('download').href)).text());
  }
  const dataset = JSON.parse(hostedDataset.toString());
  assert.deepEqual(dataset.parties.map((party) => party.id), ['river', 'mountain', 'ennour']);
  assert.deepEqual(dataset.unmentioned_parties.map((party) => party.id), ['valley']);
  assert.equal(dataset.facts.length, 6);

  // The element's code pasted into a fresh page of the site, which hosts the dataset at the address given.
  pastedCode = elementCode;
  const fresh = await openPage(browser, `${origin}/news/article.html`, { origin, viewport: { width: 1200, height: 900 } });
  await fresh.page.waitForFunction(() => window.widgetEvents.some((event) => event.type === 'explainer:render'), undefined, { timeout: 20000 });
  assert.deepEqual((await renders(fresh.page)).at(-1).detail, preview);
  const freshChart = await chart(fresh.page);
  assert.ok(freshChart.drawn > freshChart.total * 0.01, JSON.stringify(freshChart));
  assert.equal(freshChart.label, previewChart.label, 'the same chart, by its text summary');
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();

  // The iframe's address, opened as pym.js would open it (pym.js itself comes from another origin, left out here).
  const address = JSON.parse(iframeCode.match(/new pym\.Parent\("campaign-explainer", ("[^"]+")/)[1]);
  assert.equal(address, '/static/explainer/embed.html?src=%2Fdata%2Fmy-dataset.json&view=compare&lang=fr&party=mountain&versus=ennour&theme=dark');
  const framed = await openPage(browser, `${origin}${address}`, { origin, viewport: { width: 1200, height: 900 } });
  await waitForRender(framed.page);
  assert.deepEqual((await renders(framed.page, 'explainer')).at(-1).detail, preview);
  assert.equal((await chart(framed.page, 'explainer')).label, previewChart.label);
  assert.deepEqual(framed.problems, []);
  await framed.context.close();

  assert.deepEqual(problems, []);
  await context.close();
});

test('a bad set lists every problem by file, row and column; the fixed set then gives the preview', async () => {
  const { page, context, problems } = await openPage(browser, `${origin}${BUILDER}`, { origin, viewport: { width: 1200, height: 900 } });
  assert.equal(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir].join()), 'ar,rtl');
  await choose(page, await badFiles());
  assert.equal(await text(page, 'status'), 'عدد المشكلات التي يجب إصلاحها: 2. صحّحها في جدول البيانات، ثم صدّر الملفات من جديد واخترها مرة أخرى.');
  assert.deepEqual(await tableRows(page, 'problems-table'), [
    ['الملف', 'الصف', 'العمود', 'المشكلة'],
    ['parties.csv', '2', 'camp', 'expected "majority" or "opposition", found "government"'],
    ['facts.csv', '3', 'party', 'unknown party "xyz" — known: river, mountain, ennour'],
  ]);
  const warnings = await tableRows(page, 'warnings-table');
  assert.equal(warnings.length, 2, JSON.stringify(warnings));
  assert.equal(warnings[1][0], 'notes.csv');
  assert.match(warnings[1][3], /^not a sheet of the format/);
  assert.equal(await hidden(page, 'preview-section'), true);
  assert.equal(await hidden(page, 'embed-section'), true);

  // In French, the same problems under French headings.
  await page.evaluate(() => {
    const select = document.getElementById('page-language');
    select.value = 'fr';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  assert.equal(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir].join()), 'fr,ltr');
  assert.equal(await text(page, 'status'), 'Problèmes à corriger\u00a0: 2. Corrigez-les dans le tableur, exportez de nouveau les fichiers et choisissez-les à nouveau.');
  assert.deepEqual((await tableRows(page, 'problems-table'))[0], ['Fichier', 'Ligne', 'Colonne', 'Problème']);

  // A JSON dataset, dropped on the drop zone, has paths instead of rows and columns.
  const json = await readFile(BAD_JSON, 'utf8');
  await page.evaluate((text) => {
    const files = new DataTransfer();
    files.items.add(new File([text], 'bad-dataset.json', { type: 'application/json' }));
    document.getElementById('status').textContent = '';
    document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
  }, json);
  await page.waitForFunction(() => /\d/.test(document.getElementById('status').textContent));
  assert.deepEqual(await tableRows(page, 'problems-table'), [
    ['Fichier', 'Ligne', 'Emplacement dans le JSON', 'Problème'],
    ['bad-dataset.json', '—', 'facts[0].party', 'unknown party "xyz"'],
  ]);

  // Fixed, chosen again: the preview, and no problem left on the page.
  await choose(page, await exampleFiles());
  assert.match(await text(page, 'status'), /^Le jeu de données est valide\./);
  assert.equal(await hidden(page, 'problems'), true);
  await waitForRender(page, 'preview');
  assert.equal((await renders(page, 'preview')).at(-1).detail.lang, 'fr', 'the chart starts in the page’s language');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the file input, the pickers, the download and the copy buttons are reached and used with the keyboard', async (t) => {
  const { page, context, problems } = await openPage(browser, `${origin}${BUILDER}?lang=en`, { origin, viewport: { width: 1200, height: 900 } });
  if (browser.supports.clipboardRead) await page.native.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  // The ids of the page's elements that Tab reaches from the first (the page's language), until `stop` (the preview's own controls,
  // inside its shadow root, count as the preview).
  const focusOrder = async (stop) => {
    const reached = ['page-language'];
    await page.evaluate(() => document.getElementById('page-language').focus());
    for (let step = 0; step < 80 && !reached.includes(stop); step += 1) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => (document.activeElement === document.body ? null : document.activeElement?.id || document.activeElement?.dataset.copy || document.activeElement?.tagName));
      if (reached.at(-1) !== id) reached.push(id);
    }
    return reached;
  };
  assert.deepEqual(await focusOrder('files'), ['page-language', 'files'], 'the file input comes right after the language');
  await choose(page, await exampleFiles());
  await waitForRender(page, 'preview');
  const order = await focusOrder('iframe-code');
  for (const id of ['files', 'view', 'chart-language', 'party', 'versus', 'theme', 'dataset-path', 'download', 'widget-folder', 'element-code']) {
    assert.ok(order.includes(id), `Tab reaches #${id}: ${order.join(', ')}`);
  }
  assert.ok(order.indexOf('files') < order.indexOf('view') && order.indexOf('download') < order.indexOf('element-code'), order.join(', '));

  // The copy button, pressed with Enter: a visible confirmation in a status region, and the code on the clipboard.
  await page.evaluate(() => document.querySelector('button[data-copy="element-code"]').focus());
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('element-copied').textContent !== '');
  const copied = await page.evaluate(() => {
    const status = document.getElementById('element-copied');
    const box = status.getBoundingClientRect();
    return { text: status.textContent, role: status.getAttribute('role'), visible: box.width > 0 && box.height > 0 && getComputedStyle(status).visibility === 'visible' };
  });
  assert.equal(copied.role, 'status');
  assert.ok(copied.visible, 'the confirmation is seen as well as announced');
  const code = await page.evaluate(() => document.getElementById('element-code').value);
  if (copied.text === 'Code copied.') {
    if (canDo(t, browser, 'clipboardRead', 'the clipboard holds the code copied')) assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
  } else {
    // An engine that refuses the clipboard to automation: the reader is told, and the code is selected to copy by hand.
    assert.equal(copied.text, 'Could not copy: the code is selected, copy it with Ctrl+C (⌘C on a Mac).');
    assert.equal(await page.evaluate(() => {
      const box = document.getElementById('element-code');
      return document.activeElement === box ? box.value.slice(box.selectionStart, box.selectionEnd) : null;
    }), code);
  }

  // The download, with Enter on its link.
  if (canDo(t, browser, 'downloads', 'Enter on the download link saves the dataset')) {
    await page.evaluate(() => document.getElementById('download').focus());
    const download = await page.download(() => page.keyboard.press('Enter'));
    assert.equal(download.name, 'my-dataset.json');
    assert.equal(JSON.parse(download.body.toString()).facts.length, 6);
  }
  // The address field names the downloaded file.
  await page.evaluate(() => {
    const field = document.getElementById('dataset-path');
    field.value = '/elections/2021/parties.json';
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
  assert.equal(await page.evaluate(() => document.getElementById('download').download), 'parties.json');
  assert.match(await page.evaluate(() => document.getElementById('element-code').value), / src="\/elections\/2021\/parties\.json"/);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [lang, scheme] of [['ar', 'light'], ['fr', 'dark']]) {
  test(`axe-core finds no serious or critical WCAG 2.1 A/AA violation on the builder, with problems and with a preview (${lang}, ${scheme})`, async () => {
    const { page, context, problems } = await openPage(browser, `${origin}${BUILDER}?lang=${lang}`, { origin, colorScheme: scheme, viewport: { width: 1200, height: 900 } });
    await page.evaluate(() => new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/__axe/axe.min.js';
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    }));
    const audit = async () => {
      const results = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
      const serious = results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact));
      return serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(' ')} ${JSON.stringify(node.any.map((check) => check.data))}`).join(', ')}`);
    };
    await choose(page, await badFiles());
    assert.deepEqual(await audit(), [], 'with the problems listed');
    await choose(page, await exampleFiles());
    await waitForRender(page, 'preview');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))));
    assert.deepEqual(await audit(), [], 'with the preview and the embed codes');
    assert.deepEqual(problems, []);
    await context.close();
  });
}
