// Benchmark page script (scripts/bench.mjs): the floor. The widget's dot matrix (tactics by category down,
// parties across) drawn straight onto a Canvas2D with no library, a highlight that redraws it, and a hover
// that finds the cell arithmetically; nothing can do the same job with less work, which is what it measures.
const lang = document.documentElement.lang;
const WIDTH = 720;
const ROW = 30;
const LABEL_WIDTH = 320;
const FONT = '13px sans-serif';

let draws = 0;
let resolveFirstDraw;
const firstDraw = new Promise((resolve) => { resolveFirstDraw = resolve; });

const data = await (await fetch('/data/campaign-2016.json')).json();
// Rows in reading order: a heading per category, then its tactics.
const rows = data.categories.flatMap((category) => [
  { heading: category.name[lang] },
  ...data.tactics.filter((tactic) => tactic.category === category.id).map((tactic) => ({ tactic })),
]);
const status = new Map(data.facts.map((fact) => [`${fact.party} ${fact.tactic}`, fact]));
const columnWidth = (WIDTH - LABEL_WIDTH) / data.parties.length;
const height = (rows.length + 1) * ROW;

const canvas = document.getElementById('matrix');
const ratio = window.devicePixelRatio || 1;
canvas.width = WIDTH * ratio;
canvas.height = height * ratio;
canvas.style.width = `${WIDTH}px`;
canvas.style.height = `${height}px`;
const context = canvas.getContext('2d');
let highlighted = -1;

// RTL like the page: labels on the right, parties from right to left.
const columnX = (party) => WIDTH - LABEL_WIDTH - (party + 0.5) * columnWidth;

function draw() {
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.fillStyle = '#fff';
  context.fillRect(0, 0, WIDTH, height);
  context.font = FONT;
  context.textBaseline = 'middle';
  if (highlighted >= 0) {
    context.fillStyle = '#eef3fa';
    context.fillRect(columnX(highlighted) - columnWidth / 2, 0, columnWidth, height);
  }
  context.textAlign = 'center';
  context.fillStyle = '#222';
  data.parties.forEach((party, index) => context.fillText((party.short_name ?? party.name)[lang], columnX(index), ROW / 2));
  context.textAlign = 'right';
  rows.forEach((row, index) => {
    const y = (index + 1.5) * ROW;
    if (row.heading) {
      context.fillStyle = '#f2f2f2';
      context.fillRect(0, y - ROW / 2, WIDTH, ROW);
      context.fillStyle = '#222';
      context.font = `bold ${FONT}`;
      context.fillText(row.heading, WIDTH - 6, y, LABEL_WIDTH - 12);
      context.font = FONT;
      return;
    }
    context.fillStyle = '#222';
    context.fillText(row.tactic.name[lang], WIDTH - 6, y, LABEL_WIDTH - 12);
    data.parties.forEach((party, partyIndex) => {
      const fact = status.get(`${party.id} ${row.tactic.id}`);
      const x = columnX(partyIndex);
      context.beginPath();
      if (fact?.status === 'used') {
        context.fillStyle = '#1b4f8c';
        context.arc(x, y, 7, 0, 2 * Math.PI);
        context.fill();
      } else if (fact) {
        context.strokeStyle = '#c0392b';
        context.lineWidth = 2;
        context.moveTo(x - 5, y - 5); context.lineTo(x + 5, y + 5);
        context.moveTo(x + 5, y - 5); context.lineTo(x - 5, y + 5);
        context.stroke();
      } else {
        context.strokeStyle = '#777';
        context.lineWidth = 1.5;
        context.moveTo(x - 4, y); context.lineTo(x + 4, y);
        context.stroke();
      }
    });
  });
  draws += 1;
  if (draws === 1) resolveFirstDraw(performance.now());
}

const tooltip = document.getElementById('tooltip');
canvas.addEventListener('pointermove', (event) => {
  const bounds = canvas.getBoundingClientRect();
  const x = event.clientX - bounds.left;
  const row = rows[Math.floor((event.clientY - bounds.top) / ROW) - 1];
  const party = Math.floor((WIDTH - LABEL_WIDTH - x) / columnWidth);
  if (!row?.tactic || x > WIDTH - LABEL_WIDTH || party < 0 || party >= data.parties.length) {
    tooltip.hidden = true;
    return;
  }
  const fact = status.get(`${data.parties[party].id} ${row.tactic.id}`);
  tooltip.textContent = fact ? fact.text[lang] : row.tactic.name[lang];
  tooltip.style.left = `${x}px`;
  tooltip.style.top = `${event.clientY - bounds.top - ROW}px`;
  tooltip.hidden = false;
});

draw();

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
    const bounds = canvas.getBoundingClientRect();
    return rows.flatMap((row, index) => (row.tactic ? data.parties.map((_, party) => [bounds.left + columnX(party), bounds.top + (index + 1.5) * ROW]) : []));
  },
  hover: (x, y) => canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, pointerType: 'mouse', isPrimary: true })),
};
