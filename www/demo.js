// The demo article: keeps the widget's state in the URL hash, and links the article's sentences with the chart's marks.
const STATE_ATTRIBUTES = ['view', 'party', 'versus', 'lang', 'theme', 'folded'];
const widget = document.getElementById('explainer');

function readHash() {
  const parameters = new URLSearchParams(location.hash.slice(1));
  for (const name of STATE_ATTRIBUTES) {
    const value = parameters.get(name);
    if (value !== null) widget.setAttribute(name, value);
  }
}

function writeHash(state) {
  const parameters = new URLSearchParams(location.hash.slice(1));
  for (const name of ['view', 'party', 'versus', 'lang']) {
    if (state[name]) parameters.set(name, state[name]);
  }
  // The matrix's folded categories are the element's attribute, not part of the render event's state.
  const folded = widget.getAttribute('folded');
  if (folded) parameters.set('folded', folded);
  else parameters.delete('folded');
  const hash = `#${parameters.toString()}`;
  if (hash !== location.hash) history.replaceState(null, '', hash);
}

function highlight(factId) {
  for (const sentence of document.querySelectorAll('.sentence.highlighted')) sentence.classList.remove('highlighted');
  const sentences = [...document.querySelectorAll('.sentence[data-facts]')].filter((sentence) => sentence.dataset.facts.split(' ').includes(factId));
  for (const sentence of sentences) sentence.classList.add('highlighted');
  if (sentences[0]) {
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    sentences[0].scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'center' });
    sentences[0].focus({ preventScroll: true });
  }
}

function selectSentence(sentence) {
  const facts = sentence.dataset.facts.split(' ');
  for (const sentenceElement of document.querySelectorAll('.sentence.highlighted')) sentenceElement.classList.remove('highlighted');
  sentence.classList.add('highlighted');
  // The matrix shows every fact, so switch to it when the current view does not show this one.
  if (!widget.selectFact(facts[0])) {
    widget.addEventListener('explainer:render', () => widget.selectFact(facts[0]), { once: true });
    widget.setAttribute('view', 'matrix');
  }
  widget.scrollIntoView({ block: 'nearest' });
}

/**
 * The story's chart box (dist/index.html) is shorter than most views: when a step brings another view or fact, the
 * box (never the page) shows the fact's mark, and its note under or beside it, or the view's top.
 */
const chartBox = widget.closest('.story-chart');
let shownStep = '';
function showStepInChart(state) {
  const step = `${state.view}|${state.party}|${state.versus}|${state.fact ?? ''}`;
  if (!chartBox || step === shownStep || chartBox.scrollHeight <= chartBox.clientHeight) return;
  shownStep = step;
  const behavior = window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  const marks = state.fact ? widget.explainer?.marks_of_fact(state.fact) ?? [] : [];
  const rect = marks.length ? widget.explainer.mark(marks[0])?.rect : null;
  const canvas = widget.shadowRoot?.querySelector('canvas');
  if (!rect || !canvas) {
    chartBox.scrollTo({ top: 0, behavior });
    return;
  }
  const markTop = canvas.getBoundingClientRect().top - chartBox.getBoundingClientRect().top + chartBox.scrollTop + rect[1];
  chartBox.scrollTo({ top: Math.max(0, markTop - chartBox.clientHeight / 4), behavior });
}

readHash();
window.addEventListener('hashchange', readHash);
widget.addEventListener('explainer:render', (event) => {
  writeHash(event.detail);
  showStepInChart(event.detail);
});
widget.addEventListener('explainer:read', (event) => highlight(event.detail.fact.id));
document.addEventListener('click', (event) => {
  const sentence = event.target.closest?.('.sentence[data-facts]');
  if (sentence) selectSentence(sentence);
});
document.addEventListener('keydown', (event) => {
  const sentence = event.target.closest?.('.sentence[data-facts]');
  if (sentence && (event.key === 'Enter' || event.key === ' ')) {
    event.preventDefault();
    selectSentence(sentence);
  }
});
