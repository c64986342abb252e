// The only script of the preview and matrix webviews (loaded with the page's CSP nonce).
// Charter content never runs script; this turns clicks on internal links into messages for
// the extension, which reveals the line in the editor. Other links open through VS Code.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!target) return;
    const href = target.getAttribute('href') || '';
    if (href.indexOf('#charters-line-') === 0) {
      event.preventDefault();
      vscode.postMessage({ type: 'reveal', line: Number(href.slice('#charters-line-'.length)) });
    } else if (href.indexOf('#charters-open-') === 0) {
      event.preventDefault();
      vscode.postMessage({ type: 'open', index: Number(href.slice('#charters-open-'.length)) });
    } else if (href.charAt(0) === '#') {
      // an anchor inside the page: let the browser scroll
    } else {
      event.preventDefault();
      if (/^(https?:|mailto:)/i.test(href)) vscode.postMessage({ type: 'external', href: href });
    }
  });
})();
