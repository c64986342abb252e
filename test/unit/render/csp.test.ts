/** A VS Code webview's cspSource is a list of sources; the page must keep them (else the CSS is blocked). */
import assert from 'node:assert/strict';
import { contentSecurityPolicy } from '../../../src/core/render/page';

describe('content security policy for webviews', () => {
  const base = { title: 't', lang: 'en' as const, body: '', cssHref: 'x.css', cspNonce: 'abcdefgh12345678', scriptHref: 'p.js' };
  it("keeps each source of a webview's cspSource", () => {
    const csp = contentSecurityPolicy({ ...base, cspSource: "'self' https://*.vscode-cdn.net" });
    assert.match(csp, /^default-src 'none'/);
    assert.match(csp, /style-src [^;]*https:\/\/\*\.vscode-cdn\.net/);
    assert.match(csp, /img-src [^;]*https:\/\/\*\.vscode-cdn\.net/);
    assert.match(csp, /script-src 'nonce-abcdefgh12345678'/);
    assert.doesNotMatch(csp, /script-src[^;]*vscode-cdn/, 'scripts only by nonce');
  });
  it('drops a source that would end the directive', () => {
    const csp = contentSecurityPolicy({ ...base, cspSource: "https://ok.example; script-src *" });
    assert.doesNotMatch(csp, /script-src \*/);
  });
});
