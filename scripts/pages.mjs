// Generates the demo, iframe and builder pages at build time. The article is split into sentences, and each
// sentence that a fact quotes is tagged with the fact ids, so the page and the widget can point at each other.
import { readFileSync } from 'node:fs';
import { BUILDER_LANGS, LANGUAGE_NAMES, TEXTS as BUILDER_TEXTS } from '../www/builder/texts.js';

const escape = (text) => text.replace(/[&<>"']/g, (character) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[character]};`);
const normalise = (text) => text.replace(/\s+/g, ' ').trim();

/** Sentences end at a full stop followed by a space; the article has no other sentence mark. */
export function sentences(article) {
  const text = normalise(article);
  const result = [];
  let start = 0;
  for (const match of text.matchAll(/\.(?:\s|$)/g)) {
    const end = match.index + 1;
    result.push({ start, end, text: text.slice(start, end) });
    start = match.index + match[0].length;
  }
  if (start < text.length) result.push({ start, end: text.length, text: text.slice(start) });
  return result;
}

/** Which sentences each fact's quote overlaps, by position in the normalised article. */
export function factsBySentence(article, facts) {
  const text = normalise(article);
  const parts = sentences(article);
  const tagged = parts.map(() => []);
  facts.forEach((fact, index) => {
    const quote = normalise(fact.quote);
    const at = text.indexOf(quote);
    if (at < 0) return;
    parts.forEach((sentence, position) => {
      if (at < sentence.end && at + quote.length > sentence.start) tagged[position].push(fact.id ?? `facts-${index}`);
    });
  });
  return parts.map((sentence, position) => ({ ...sentence, facts: tagged[position] }));
}

const STATIC_DIRECTORY = new URL('../target/static/', import.meta.url);

/** The build's static renderings (scripts/build.sh runs render_static before webpack). */
export function staticManifest() {
  return JSON.parse(readFileSync(new URL('static.json', STATIC_DIRECTORY), 'utf8'));
}

export function staticFile(name) {
  return readFileSync(new URL(name, STATIC_DIRECTORY));
}

function tableHtml(table) {
  const head = table.header.map((cell) => `<th scope="col">${escape(cell)}</th>`).join('');
  const rows = table.rows.map((row) => `<tr>${row.map((cell, column) => (column === 0 ? `<th scope="row">${escape(cell)}</th>` : `<td>${escape(cell)}</td>`)).join('')}</tr>`).join('\n');
  return `<table><caption>${escape(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/**
 * What stands in the element before the wasm draws, instead of it when the wasm cannot load, and,
 * in <noscript>, with the data table for readers without JavaScript. Its box is as tall as the element once drawn
 * (its controls and downloads included), so the article does not move when the canvas replaces it: under 600 px of
 * screen, the chart laid out at a phone's column (320 px), above at a narrow desktop column (540 px), each shown at
 * most at its own width (a narrower chart is taller: scaled down, a wide picture would be too short on a phone).
 */
export const PHONE_PICTURE_MEDIA = '(max-width: 599px)';

/** The picture alone, on one line (the bench's page puts it in its element): the phone's or the wide one. */
export function pictureHtml(view = 'matrix', lang = 'ar') {
  const rendering = staticManifest().find((entry) => entry.view === view && entry.lang === lang);
  if (!rendering) return '';
  const { wide, phone } = rendering.pictures;
  return `<picture><source media="${PHONE_PICTURE_MEDIA}" srcset="static/${phone.file}" width="${phone.width}" height="${phone.height}">\
<img class="explainer-fallback" src="static/${wide.file}" alt="${escape(rendering.summary)}" width="${wide.width}" height="${wide.height}"></picture>`;
}

export function fallbackHtml(view = 'matrix', lang = 'ar') {
  const rendering = staticManifest().find((entry) => entry.view === view && entry.lang === lang);
  if (!rendering) return '';
  return `${pictureHtml(view, lang)}
<noscript>${tableHtml(rendering.table)}</noscript>`;
}

/** The article's sentences, each tagged with the facts it is the source of. */
function taggedArticle(article) {
  const dataset = JSON.parse(readFileSync(new URL('../data/campaign-2016.json', import.meta.url), 'utf8'));
  return factsBySentence(article, dataset.facts);
}

/** One sentence of the article, a link to its facts in the widget when it has any. */
function sentenceHtml(sentence, position) {
  const facts = sentence.facts.length ? ` data-facts="${escape(sentence.facts.join(' '))}" tabindex="0" role="button"` : '';
  return `<span class="sentence" id="sentence-${position}"${facts}>${escape(sentence.text)}</span>`;
}

/**
 * The article's paragraphs as the story's steps: the source has no paragraph marks, so they follow its subjects,
 * sentence by sentence (positions in `sentences`), each with the chart it shows. The two opening sentences say
 * every party went online (who used what); the duplicated opening and the teams every party recruited, that
 * strategies differ (the camps); the PJD's record campaign, begun weeks before the official start (the
 * timeline); its toolkit and its web TV; PAM's channel, its "not yet" live broadcast and its videos in two
 * languages like the PJD's (head to head); the USFP's hashtag before the campaign (the timeline again); Istiqlal's.
 */
export const STORY = [
  { sentences: [0, 1], view: 'matrix' },
  { sentences: [2, 3], view: 'camps' },
  { sentences: [4], view: 'timeline', fact: 'pjd-government-record' },
  { sentences: [5, 6], view: 'party', party: 'pjd', fact: 'pjd-live-rally-speech' },
  { sentences: [7], view: 'party', party: 'pjd', fact: 'pjd-web-tv' },
  { sentences: [8], view: 'party', party: 'pam', fact: 'pam-web-tv' },
  { sentences: [9], view: 'party', party: 'pam', fact: 'pam-live-rally-speech' },
  { sentences: [10], view: 'compare', party: 'pam', versus: 'pjd', fact: 'pam-arabic-amazigh' },
  { sentences: [11], view: 'timeline', fact: 'usfp-campaign-hashtag' },
  { sentences: [12, 13], view: 'party', party: 'istiqlal', fact: 'istiqlal-live-coverage' },
  { sentences: [14], view: 'party', party: 'istiqlal', fact: 'istiqlal-web-radio' },
];

/** The article as steps beside (desktop) or under (phone) the sticky widget, which follows them (`story`). */
function storyHtml(article) {
  const tagged = taggedArticle(article);
  const told = new Set(STORY.flatMap((step) => step.sentences));
  const missing = tagged.map((_, position) => position).filter((position) => !told.has(position));
  if (missing.length) throw new Error(`pages.mjs STORY leaves out sentences ${missing.join(', ')} of the article`);
  const steps = STORY.map((step) => {
    const state = ['view', 'party', 'versus', 'fact'].filter((name) => step[name]).map((name) => ` data-${name}="${escape(step[name])}"`).join('');
    return `<p class="step" data-explainer-step${state}>${step.sentences.map((position) => sentenceHtml(tagged[position], position)).join(' ')}</p>`;
  });
  return `<div class="story">
<figure class="widget story-chart"><campaign-explainer id="explainer" story="#story-steps" loading="eager">${fallbackHtml()}</campaign-explainer></figure>
<div class="story-steps" id="story-steps">
${steps.join('\n')}
</div>
</div>`;
}

function articleHtml(article) {
  const tagged = taggedArticle(article);
  // Three sentences a paragraph reads like the original layout; the widget goes after the second paragraph.
  const paragraphs = [];
  for (let index = 0; index < tagged.length; index += 3) paragraphs.push(tagged.slice(index, index + 3));
  const html = paragraphs.map((paragraph) => `<p>${paragraph.map((sentence) => sentenceHtml(sentence, tagged.indexOf(sentence))).join(' ')}</p>`);
  html.splice(2, 0, `<figure class="widget"><campaign-explainer id="explainer">${fallbackHtml()}</campaign-explainer></figure>`);
  return html.join('\n');
}

/**
 * The hint that starts the wasm's download with the page's own requests instead of after the element's script
 * has run: for a widget at the top of a page (with loading="eager"), where its first draw is on the critical path.
 * `crossorigin` makes the preload match the element's CORS fetch of the same URL, also from a CDN.
 */
export function wasmPreload(wasmFile) {
  return wasmFile ? `<link rel="preload" href="${escape(wasmFile)}" as="fetch" type="application/wasm" crossorigin>\n` : '';
}

/** The embed code of this build, for a widget at the top of a page; `PATH/` is where dist/ is hosted. */
export function embedCode(wasmFile) {
  return `<!-- campaign-explainer: the embed code of this build for a widget at the top of a page. Replace PATH/ with
     the folder where dist/ is hosted. Lower in a page, leave out the preload line and loading="eager": the
     element then downloads nothing but its script until the reader comes within a screen of it. -->
${wasmPreload(wasmFile ? `PATH/${wasmFile}` : '')}<script type="module" src="PATH/campaign-explainer.js"></script>
<campaign-explainer view="matrix" lang="ar" loading="eager">${fallbackHtml().replaceAll('="static/', '="PATH/static/')}</campaign-explainer>
`;
}

/**
 * The demo: the article told as a story (`story`: true, dist/index.html), its paragraphs driving the widget as the
 * reader scrolls; or with the widget in its flow after the second paragraph (dist/article.html), as a page
 * without story mode embeds it.
 */
export function demoPage(article, wasmFile, { story = false } = {}) {
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>الأحزاب المغربية ومواقع التواصل الاجتماعي — انتخابات 2016</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="demo.css">
${wasmPreload(wasmFile)}<script type="module" src="campaign-explainer.js"></script>
<script type="module" src="demo.js"></script>
</head>
<body${story ? ' class="story-page"' : ''}>
<main>
<article>
<h1>كيف استعملت الأحزاب المغربية مواقع التواصل الاجتماعي في حملة انتخابات 7 أكتوبر 2016</h1>
<p class="dek">المقال الأصلي (شتنبر 2016)، مع رسم تفاعلي${story ? ' يتبع فقرات المقال أثناء القراءة' : ''}: كل نقطة في الرسم مرتبطة بالجملة التي تسندها في المقال.</p>
${story ? storyHtml(article) : articleHtml(article)}
</article>
</main>
</body>
</html>
`;
}

export function embedPage(wasmFile) {
  return `<!doctype html>
<html lang="ar">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>campaign-explainer</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="embed.css">
${wasmPreload(wasmFile)}<script type="module" src="campaign-explainer.js"></script>
<script type="module" src="embed.js"></script>
</head>
<body>
<campaign-explainer id="explainer" loading="eager">${fallbackHtml()}</campaign-explainer>
</body>
</html>
`;
}

/**
 * The newsroom builder (builder.html): generated in Arabic, the script rewrites its words in the language the reader
 * picks. Its own policy forbids any request to another origin, whatever the host serves it with: nothing a journalist
 * drops on it can leave the browser.
 */
export function builderPage() {
  const words = BUILDER_TEXTS.ar;
  const text = (key) => `data-text="${key}">${escape(words[key])}`;
  const options = (values, labels) => values.map((value) => `<option value="${value}">${escape(labels[value])}</option>`).join('');
  const chartLanguages = options(BUILDER_LANGS, LANGUAGE_NAMES);
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(words.documentTitle)}</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="builder.css">
<script type="module" src="campaign-explainer.js"></script>
<script type="module" src="builder.js"></script>
</head>
<body>
<header>
<div class="language"><label for="page-language" ${text('pageLanguage')}</label>
<select id="page-language">${options(BUILDER_LANGS, LANGUAGE_NAMES)}</select></div>
<h1 ${text('title')}</h1>
<p ${text('intro')}</p>
<p class="privacy" id="privacy" ${text('privacy')}</p>
<noscript><p>${BUILDER_LANGS.map((lang) => `<span lang="${lang}">${escape(BUILDER_TEXTS[lang].noScript)}</span>`).join(' ')}</p></noscript>
</header>
<main>
<section aria-labelledby="files-heading">
<h2 id="files-heading" ${text('filesHeading')}</h2>
<div class="drop-zone" id="drop-zone">
<p id="drop-hint" ${text('dropHint')}</p>
<label for="files" class="choose" ${text('chooseFiles')}</label>
<input type="file" id="files" multiple accept=".csv,.json,text/csv,application/json" aria-describedby="drop-hint privacy">
</div>
<p class="hint" ${text('templatesHint')}</p>
<p class="status" id="status" role="status"></p>
<div id="problems" hidden>
<table id="problems-table"><caption ${text('problemsCaption')}</caption><thead></thead><tbody></tbody></table>
<p class="hint" ${text('inEnglish')}</p>
</div>
<div id="warnings" hidden>
<table id="warnings-table"><caption ${text('warningsCaption')}</caption><thead></thead><tbody></tbody></table>
</div>
</section>
<section id="preview-section" aria-labelledby="preview-heading" hidden>
<h2 id="preview-heading" ${text('previewHeading')}</h2>
<div class="controls">
<div><label for="view" ${text('view')}</label><select id="view">${options(['matrix', 'party', 'compare', 'camps', 'timeline'], words.views)}</select></div>
<div><label for="chart-language" ${text('chartLanguage')}</label><select id="chart-language">${chartLanguages}</select></div>
<div><label for="party" ${text('party')}</label><select id="party"></select></div>
<div><label for="versus" ${text('versus')}</label><select id="versus"></select></div>
<div><label for="theme" ${text('theme')}</label><select id="theme">${options(['auto', 'light', 'dark'], words.themes)}</select></div>
</div>
<p class="preview-error" id="preview-error" role="alert" hidden></p>
<div class="preview" id="preview-frame"></div>
</section>
<section id="embed-section" aria-labelledby="embed-heading" hidden>
<h2 id="embed-heading" ${text('embedHeading')}</h2>
<div class="field"><label for="dataset-path" ${text('datasetPath')}</label>
<input type="text" id="dataset-path" value="/data/my-dataset.json" dir="ltr" spellcheck="false" autocomplete="off" aria-describedby="dataset-path-hint">
<p class="hint" id="dataset-path-hint" ${text('datasetPathHint')}</p></div>
<p><a class="button" id="download" download="my-dataset.json" ${text('download')}</a></p>
<div class="field"><label for="widget-folder" ${text('widgetFolder')}</label>
<input type="text" id="widget-folder" value="" dir="ltr" spellcheck="false" autocomplete="off"></div>
<h3 id="element-heading" ${text('elementHeading')}</h3>
<p class="hint" id="element-hint" ${text('elementHint')}</p>
<textarea id="element-code" readonly rows="6" dir="ltr" spellcheck="false" aria-labelledby="element-heading" aria-describedby="element-hint"></textarea>
<p class="copy"><button type="button" data-copy="element-code" data-status="element-copied" ${text('copy')}</button> <span class="copied" id="element-copied" role="status"></span></p>
<h3 id="iframe-heading" ${text('iframeHeading')}</h3>
<p class="hint" id="iframe-hint" ${text('iframeHint')}</p>
<textarea id="iframe-code" readonly rows="6" dir="ltr" spellcheck="false" aria-labelledby="iframe-heading" aria-describedby="iframe-hint"></textarea>
<p class="copy"><button type="button" data-copy="iframe-code" data-status="iframe-copied" ${text('copy')}</button> <span class="copied" id="iframe-copied" role="status"></span></p>
</section>
</main>
</body>
</html>
`;
}
