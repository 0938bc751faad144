// The iframe page: configures its one widget from the query string and reports its height
// to the parent with the pym.js child protocol, so newsrooms' existing pym parents size the frame.
const widget = document.getElementById('explainer');
const parameters = new URLSearchParams(location.search);
for (const name of ['view', 'lang', 'party', 'versus', 'theme', 'src']) {
  const value = parameters.get(name);
  if (value !== null) widget.setAttribute(name, value);
}
if (parameters.get('lang')) document.documentElement.lang = parameters.get('lang');

const childId = parameters.get('childId');
if (childId && window.parent !== window) {
  let lastHeight = -1;
  const sendHeight = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    window.parent.postMessage(`pymxPYMx${childId}xPYMxheightxPYMx${height}`, '*');
  };
  new ResizeObserver(sendHeight).observe(document.documentElement);
  window.addEventListener('load', sendHeight);
  widget.addEventListener('explainer:render', sendHeight);
}
