// Benchmark page script (bundled with Observable Plot by scripts/bench.mjs): the job of bench/chartjs.js done
// with Plot, for the bytes a newsroom would ship with it. A dot matrix of parties x tactics (used, reported as
// not used, not reported) and stacked bars of the tactics each party used, by category, with tooltips;
// highlighting a party draws both again (Plot's figures are redrawn, not updated). Only the marks this job uses
// are imported, so the bundle is tree-shaken the way a careful newsroom build would be.
import { barY, dot, plot, pointer, tip } from '@observablehq/plot';

const lang = document.documentElement.lang;
const CATEGORY_COLOURS = ['#1b4f8c', '#c0392b', '#2e8b57', '#8e44ad', '#d35400', '#16a085', '#7f8c8d', '#b7950b', '#34495e'];
// A party not highlighted is drawn faded, as on the Chart.js page.
const FADED_OPACITY = 0.35;
// Plot has no dash symbol, which the widget and Chart.js draw for "not reported": a small plus is the nearest.
const SYMBOLS = { used: 'circle', not_used: 'times', none: 'plus' };
const COLOURS = { used: '#1b4f8c', not_used: '#c0392b', none: '#777777' };

let draws = 0;
// The built-in dataset, or a generated one (`?data=` a path on the same server), as bench/chartjs.js.
const data = await (await fetch(new URLSearchParams(location.search).get('data') ?? '/data/campaign-2016.json')).json();
const partyLabels = data.parties.map((party) => (party.short_name ?? party.name)[lang]);
const tacticLabels = data.tactics.map((tactic) => tactic.name[lang]);
const factOf = new Map(data.facts.map((fact) => [`${fact.party} ${fact.tactic}`, fact]));
const categoryOf = new Map(data.tactics.map((tactic) => [tactic.id, tactic.category]));
const categoryName = new Map(data.categories.map((category) => [category.id, category.name[lang]]));

// One point per party and tactic, as the Chart.js page has.
const points = data.parties.flatMap((party, partyIndex) => data.tactics.map((tactic, tacticIndex) => {
  const fact = factOf.get(`${party.id} ${tactic.id}`);
  // `not_yet_used` is drawn as not used, as the widget draws it.
  const status = !fact ? 'none' : fact.status === 'used' ? 'used' : 'not_used';
  return { party: partyLabels[partyIndex], partyIndex, tactic: tacticLabels[tacticIndex], status, text: fact?.text[lang] ?? '' };
}));
const used = data.facts.filter((fact) => fact.status === 'used').map((fact) => ({
  party: partyLabels[data.parties.findIndex((party) => party.id === fact.party)],
  category: categoryName.get(categoryOf.get(fact.tactic)),
}));
const partyIndexOf = new Map(partyLabels.map((label, index) => [label, index]));

const matrixBox = document.getElementById('matrix');
const barsBox = document.getElementById('bars');
let highlighted = -1;
const shown = (index) => highlighted < 0 || index === highlighted;

function draw() {
  const matrix = plot({
    width: 720,
    height: Math.max(640, 28 * data.tactics.length + 80),
    // Right to left, as the page: the tactics' names on the right, the first party next to them. The figure is
    // laid out left to right (Plot anchors its labels so; the Arabic inside them is still shaped right to left).
    style: { direction: 'ltr' },
    marginLeft: 20,
    marginRight: 260,
    x: { domain: partyLabels, axis: 'top', label: null, reverse: lang === 'ar' },
    y: { domain: tacticLabels, label: null, axis: 'right' },
    marks: [
      dot(points, {
        x: 'party', y: 'tactic', r: 6, strokeWidth: 2,
        symbol: (point) => SYMBOLS[point.status],
        stroke: (point) => COLOURS[point.status],
        fill: (point) => (point.status === 'used' ? COLOURS.used : 'none'),
        strokeOpacity: (point) => (shown(point.partyIndex) ? 1 : FADED_OPACITY),
        fillOpacity: (point) => (shown(point.partyIndex) ? 1 : FADED_OPACITY),
      }),
      tip(points, pointer({ x: 'party', y: 'tactic', title: (point) => point.text || point.status })),
    ],
  });
  const bars = plot({
    width: 720,
    height: 320,
    style: { direction: 'ltr' },
    x: { domain: partyLabels, label: null, reverse: lang === 'ar' },
    y: { label: null, grid: true },
    color: { domain: data.categories.map((category) => category.name[lang]), range: CATEGORY_COLOURS, legend: true },
    marks: [
      barY(used, {
        x: 'party', y: 1, fill: 'category', fillOpacity: (row) => (shown(partyIndexOf.get(row.party)) ? 1 : FADED_OPACITY),
      }),
    ],
  });
  matrixBox.replaceChildren(matrix);
  barsBox.replaceChildren(bars);
  draws += 2;
}

draw();
const firstDraw = performance.now();

// window.bench: the hooks every benchmark page offers (see scripts/bench.mjs).
window.bench = {
  firstDraw,
  draws: () => draws,
  parties: data.parties.length,
  highlight(index) {
    highlighted = index % data.parties.length;
    draw();
  },
  hoverPoints() {
    return [...matrixBox.querySelectorAll('g[aria-label="dot"] path')].map((node) => {
      const bounds = node.getBoundingClientRect();
      return [bounds.left + bounds.width / 2, bounds.top + bounds.height / 2];
    });
  },
  hover: (x, y) => matrixBox.querySelector('svg').dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, pointerType: 'mouse', isPrimary: true })),
};
