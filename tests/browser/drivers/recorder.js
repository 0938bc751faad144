// Served by the test server as /__harness/recorder.js and put first in the <head> of every HTML page it
// serves (a same-origin file, so a strict script-src 'self' allows it), and also installed as an init
// script where the engine's driver has one. It records the widgets' events into window.widgetEvents, and
// reports what went wrong in the page to the test server, for engines whose driver cannot listen to the
// page (WebDriver classic): console.error calls, uncaught errors and rejections, CSP violations and
// resources fetched from another origin. A synchronous request, so the report reaches the test before the
// page runs on, and before any later driver command can answer.
(() => {
  if (window.widgetEvents) return;
  window.widgetEvents = [];
  for (const type of ['explainer:render', 'explainer:select', 'explainer:error']) {
    document.addEventListener(type, (event) => window.widgetEvents.push({ type, id: event.target.id, detail: event.detail }), true);
  }
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  const report = (text) => {
    try {
      const request = new XMLHttpRequest();
      request.open('POST', '/__harness/problem', false);
      request.setRequestHeader('Content-Type', 'text/plain;charset=utf-8');
      request.send(String(text).slice(0, 2000));
    } catch {
      // The page is going away, or the server is not the harness's: nothing to record into.
    }
  };
  const describe = (value) => (value instanceof Error ? value.message : typeof value === 'object' && value !== null ? (() => { try { return JSON.stringify(value); } catch { return String(value); } })() : String(value));
  const consoleError = console.error;
  console.error = function error(...values) {
    report(`console: ${values.map(describe).join(' ')}`);
    return consoleError.apply(this, values);
  };
  window.addEventListener('error', (event) => {
    if (event instanceof ErrorEvent) report(`page error: ${event.message}`);
  }, true);
  window.addEventListener('unhandledrejection', (event) => report(`page error: ${describe(event.reason)}`));
  // The test server adds a report-only policy of 'self' to every page: a 'report' violation is a request to
  // another origin (allowed through, but recorded); an 'enforce' one is the page's own policy blocking something.
  document.addEventListener('securitypolicyviolation', (event) => {
    if (event.disposition === 'report') report(`request left the origin: ${event.blockedURI} (${event.effectiveDirective})`);
    else report(`console: Content-Security-Policy blocked ${event.blockedURI || 'inline code'} (${event.effectiveDirective})`);
  }, true);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const url = new URL(entry.name, location.href);
        if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== location.origin) report(`request left the origin: ${entry.name}`);
      }
    }).observe({ type: 'resource', buffered: true });
  } catch {
    // No resource timing: the server still records every response it sends.
  }
})();
