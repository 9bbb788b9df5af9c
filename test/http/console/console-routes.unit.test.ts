import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSOLE_CSP, consoleRoutes, defaultConsoleFiles } from '../../../src/http/console-routes.js';
import { createHttpApp } from '../../../src/http/create-app.js';
import { createMetricsRegistry } from '../../../src/platform/metrics.js';
import { listen, type Listening } from '../../support/http.js';
import { testLogger } from '../../support/test-config.js';

describe('console routes', () => {
  let server: Listening;

  before(async () => {
    const app = createHttpApp({ log: testLogger(), metrics: createMetricsRegistry(), readiness: [], routers: [consoleRoutes()] });
    server = await listen(app);
  });
  after(() => server.close());

  it('when the page, a module or the stylesheet is fetched, then each carries the console security headers', async () => {
    for (const [path, type] of [
      ['/console', /text\/html/],
      ['/console/', /text\/html/],
      ['/console/app.js', /text\/javascript/],
      ['/console/report-sections.js', /text\/javascript/],
      ['/console/console.css', /text\/css/],
    ] as const) {
      const res = await fetch(`${server.url}${path}`);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-type') ?? '', type, path);
      assert.equal(res.headers.get('content-security-policy'), CONSOLE_CSP, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
      assert.equal(res.headers.get('cache-control'), 'no-store', path);
      assert.equal(res.headers.get('x-frame-options'), 'DENY', path);
    }
  });

  it('when the page is served, then it loads only same-origin module script and stylesheet, with no inline script or style', async () => {
    const html = await (await fetch(`${server.url}/console`)).text();
    assert.match(html, /<script type="module" src="\/console\/app\.js"><\/script>/);
    assert.doesNotMatch(html, /<script>|<style|\sstyle=|\son[a-z]+=/i);
  });

  it('when a source map, a declaration or a path outside the folders is asked for, then the answer is 404 problem+json', async () => {
    for (const path of ['/console/app.js.map', '/console/app.d.ts', '/console/..%2Fconsole-routes.js', '/console/%2e%2e/compose.js']) {
      const res = await fetch(`${server.url}${path}`);
      assert.equal(res.status, 404, path);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/, path);
    }
  });

  it('when the compiled script is missing, then building the router fails and says to build', () => {
    const empty = mkdtempSync(join(tmpdir(), 'console-'));
    assert.throws(() => consoleRoutes({ ...defaultConsoleFiles(), scriptDir: empty }), /run npm run build/);
  });
});
