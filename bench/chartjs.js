// Benchmark page script (bundled with Chart.js by scripts/bench.mjs): the job a newsroom would otherwise
// give Chart.js. A dot matrix of parties x tactics and stacked bars of the tactics each party used, by
// category; highlighting a party redraws both. Only the Chart.js parts this job needs are registered,
// so the bundle is tree-shaken the way a careful newsroom build would be.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, PointElement, ScatterController, Tooltip } from 'chart.js';

Chart.register(ScatterController, BarController, PointElement, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const lang = document.documentElement.lang;
const CATEGORY_COLOURS = ['#1b4f8c', '#c0392b', '#2e8b57', '#8e44ad', '#d35400', '#16a085', '#7f8c8d', '#b7950b', '#34495e'];
const FADED = 'rgba(150, 150, 150, 0.35)';

let draws = 0;
let firstDrawDone = false;
let resolveFirstDraw;
const firstDraw = new Promise((resolve) => { resolveFirstDraw = resolve; });
const drawnCharts = new Set();
// Counts completed draws; the first complete draw is when both charts have drawn once.
const drawCounter = {
  id: 'drawCounter',
  afterDraw(chart) {
    draws += 1;
    drawnCharts.add(chart.canvas.id);
    if (drawnCharts.size === 2 && !firstDrawDone) {
      firstDrawDone = true;
      resolveFirstDraw(performance.now());
    }
  },
};

// The built-in dataset, or the one `npm run bench -- --scale` generates (`?data=` a path on the same server).
const data = await (await fetch(new URLSearchParams(location.search).get('data') ?? '/data/campaign-2016.json')).json();
const partyLabels = data.parties.map((party) => (party.short_name ?? party.name)[lang]);
const tacticLabels = data.tactics.map((tactic) => tactic.name[lang]);
let highlighted = -1;
// The facts by party and tactic, as a careful newsroom script would index them: looking each cell up in the
// list of facts would make the page's own preparation grow with parties × tactics × facts.
const factOf = new Map(data.facts.map((fact) => [`${fact.party} ${fact.tactic}`, fact]));
const categoryOf = new Map(data.tactics.map((tactic) => [tactic.id, tactic.category]));
// One row of the dot matrix per tactic, at the spacing of the built-in dataset's 20 tactics in 640 px.
const matrixBox = document.getElementById('matrix').parentElement;
matrixBox.style.height = `${Math.max(640, 28 * data.tactics.length + 80)}px`;

// One point per party and tactic: used, reported as not used, or not reported.
const points = { used: [], not_used: [], none: [] };
data.parties.forEach((party, partyIndex) => {
  data.tactics.forEach((tactic, tacticIndex) => {
    const fact = factOf.get(`${party.id} ${tactic.id}`);
    // `not_yet_used` is drawn as not used, as the widget draws it.
    points[!fact ? 'none' : fact.status === 'used' ? 'used' : 'not_used'].push({ x: partyLabels[partyIndex], y: tacticLabels[tacticIndex], party: partyIndex, text: fact?.text[lang] ?? '' });
  });
});
const colour = (base) => (context) => (highlighted < 0 || context.raw?.party === highlighted ? base : FADED);

const matrix = new Chart(document.getElementById('matrix'), {
  type: 'scatter',
  data: {
    datasets: [
      { label: 'used', data: points.used, pointStyle: 'circle', radius: 7, hoverRadius: 9, backgroundColor: colour('#1b4f8c'), borderColor: colour('#1b4f8c') },
      { label: 'not used', data: points.not_used, pointStyle: 'crossRot', radius: 7, hoverRadius: 9, borderWidth: 2, borderColor: colour('#c0392b') },
      { label: 'not reported', data: points.none, pointStyle: 'line', radius: 5, hoverRadius: 6, borderColor: colour('#777777') },
    ],
  },
  options: {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    scales: {
      x: { type: 'category', labels: partyLabels, position: 'top', offset: true },
      y: { type: 'category', labels: tacticLabels, offset: true, ticks: { autoSkip: false } },
    },
    plugins: { tooltip: { callbacks: { label: (item) => item.raw.text || item.dataset.label } } },
  },
  plugins: [drawCounter],
});

const bars = new Chart(document.getElementById('bars'), {
  type: 'bar',
  data: {
    labels: partyLabels,
    datasets: data.categories.map((category, categoryIndex) => ({
      label: category.name[lang],
      data: data.parties.map((party) => data.facts.filter((fact) => fact.party === party.id && fact.status === 'used'
        && categoryOf.get(fact.tactic) === category.id).length),
      backgroundColor: (context) => (highlighted < 0 || context.dataIndex === highlighted ? CATEGORY_COLOURS[categoryIndex % CATEGORY_COLOURS.length] : FADED),
    })),
  },
  options: {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    scales: { x: { stacked: true }, y: { stacked: true, ticks: { precision: 0 } } },
  },
  plugins: [drawCounter],
});

// window.bench: the hooks every benchmark page offers (see scripts/bench.mjs).
window.bench = {
  firstDraw,
  draws: () => draws,
  parties: data.parties.length,
  highlight(index) {
    highlighted = index % data.parties.length;
    matrix.update('none');
    bars.update('none');
  },
  hoverPoints() {
    const bounds = matrix.canvas.getBoundingClientRect();
    return matrix.data.datasets.flatMap((_, datasetIndex) => matrix.getDatasetMeta(datasetIndex).data.map((point) => [bounds.left + point.x, bounds.top + point.y]));
  },
  hover: (x, y) => matrix.canvas.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true })),
};
