// npm run bench: measures the widget against Chart.js doing the same job and against a no-library floor,
// in headless Chromium, and prints the table of BENCHMARKS.md.
//
//   npm run bench                      builds the release first (npm run build)
//   npm run bench -- --no-build        measures the dist/ that is there
//   options: --runs N (page loads per page, default 5), --interactions N (per kind and load, default 200),
//            --profiles desktop,phone (default both), --json FILE (also writes every sample)
//   npm run bench -- --no-build --scale [5,10,20,40]
//                                      instead of the built-in dataset, datasets generated at 5 to 40 parties
//                                      (bench/dataset.mjs; 40 is the largest the validation allows: 200 tactics,
//                                      4,000 facts), the widget and Chart.js only: first draw, highlight,
//                                      memory, and how each grows with the number of marks
//
// Profiles: `desktop` is the machine as it is; `phone` is Lighthouse's mobile profile applied through the
// DevTools protocol to the same pages: the CPU 4 times slower, 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
//
// Absolute times on shared machines are noisy, so the three pages are loaded in turn, N times each, and
// the table shows medians and ratios to Chart.js measured in the same run. Observable Plot's page is loaded
// once per profile and run, for the bytes table (gzip and Brotli) and its first draw.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import webpack from 'webpack';
import { pictureHtml, wasmPreload } from './pages.mjs';
import { generateDataset, MAX_TACTICS } from '../bench/dataset.mjs';
import { serve } from './serve.mjs';
import { launchBrowser } from '../tests/browser/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD = path.join(ROOT, 'target', 'bench');

/** The issue's targets, as ratios of the widget's number to Chart.js's. */
const TARGETS = {
  desktop: { bytes: 0.75, firstDraw: 0.8, redrawP95: 0.35, memory: 1 },
  // The performance issue's: the first picture (the static SVG inside the element) against Chart.js's first
  // draw, the first interactive draw, a highlight against Chart.js's; the hover is judged against the floor;
  // memory (JS heap and wasm memory after garbage collection) against Chart.js's.
  phone: { firstPicture: 0.4, firstDraw: 1.0, redrawP95: 0.5, hoverOverFloor: 1.1, switchP95Milliseconds: 50, memory: 0.8 },
};
const PROFILES = {
  desktop: null,
  phone: { cpuRate: 4, latency: 150, download: (1.6 * 1000 * 1000) / 8, upload: (750 * 1000) / 8 },
};
// Observable Plot doing the same job: loaded once per profile and run, for its bytes and first draw (the bytes
// table of BENCHMARKS.md), without the interactions the three pages above are measured on.
const PLOT_PAGE = { name: 'plot', title: 'Observable Plot', url: '/bench/plot.html' };
const PAGES = [
  { name: 'widget', title: 'widget', url: '/build/widget.html' },
  { name: 'chartjs', title: 'Chart.js', url: '/bench/chartjs.html' },
  { name: 'floor', title: 'no library', url: '/bench/floor.html' },
];
// Interactions run first without being recorded, so the numbers are for warmed-up code, as a reader's would be.
const WARM_UP = 10;

function options() {
  const argv = process.argv.slice(2);
  const value = (name, fallback) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : fallback;
  };
  return {
    build: !argv.includes('--no-build'),
    runs: Number(value('--runs', 5)),
    interactions: Number(value('--interactions', 200)),
    json: value('--json', null),
    profiles: value('--profiles', 'desktop,phone').split(',').map((name) => name.trim()).filter(Boolean),
    scale: scaleOption(argv),
  };
}

/** `--scale` alone: 5, 10, 20 and 40 parties; `--scale 10,40`: those; without it, null (the built-in dataset). */
function scaleOption(argv) {
  const at = argv.indexOf('--scale');
  if (at < 0) return null;
  const list = argv[at + 1] && !argv[at + 1].startsWith('--') ? argv[at + 1] : '5,10,20,40';
  const counts = list.split(',').map(Number);
  if (counts.some((count) => !Number.isInteger(count) || count < 2 || count > 40)) throw new Error(`--scale: expected party counts from 2 to 40 separated by commas, found ${JSON.stringify(list)}`);
  return counts;
}

/**
 * Bundles bench/chartjs.js with Chart.js and bench/plot.js with Observable Plot from node_modules, minified and
 * tree-shaken, as a newsroom build would.
 */
async function bundleLibraries() {
  const compiler = webpack({
    mode: 'production',
    context: ROOT,
    entry: { chartjs: './bench/chartjs.js', plot: './bench/plot.js' },
    experiments: { outputModule: true },
    output: { path: BUILD, filename: '[name].js', module: true, clean: false },
    devtool: false,
    performance: { hints: false },
  });
  await new Promise((resolve, reject) => compiler.run((error, stats) => {
    compiler.close(() => {});
    if (error || stats.hasErrors()) reject(error ?? new Error(stats.toString('errors-only')));
    else resolve();
  }));
}

/**
 * Runs in the page: `count` interactions of one kind after the warm-up, each started in a fresh task after the
 * previous frame was rendered. `sync` is the work done inside the dispatch (performance.now() around it);
 * `frame` is the next frame's work, from the first requestAnimationFrame callback to a message posted from the
 * last one, which runs after that frame's style, layout and paint: Chart.js handles pointer events in
 * requestAnimationFrame, and the widget's DOM updates are laid out there, so both are counted.
 */
async function interactionLoop({ kind, count, warmUp }) {
  const bench = window.bench;
  const afterFrame = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  }));
  const points = kind === 'hover' ? bench.hoverPoints() : [];
  if (kind === 'hover' && points.length < 2) throw new Error(`only ${points.length} marks to hover`);
  const samples = [];
  for (let index = 0; index < warmUp + count; index += 1) {
    await afterFrame();
    let frameStart = null;
    requestAnimationFrame(() => { frameStart = performance.now(); });
    const drawsBefore = bench.draws();
    const start = performance.now();
    if (kind === 'hover') bench.hover(...points[index % points.length]);
    else if (kind === 'view') bench.switchView(index);
    else if (kind === 'lang') bench.switchLang(index);
    else if (kind === 'highlight') bench.highlight(index);
    const end = performance.now();
    const frameEnd = await afterFrame();
    if (index >= warmUp) samples.push({ sync: end - start, frame: frameEnd - frameStart, draws: bench.draws() - drawsBefore });
  }
  return samples;
}

/** Main-thread task time (CDP Performance.getMetrics TaskDuration) in milliseconds. */
async function taskMilliseconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'TaskDuration').value * 1000;
}

/** JS heap, the Blink (DOM) heap and every WebAssembly.Memory of the page, after two full garbage collections. */
async function measureMemory(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  // The element exposes no handle to its wasm instance: the Memory objects are found by their prototype.
  const { result: prototype } = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype', objectGroup: 'bench' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.objectId, objectGroup: 'bench' });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.reduce((sum, memory) => sum + memory.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'bench' });
  return { jsHeap: usage.usedSize, blinkHeap: usage.embedderHeapUsedSize ?? 0, wasmMemory: result.value };
}

/** One load of one page: bytes, first draw, interactions of each kind, memory. */
async function measurePage(browser, origin, page, settings, profile, kinds = ['idle', 'highlight', 'hover', ...(page.name === 'widget' ? ['view', 'lang'] : [])]) {
  const context = await browser.newContext({ viewport: { width: 900, height: 1200 }, deviceScaleFactor: 1, colorScheme: 'light' });
  const tab = await context.newPage();
  const problems = [];
  tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  tab.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  tab.on('response', (response) => { if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`); });
  const cdp = await context.newCDPSession(tab);
  // CDP's count of bytes received for each response, headers included: a cross-check of resource timing.
  const received = new Map();
  const documents = new Set();
  cdp.on('Network.responseReceived', (event) => { if (event.type === 'Document') documents.add(event.requestId); });
  cdp.on('Network.loadingFinished', (event) => received.set(event.requestId, event.encodedDataLength));
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  const throttle = PROFILES[profile];
  if (throttle) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpuRate });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: throttle.latency, downloadThroughput: throttle.download, uploadThroughput: throttle.upload,
    });
  }
  // Before any script of the page: the first contentful paint and every layout shift, as a reader's browser
  // reports them (the Layout Instability API counts the content below the chart that a change of its height moves).
  await tab.addInitScript(() => {
    window.benchPaint = { firstPicture: null, layoutShift: 0, shifts: [] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name === 'first-contentful-paint') window.benchPaint.firstPicture = entry.startTime;
      }
    }).observe({ type: 'paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.benchPaint.layoutShift += entry.value;
        window.benchPaint.shifts.push({ at: entry.startTime, value: entry.value });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });

  await tab.goto(origin + page.url);
  await tab.waitForFunction(() => window.bench, null, { timeout: 60000 });
  const firstDraw = await tab.evaluate(() => window.bench.firstDraw);
  // Shifts the first draw causes are reported in the frames after it.
  await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))));
  const paint = await tab.evaluate(() => ({ ...window.benchPaint }));
  // Where the widget's first draw went: its User Timing marks (see www/element/timing.js) and the resource
  // timing of its files, in milliseconds from the navigation's start.
  const steps = await tab.evaluate(() => {
    const mark = (name) => performance.getEntriesByName(`campaign-explainer:${name}`)[0]?.startTime ?? null;
    const measure = (name) => performance.getEntriesByName(`campaign-explainer:${name}`, 'measure')[0]?.duration ?? null;
    const resource = (pattern) => performance.getEntriesByType('resource').find((entry) => pattern.test(entry.name));
    const wasm = resource(/\.wasm$/);
    const chunk = resource(/campaign-explainer-widget\.[0-9a-f]+\.js$/);
    const loader = resource(/campaign-explainer\.js$/);
    return {
      loaderArrived: loader?.responseEnd ?? null,
      start: mark('start'),
      wasmRequested: wasm?.startTime ?? null,
      wasmArrived: wasm?.responseEnd ?? null,
      chunkArrived: chunk?.responseEnd ?? null,
      wasmReady: mark('wasm-ready'),
      datasetReady: mark('dataset-ready'),
      firstRender: measure('first-render'),
    };
  });
  // Resource timing's encodedBodySize: the body as sent, gzipped, for everything but the page itself.
  const resources = await tab.evaluate(() => performance.getEntriesByType('resource').map((entry) => ({
    url: new URL(entry.name).pathname, gzip: entry.encodedBodySize, raw: entry.decodedBodySize,
  })));
  const withHeaders = [...received].filter(([id]) => !documents.has(id)).reduce((sum, [, bytes]) => sum + bytes, 0);

  const interactions = {};
  // 'idle' runs the same loop doing nothing: its task time is the loop's own (two rendered frames per
  // interaction), subtracted from the others' so the cross-check counts the page's work only.
  for (const kind of kinds) {
    // View and language switches lay a view out each time: fewer are enough, and Chart.js has no equivalent.
    const count = kind === 'view' || kind === 'lang' ? Math.ceil(settings.interactions / 4) : settings.interactions;
    const tasksBefore = await taskMilliseconds(cdp);
    const samples = await tab.evaluate(interactionLoop, { kind, count, warmUp: WARM_UP });
    const tasks = (await taskMilliseconds(cdp)) - tasksBefore;
    const idle = interactions.idle?.taskMillisecondsPerInteraction ?? 0;
    interactions[kind] = { samples, taskMillisecondsPerInteraction: tasks / (count + WARM_UP), taskMillisecondsAboveIdle: tasks / (count + WARM_UP) - idle };
  }
  const memory = await measureMemory(cdp);
  await context.close();
  if (problems.length) throw new Error(`${page.url}: ${problems.join('; ')}`);
  return {
    firstDraw, firstPicture: paint.firstPicture ?? firstDraw, layoutShift: paint.layoutShift, steps,
    resources, bytes: resources.reduce((sum, resource) => sum + resource.gzip, 0), bytesWithHeaders: withHeaders, interactions, memory,
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const percentile = (values, fraction) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
};

/** Medians over the loads; interaction percentiles over every sample of every load. */
function summarise(loads) {
  const summary = {
    bytes: median(loads.map((load) => load.bytes)),
    bytesWithHeaders: median(loads.map((load) => load.bytesWithHeaders)),
    resources: loads[0].resources,
    firstDraw: median(loads.map((load) => load.firstDraw)),
    firstPicture: median(loads.map((load) => load.firstPicture)),
    layoutShift: Math.max(...loads.map((load) => load.layoutShift)),
    steps: Object.fromEntries(Object.keys(loads[0].steps).map((key) => [key, median(loads.map((load) => load.steps[key] ?? Number.NaN))])),
    jsHeap: median(loads.map((load) => load.memory.jsHeap)),
    wasmMemory: median(loads.map((load) => load.memory.wasmMemory)),
    blinkHeap: median(loads.map((load) => load.memory.blinkHeap)),
  };
  summary.memory = summary.jsHeap + summary.wasmMemory;
  for (const kind of Object.keys(loads[0].interactions)) {
    const samples = loads.flatMap((load) => load.interactions[kind].samples);
    const work = samples.map((sample) => sample.sync + sample.frame);
    const sync = samples.map((sample) => sample.sync);
    summary[kind] = {
      count: samples.length,
      p50: percentile(work, 0.5),
      p95: percentile(work, 0.95),
      syncP50: percentile(sync, 0.5),
      syncP95: percentile(sync, 0.95),
      tasks: median(loads.map((load) => load.interactions[kind].taskMillisecondsAboveIdle)),
      drawsPerInteraction: samples.reduce((sum, sample) => sum + sample.draws, 0) / samples.length,
    };
  }
  return summary;
}

/**
 * Bytes that depend on the reader's language, read from the files (gzip level 9, as the server sends them):
 * a French or English reader's widget also fetches its texts file; and the Chart.js page, had it split its
 * data by language as the widget does, would fetch the dataset with the texts of one language only.
 */
function languageBytes() {
  const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
  const texts = readdirSync(path.join(ROOT, 'dist')).filter((name) => /^texts-\w+\.[0-9a-f]+\.json$/.test(name));
  const largestTexts = Math.max(0, ...texts.map((name) => gzip(readFileSync(path.join(ROOT, 'dist', name)))));
  const data = readFileSync(path.join(ROOT, 'data', 'campaign-2016.json'), 'utf8');
  const LANGUAGES = ['ar', 'fr', 'en'];
  const oneLanguage = (value) => {
    if (Array.isArray(value)) return value.map(oneLanguage);
    if (value === null || typeof value !== 'object') return value;
    const keys = Object.keys(value);
    if (keys.length && keys.every((key) => LANGUAGES.includes(key))) return { ar: value.ar };
    return Object.fromEntries(keys.map((key) => [key, oneLanguage(value[key])]));
  };
  return {
    largestTexts,
    wholeData: gzip(Buffer.from(data)),
    arabicData: gzip(Buffer.from(JSON.stringify(oneLanguage(JSON.parse(data)), null, 2))),
  };
}

/** Where the benchmark's server finds the file of a URL path (the routes of main()). */
const ROUTES = [
  ['/dist/', path.join(ROOT, 'dist')],
  ['/bench/', path.join(ROOT, 'bench')],
  ['/build/', BUILD],
  ['/data/', path.join(ROOT, 'data')],
];

/**
 * A page's responses as Brotli would send them (quality 11): the build's own `.br` copy for a file of dist/, the
 * file compressed here for the others. The server sends gzip, which every host can; this is what a host serving
 * Brotli to the browsers that accept it (all current ones) would send instead.
 */
function brotliBytes(resources) {
  return resources.reduce((sum, resource) => {
    const route = ROUTES.find(([prefix]) => resource.url.startsWith(prefix));
    if (!route) throw new Error(`brotliBytes: no folder serves ${resource.url}`);
    const file = path.join(route[1], resource.url.slice(route[0].length));
    if (existsSync(`${file}.br`)) return sum + statSync(`${file}.br`).size;
    return sum + brotliCompressSync(readFileSync(file), { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY } }).length;
  }, 0);
}

const kilobytes = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const megabytes = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;
const milliseconds = (value) => `${value.toFixed(value < 1 ? 3 : value < 10 ? 2 : 1)} ms`;

/** The widget's first draw, step by step, in milliseconds from the navigation's start (medians of the loads). */
function breakdown(steps) {
  const at = (value) => (Number.isFinite(value) ? milliseconds(value) : '–');
  const between = (from, to) => (Number.isFinite(from) && Number.isFinite(to) ? milliseconds(to - from) : '–');
  return [
    `| loader script arrived | ${at(steps.loaderArrived)} |`,
    `| element starts (chunk, wasm and texts requested) | ${at(steps.start)} (+${between(steps.loaderArrived, steps.start)}) |`,
    `| wasm requested → arrived (network) | ${at(steps.wasmRequested)} → ${at(steps.wasmArrived)} (${between(steps.wasmRequested, steps.wasmArrived)}) |`,
    `| widget chunk arrived | ${at(steps.chunkArrived)} |`,
    `| wasm compiled and instantiated (streaming: compiling overlaps the download) | ${at(steps.wasmReady)} (+${between(steps.wasmArrived, steps.wasmReady)} after it arrived) |`,
    `| dataset and texts ready, handle made | ${at(steps.datasetReady)} (+${between(steps.wasmReady, steps.datasetReady)}) |`,
    `| first render call: layout and draw in Rust, canvas sized | ${Number.isFinite(steps.firstRender) ? milliseconds(steps.firstRender) : '–'} |`,
  ];
}

function table(results, settings, profile) {
  const { widget, chartjs, floor } = results;
  const targets = TARGETS[profile] ?? {};
  const language = languageBytes();
  const ratio = (page, value) => value(page) / value(chartjs);
  const rows = [];
  const verdictOf = (value, target, unit = '×') => (target === undefined ? '' : `≤ ${target.toFixed(2)}${unit} ${value <= target ? 'pass' : 'FAIL'}`);
  const row = (label, value, format, target, widgetRatio = ratio(widget, value)) => {
    rows.push([label, format(value(widget)), format(value(chartjs)), format(value(floor)), `${widgetRatio.toFixed(2)}×`, `${ratio(floor, value).toFixed(2)}×`, verdictOf(widgetRatio, target)]);
  };
  row('bytes transferred (gzip)', (page) => page.bytes, kilobytes, targets.bytes);
  row('the same, Brotli (dist/*.br; the others compressed alike)', (page) => brotliBytes(page.resources), kilobytes);
  // The widget's first picture is its static SVG; Chart.js has none before its first draw, the comparison the issue sets.
  row('first picture (first contentful paint)', (page) => page.firstPicture, milliseconds, targets.firstPicture, widget.firstPicture / chartjs.firstDraw);
  row('first complete (interactive) draw', (page) => page.firstDraw, milliseconds, targets.firstDraw);
  rows.push(['layout shift until the first draw (CLS, worst load)', widget.layoutShift.toFixed(3), chartjs.layoutShift.toFixed(3), floor.layoutShift.toFixed(3), '', '', `= 0 ${widget.layoutShift === 0 ? 'pass' : 'FAIL'}`]);
  row('highlight a party: p50', (page) => page.highlight.p50, milliseconds);
  row('highlight a party: p95', (page) => page.highlight.p95, milliseconds, targets.redrawP95);
  row('hover a mark: p50', (page) => page.hover.p50, milliseconds);
  row('hover a mark: p95', (page) => page.hover.p95, milliseconds, profile === 'phone' ? undefined : targets.redrawP95);
  if (targets.hoverOverFloor !== undefined) {
    const overFloor = widget.hover.p95 / floor.hover.p95;
    rows.push(['hover a mark: p95, widget / no library', '', '', '', `${overFloor.toFixed(2)}×`, '', verdictOf(overFloor, targets.hoverOverFloor)]);
  }
  for (const [kind, label] of [['view', 'switch view matrix ↔ party'], ['lang', 'switch language ar ↔ fr (both loaded)']]) {
    if (!widget[kind]) continue;
    rows.push([`widget only: ${label}, p95`, milliseconds(widget[kind].p95), '', '', '', '', verdictOf(widget[kind].p95, targets.switchP95Milliseconds, ' ms')]);
  }
  row('JS heap + wasm memory', (page) => page.memory, megabytes, targets.memory);
  const lines = [
    `### Profile: ${profile}${PROFILES[profile] ? ` (CPU ${PROFILES[profile].cpuRate}× slower, ${PROFILES[profile].latency} ms round trip, ${(PROFILES[profile].download * 8 / 1e6).toFixed(1)} Mbit/s down, ${(PROFILES[profile].upload * 8 / 1e3).toFixed(0)} kbit/s up)` : ' (the machine as it is)'}`,
    '',
    '| | widget | Chart.js | no library | widget / Chart.js | no library / Chart.js | target |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ];
  const details = [
    '',
    `Interactions: ${widget.highlight.count} highlights and ${widget.hover.count} hovers per page (${settings.runs} loads × ${settings.interactions}), after ${WARM_UP} unrecorded each load; first draw and memory are medians of ${settings.runs} loads.`,
    '',
    '| details | widget | Chart.js | no library |',
    '|---|---:|---:|---:|',
    `| highlight: synchronous part p50 / p95 | ${milliseconds(widget.highlight.syncP50)} / ${milliseconds(widget.highlight.syncP95)} | ${milliseconds(chartjs.highlight.syncP50)} / ${milliseconds(chartjs.highlight.syncP95)} | ${milliseconds(floor.highlight.syncP50)} / ${milliseconds(floor.highlight.syncP95)} |`,
    `| highlight: CDP TaskDuration per interaction, above the idle loop's | ${milliseconds(widget.highlight.tasks)} | ${milliseconds(chartjs.highlight.tasks)} | ${milliseconds(floor.highlight.tasks)} |`,
    `| hover: synchronous part p50 / p95 | ${milliseconds(widget.hover.syncP50)} / ${milliseconds(widget.hover.syncP95)} | ${milliseconds(chartjs.hover.syncP50)} / ${milliseconds(chartjs.hover.syncP95)} | ${milliseconds(floor.hover.syncP50)} / ${milliseconds(floor.hover.syncP95)} |`,
    `| hover: CDP TaskDuration per interaction, above the idle loop's | ${milliseconds(widget.hover.tasks)} | ${milliseconds(chartjs.hover.tasks)} | ${milliseconds(floor.hover.tasks)} |`,
    `| idle loop: p50 / p95 of the same measure, doing nothing | ${milliseconds(widget.idle.p50)} / ${milliseconds(widget.idle.p95)} | ${milliseconds(chartjs.idle.p50)} / ${milliseconds(chartjs.idle.p95)} | ${milliseconds(floor.idle.p50)} / ${milliseconds(floor.idle.p95)} |`,
    `| highlight: completed draws per highlight | ${widget.highlight.drawsPerInteraction.toFixed(2)} | ${chartjs.highlight.drawsPerInteraction.toFixed(2)} | ${floor.highlight.drawsPerInteraction.toFixed(2)} |`,
    `| hover: canvas redraws per hover | ${widget.hover.drawsPerInteraction.toFixed(2)} | ${chartjs.hover.drawsPerInteraction.toFixed(2)} | ${floor.hover.drawsPerInteraction.toFixed(2)} |`,
    `| widget only: switch view matrix ↔ party, p50 / p95 | ${milliseconds(widget.view.p50)} / ${milliseconds(widget.view.p95)} | | |`,
    ...(widget.lang ? [`| widget only: switch language ar ↔ fr, both loaded, p50 / p95 | ${milliseconds(widget.lang.p50)} / ${milliseconds(widget.lang.p95)} | | |`] : []),
    `| JS heap | ${megabytes(widget.jsHeap)} | ${megabytes(chartjs.jsHeap)} | ${megabytes(floor.jsHeap)} |`,
    `| wasm memory | ${megabytes(widget.wasmMemory)} | ${megabytes(chartjs.wasmMemory)} | ${megabytes(floor.wasmMemory)} |`,
    `| Blink heap (DOM; not in the target) | ${megabytes(widget.blinkHeap)} | ${megabytes(chartjs.blinkHeap)} | ${megabytes(floor.blinkHeap)} |`,
    `| bytes with HTTP headers (CDP) | ${kilobytes(widget.bytesWithHeaders)} | ${kilobytes(chartjs.bytesWithHeaders)} | ${kilobytes(floor.bytesWithHeaders)} |`,
    `| bytes for a reader in French or English: the widget adds its texts file (${kilobytes(language.largestTexts)}); ratio to Chart.js | ${kilobytes(widget.bytes + language.largestTexts)} (${((widget.bytes + language.largestTexts) / chartjs.bytes).toFixed(2)}×) | | |`,
    `| bytes if the Chart.js page fetched its data in the reader's language only, as the widget does (${kilobytes(language.arabicData)} instead of ${kilobytes(language.wholeData)}); widget's ratio to it | ${((widget.bytes) / (chartjs.bytes - language.wholeData + language.arabicData)).toFixed(2)}× | ${kilobytes(chartjs.bytes - language.wholeData + language.arabicData)} | |`,
    '',
    '| the widget\'s first draw, step by step (ms from navigation start; medians) | |',
    '|---|---|',
    ...breakdown(widget.steps),
    '',
    '| responses (gzip / raw) | page |',
    '|---|---|',
    ...PAGES.flatMap((page) => results[page.name].resources.map((resource) => `| ${resource.url}: ${kilobytes(resource.gzip)} / ${kilobytes(resource.raw)} | ${page.title} |`)),
  ];
  return [...lines, ...details].join('\n');
}

/**
 * The scale job's pages: for each party count, the generated dataset, the widget's page reading it through `src`
 * (no static picture: the build has none of a generated dataset) and Chart.js's page fetching it.
 */
function scalePages(counts, widgetPage) {
  const source = JSON.parse(readFileSync(path.join(ROOT, 'data', 'campaign-2016.json'), 'utf8'));
  return counts.map((parties) => {
    const dataset = generateDataset(source, parties);
    writeFileSync(path.join(BUILD, `scale-${parties}.json`), JSON.stringify(dataset));
    const element = /<campaign-explainer id="chart"[^>]*>.*<\/campaign-explainer>/;
    const partiesLine = /const parties = \[[^\]]*\];/;
    if (!element.test(widgetPage) || !partiesLine.test(widgetPage)) throw new Error('bench/widget.html: the element or the parties line the scale job rewrites is not there');
    writeFileSync(path.join(BUILD, `scale-widget-${parties}.html`), widgetPage
      .replace(element, `<campaign-explainer id="chart" view="matrix" lang="ar" loading="eager" src="/build/scale-${parties}.json"></campaign-explainer>`)
      .replace(partiesLine, `const parties = ${JSON.stringify(dataset.parties.map((party) => party.id))};`));
    return {
      parties, marks: parties * MAX_TACTICS, facts: dataset.facts.length,
      pages: [
        { name: 'widget', title: 'widget', url: `/build/scale-widget-${parties}.html` },
        { name: 'chartjs', title: 'Chart.js', url: `/bench/chartjs.html?data=/build/scale-${parties}.json` },
      ],
    };
  });
}

/** The scale job's tables: each party count's numbers, then how each grows from one count to the next. */
function scaleTable(jobs, results, profile) {
  const lines = [
    `### Scale, profile ${profile}: generated datasets of ${MAX_TACTICS} tactics and 100 facts per party; a mark for each party × tactic`,
    '',
    '| parties (marks, facts) | first draw: widget / Chart.js (ratio) | widget: dataset read and validated / first render call | highlight p95: widget / Chart.js (ratio) | memory: widget / Chart.js (ratio) |',
    '|---|---:|---:|---:|---:|',
  ];
  const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
  for (const job of jobs) {
    const { widget, chartjs } = results[job.parties];
    lines.push(`| ${job.parties} (${job.marks.toLocaleString('en')}, ${job.facts.toLocaleString('en')}) | ${milliseconds(widget.firstDraw)} / ${milliseconds(chartjs.firstDraw)} (${ratio(widget.firstDraw, chartjs.firstDraw)}) | ${milliseconds(widget.steps.datasetReady - widget.steps.wasmReady)} / ${milliseconds(widget.steps.firstRender)} | ${milliseconds(widget.highlight.p95)} / ${milliseconds(chartjs.highlight.p95)} (${ratio(widget.highlight.p95, chartjs.highlight.p95)}) | ${megabytes(widget.memory)} / ${megabytes(chartjs.memory)} (${ratio(widget.memory, chartjs.memory)}) |`);
  }
  // Linear in the marks means a value grows at most as the marks do from one count to the next; the cost of each
  // added 1,000 marks shows a growth the page's fixed costs would hide (it rises from step to step if worse than linear).
  const measures = [
    ['widget: first draw', (result) => result.widget.firstDraw, milliseconds],
    ['widget: dataset read and validated', (result) => result.widget.steps.datasetReady - result.widget.steps.wasmReady, milliseconds],
    ['widget: first render call (layout, draw)', (result) => result.widget.steps.firstRender, milliseconds],
    ['widget: highlight p95', (result) => result.widget.highlight.p95, milliseconds],
    ['widget: memory', (result) => result.widget.memory, megabytes],
    ['Chart.js: first draw', (result) => result.chartjs.firstDraw, milliseconds],
    ['Chart.js: highlight p95', (result) => result.chartjs.highlight.p95, milliseconds],
    ['Chart.js: memory', (result) => result.chartjs.memory, megabytes],
  ];
  lines.push('', `| growth (${profile}) | ${jobs.slice(1).map((job, index) => `${jobs[index].parties} → ${job.parties} parties: marks ×${(job.marks / jobs[index].marks).toFixed(1)}`).join(' | ')} |`,
    `|---|${jobs.slice(1).map(() => '---:').join('|')}|`);
  for (const [label, value, format] of measures) {
    const cells = jobs.slice(1).map((job, index) => {
      const before = value(results[jobs[index].parties]);
      const after = value(results[job.parties]);
      const perThousand = ((after - before) / (job.marks - jobs[index].marks)) * 1000;
      const verdict = after / before <= (job.marks / jobs[index].marks) * 1.1 ? '' : ' worse than linear';
      return `×${(after / before).toFixed(2)}, +${format(Math.max(0, perThousand))} per 1,000 marks${verdict}`;
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** The bytes of the job with each library, gzip and Brotli, and the first draw of each (Plot measured on its own). */
function bytesTable(results, profile) {
  const pages = [...PAGES.filter((page) => page.name !== 'floor'), PLOT_PAGE, PAGES.find((page) => page.name === 'floor')];
  const lines = [
    `| bytes and first draw (${profile}) | gzip | Brotli | gzip / widget's | first complete draw |`,
    '|---|---:|---:|---:|---:|',
  ];
  for (const page of pages) {
    const result = results[page.name];
    lines.push(`| ${page.title}: ${result.resources.map((resource) => resource.url).join(', ')} | ${kilobytes(result.bytes)} | ${kilobytes(brotliBytes(result.resources))} | ${(result.bytes / results.widget.bytes).toFixed(2)}× | ${milliseconds(result.firstDraw)} |`);
  }
  // Plot as its documentation has a page include it: d3 and Plot's minified scripts from a CDN, whole, then the data.
  const data = results.plot.resources.filter((resource) => resource.url.startsWith('/data/'));
  const cdn = ['node_modules/d3/dist/d3.min.js', 'node_modules/@observablehq/plot/dist/plot.umd.min.js'].map((file) => readFileSync(path.join(ROOT, file)));
  const cdnGzip = cdn.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0) + data.reduce((sum, resource) => sum + resource.gzip, 0);
  const cdnBrotli = cdn.reduce((sum, bytes) => sum + brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY } }).length, 0) + brotliBytes(data);
  lines.push(`| Observable Plot as its documentation includes it: d3.min.js and plot.umd.min.js (a CDN's), the data (not loaded; files of node_modules) | ${kilobytes(cdnGzip)} | ${kilobytes(cdnBrotli)} | ${(cdnGzip / results.widget.bytes).toFixed(2)}× | |`);
  return lines.join('\n');
}

async function main() {
  const settings = options();
  if (settings.build) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  mkdirSync(BUILD, { recursive: true });
  await bundleLibraries();
  // The widget's page with this build's preload of its wasm, as dist/embed-code.txt writes it.
  // The widget's wasm, not the newsroom builder's (campaign_explainer_builder_bg.*.wasm).
  const wasmFile = readdirSync(path.join(ROOT, 'dist')).find((name) => /^campaign_explainer_bg\.\w+\.wasm$/.test(name));
  const widgetPage = readFileSync(path.join(ROOT, 'bench', 'widget.html'), 'utf8')
    .replace('<!-- wasm preload -->', wasmPreload(`/dist/${wasmFile}`).trim())
    .replace('<!-- static picture -->', pictureHtml().replaceAll('="static/', '="/dist/static/'));
  writeFileSync(path.join(BUILD, 'widget.html'), widgetPage);
  const scaleJobs = settings.scale ? scalePages(settings.scale, widgetPage) : null;
  const server = await serve({
    routes: ROUTES.map(([prefix, directory]) => ({ prefix, directory: directory + path.sep })),
    gzip: true,
    // Cross-origin isolation gives performance.now() its fine resolution (5 µs instead of 100 µs).
    headers: () => ({ 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }),
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const launched = await launchBrowser('chromium');
  // The harness wraps the engine in its driver layer; the benchmark needs Playwright's own browser for CDP.
  const browser = launched.native ?? launched;
  const version = browser.version();
  for (const profile of settings.profiles) {
    if (!(profile in PROFILES)) throw new Error(`--profiles: unknown profile ${JSON.stringify(profile)}, expected ${Object.keys(PROFILES).join(' or ')}`);
  }
  if (scaleJobs) {
    try {
      await measureScale(browser, origin, settings, scaleJobs);
    } finally {
      await launched.close();
      server.close();
    }
    return;
  }
  const loads = Object.fromEntries(settings.profiles.map((profile) => [profile, Object.fromEntries([...PAGES, PLOT_PAGE].map((page) => [page.name, []]))]));
  console.log(`bench: ${settings.runs} loads of each page per profile (${settings.profiles.join(', ')}), load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  try {
    for (let run = 1; run <= settings.runs; run += 1) {
      for (const profile of settings.profiles) {
        for (const page of PAGES) {
          const load = await measurePage(browser, origin, page, settings, profile);
          loads[profile][page.name].push(load);
          console.log(`bench: run ${run} ${profile} ${page.title}: first picture ${milliseconds(load.firstPicture)}, first draw ${milliseconds(load.firstDraw)}, ${kilobytes(load.bytes)}, highlight p95 ${milliseconds(percentile(load.interactions.highlight.samples.map((sample) => sample.sync + sample.frame), 0.95))}`);
        }
        const plot = await measurePage(browser, origin, PLOT_PAGE, settings, profile, []);
        loads[profile].plot.push(plot);
        console.log(`bench: run ${run} ${profile} ${PLOT_PAGE.title}: first draw ${milliseconds(plot.firstDraw)}, ${kilobytes(plot.bytes)}`);
      }
    }
  } finally {
    await launched.close();
    server.close();
  }
  console.log(`\nChromium ${version}, load average after ${loadavg().map((load) => load.toFixed(2)).join(' ')}\n`);
  const results = {};
  for (const profile of settings.profiles) {
    results[profile] = Object.fromEntries([...PAGES, PLOT_PAGE].map((page) => [page.name, summarise(loads[profile][page.name])]));
    console.log(table(results[profile], settings, profile));
    console.log('');
    console.log(bytesTable(results[profile], profile));
    console.log('');
  }
  if (settings.json) writeFileSync(settings.json, JSON.stringify({ settings, results, loads }, null, 1));
}

/** The scale job: every party count's two pages, in turn, `--runs` times; then its tables. */
async function measureScale(browser, origin, settings, jobs) {
  console.log(`bench --scale: ${jobs.map((job) => job.parties).join(', ')} parties, ${settings.runs} loads of each page per profile (${settings.profiles.join(', ')}), load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  const loads = {};
  for (let run = 1; run <= settings.runs; run += 1) {
    for (const profile of settings.profiles) {
      for (const job of jobs) {
        for (const page of job.pages) {
          const load = await measurePage(browser, origin, page, settings, profile, ['idle', 'highlight']);
          ((loads[profile] ??= {})[job.parties] ??= { widget: [], chartjs: [] })[page.name].push(load);
          console.log(`bench: run ${run} ${profile} ${job.parties} parties ${page.title}: first draw ${milliseconds(load.firstDraw)}, highlight p95 ${milliseconds(percentile(load.interactions.highlight.samples.map((sample) => sample.sync + sample.frame), 0.95))}, memory ${megabytes(load.memory.jsHeap + load.memory.wasmMemory)}`);
        }
      }
    }
  }
  console.log(`\nChromium ${browser.version()}, load average after ${loadavg().map((load) => load.toFixed(2)).join(' ')}\n`);
  const results = {};
  for (const profile of settings.profiles) {
    results[profile] = Object.fromEntries(jobs.map((job) => [job.parties, { widget: summarise(loads[profile][job.parties].widget), chartjs: summarise(loads[profile][job.parties].chartjs) }]));
    console.log(scaleTable(jobs, results[profile], profile));
    console.log('');
  }
  if (settings.json) writeFileSync(settings.json, JSON.stringify({ settings, results, loads }, null, 1));
}

await main();
