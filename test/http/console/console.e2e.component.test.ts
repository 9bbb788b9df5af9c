import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { CONSOLE_CSP } from '../../../src/http/console-routes.js';
import { Neo4jGraph } from '../../../src/platform/neo4j-graph.js';
import { RelayFixture } from '../../relay/relay-fixture.js';
import { uniqueName } from '../../support/test-config.js';
import { tokenFor } from '../../support/tokens.js';
import { waitFor } from '../../support/wait.js';
import { CHROMIUM_PATH, chromiumAvailable, openBrowser, type ConsoleBrowser } from './console-browser.js';

const SCREENSHOT = 'test-output/console.png';
/** A collector's subject claim may hold markup; the console must show it as text and never run it. */
const HOSTILE_SUBJECT = `<img/src=x/onerror=document.title='pwned'>`;
const COLUMNS = 9;

/**
 * The privacy officer's console in headless Chromium against the whole service on the real servers.
 * The tests are one officer's session, in order: sign in, search and page, verify, notice a tamper,
 * try the subject panel, then a collector's token is turned away.
 */
describe('privacy officer console (Chromium, whole service)', function () {
  this.timeout(60_000);
  const fixture = new RelayFixture(5);
  const creditor = uniqueName('cred');
  let browser: ConsoleBrowser;
  let page: Page;

  before(async function () {
    if (!chromiumAvailable()) {
      console.log(`    skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`);
      this.skip();
    }
    await fixture.start();
    // Five reads of unknown cases by a collector: five `case.read` records, denied, oldest CASE-1.
    const collector = tokenFor('collector', creditor, HOSTILE_SUBJECT);
    for (let i = 1; i <= 5; i++) {
      const res = await fixture.call('GET', `/v1/cases/CASE-${i}`, collector);
      assert.equal(res.status, 404);
    }
    browser = await openBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await fixture.stop();
    if (fixture.config === undefined) return;
    const graph = new Neo4jGraph(fixture.config.neo4j);
    await graph.run(
      'MATCH (n) WHERE (n:AuditRecord OR n:AuditHead OR n:AuditCheckpoint OR n:AuditPublishCursor) AND n.chain = $chain DETACH DELETE n',
      { chain: fixture.config.audit.chain },
    );
    await graph.close();
  });

  it('when /console is requested, then the page comes with a strict CSP, nosniff, no-referrer and no-store', async () => {
    for (const path of ['/console', '/console/app.js', '/console/console.css']) {
      const res = await fetch(`${fixture.url}${path}`);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('content-security-policy'), CONSOLE_CSP, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
      assert.equal(res.headers.get('cache-control'), 'no-store', path);
    }
    assert.match((await fetch(`${fixture.url}/console/app.js`)).headers.get('content-type') ?? '', /javascript/);
    assert.equal((await fetch(`${fixture.url}/console/app.js.map`)).status, 404);
  });

  it('when an officer signs in and searches by action, then the records show newest first, as text, page by page', async () => {
    await page.goto(`${fixture.url}/console`);
    await signIn(page, tokenFor('privacy_officer'));
    await page.locator('#workspace').waitFor({ state: 'visible' });
    assert.match((await page.locator('#signed-in-as').textContent()) ?? '', /privacy_officer/);

    await page.locator('#audit-form input[name=action]').fill('case.read');
    await page.locator('#audit-form input[name=limit]').fill('3');
    await page.locator('#audit-form button[type=submit]').click();
    const first = await waitForRows(page, (rows) => rows.length === 3 && rows.every((r) => r[5] === 'case.read'));
    assert.deepEqual(
      first.map((r) => r[8]),
      [5, 4, 3].map((i) => `caseId=CASE-${i}`),
    );
    const [seq5, seq4, seq3] = first.map((r) => Number(r[0]));
    assert.ok(seq5! > seq4! && seq4! > seq3!, 'newest first');
    for (const row of first) {
      assert.deepEqual([row[2], row[3], row[4], row[6], row[7]], [HOSTILE_SUBJECT, 'collector', creditor, 'denied', 'CASE_NOT_FOUND']);
    }
    assert.equal(await page.locator('#audit-rows img').count(), 0, 'a subject holding markup must not become an element');

    await page.locator('#audit-older').click();
    const older = await waitForRows(page, (rows) => rows.length === 2);
    assert.deepEqual(older.map((r) => r[8]), ['caseId=CASE-2', 'caseId=CASE-1']);
    assert.equal(await page.locator('#audit-older').isDisabled(), true, 'no page older than the oldest');
    await page.locator('#audit-newest').click();
    await waitForRows(page, (rows) => rows.length === 3 && rows[0]?.[8] === 'caseId=CASE-5');
  });

  it('when the chain is verified, then it is intact; after one record is edited in the graph, its seq is shown as broken', async () => {
    await page.locator('#verify-form button[type=submit]').click();
    const intact = await verifyResult(page, /^Chain intact: \d+ records, \d+ checkpoints?$/);
    assert.equal(intact.tone, 'status status-ok');

    // Someone with database access turns the denial of CASE-3 into an allowance, in the record and its index copy.
    const seq = await tamper(fixture, 'CASE-3');
    await page.locator('#verify-form button[type=submit]').click();
    const broken = await verifyResult(page, new RegExp(`^Chain broken at seq ${seq}: EDITED`));
    assert.equal(broken.tone, 'status status-alert');
    assert.match(broken.text, /hash/);
  });

  it('when an unknown subject is opened, then the subject panel shows the problem title and nothing else', async () => {
    await page.locator('#subject-person').fill('P-0001');
    await page.locator('#subject-form button[type=submit]').click();
    const status = page.locator('#subject-status');
    await waitFor('the subject panel to report', () => status.textContent(), (t) => t !== null && !t.includes('Loading'), 10_000);
    assert.equal(await status.textContent(), 'No such data subject');
    assert.equal(await page.locator('#subject-report').textContent(), '');
    assert.equal(await page.locator('#workspace').isVisible(), true, 'an unknown subject does not end the session');

  });

  it('when restrict or erase is chosen, then an in-page confirmation comes first and erase needs the person id typed back', async () => {
    const subjectCalls: string[] = [];
    const onRequest = (req: { method(): string; url(): string }) => {
      if (new URL(req.url()).pathname.startsWith('/v1/subjects')) subjectCalls.push(req.method());
    };
    page.on('request', onRequest);
    await page.locator('#subject-restrict').click();
    const dialog = page.locator('#confirm-dialog');
    await dialog.waitFor({ state: 'visible' });
    assert.match((await dialog.textContent()) ?? '', /Restrict person P-0001 because the subject asked that communication cease/);
    await page.locator('#confirm-cancel').click();
    await dialog.waitFor({ state: 'hidden' });

    await page.locator('#subject-erase').click();
    await dialog.waitFor({ state: 'visible' });
    const erase = page.locator('#confirm-accept');
    assert.equal(await erase.isDisabled(), true);
    await page.locator('#confirm-input').fill('P-000');
    assert.equal(await erase.isDisabled(), true, 'a near miss does not arm erasure');
    await page.locator('#confirm-input').fill('P-0001');
    assert.equal(await erase.isDisabled(), false);
    await page.locator('#confirm-cancel').click();
    await dialog.waitFor({ state: 'hidden' });
    page.off('request', onRequest);
    assert.deepEqual(subjectCalls, [], 'nothing is sent for a cancelled confirmation');
  });

  it("when a real subject's report is opened and restricted after confirmation, then the report shows their sources and the graph holds the restriction", async () => {
    const debtor = await fixture.debtor();
    const found = await fixture.service.graph.run(
      'MATCH (:Record {key: $key})-[:RESOLVES_TO]->(p:Person) RETURN p.id AS id',
      { key: `demo-telco:${debtor.telcoRecordId}` },
    );
    const personId = found.records[0]!.get('id') as string;
    await page.locator('#subject-person').fill(personId);
    await page.locator('#subject-form button[type=submit]').click();
    const report = page.locator('#subject-report');
    await waitFor('the report', () => report.textContent(), (t) => t !== null && t.includes('demo-registry'), 10_000);
    const text = (await report.textContent()) ?? '';
    assert.ok(!text.includes(debtor.thirdParty), "a third party's number never appears in a report");
    assert.ok(!text.includes(debtor.nationalId), 'an id number is held only as an HMAC and never shown');

    await page.locator('#subject-restrict').click();
    await page.locator('#confirm-dialog').waitFor({ state: 'visible' });
    await page.locator('#confirm-accept').click();
    await waitFor(
      'the restriction to reach the graph',
      () => fixture.service.graph.run('MATCH (r:Record)-[:RESOLVES_TO]->(:Person {id: $personId}) RETURN collect(r.restrictions) AS r', { personId }),
      (r) => (r.records[0]!.get('r') as string[][]).every((list) => list.includes('cease_communication')),
      10_000,
    );
  });

  it('when the session is captured, then the screenshot shows the console after the tamper', async () => {
    mkdirSync('test-output', { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it("when a collector's token is used, then the console says it may not be used and shows no audit data", async () => {
    await page.locator('#sign-out').click();
    assert.equal(await page.locator('#workspace').isVisible(), false);
    assert.equal(await page.evaluate('sessionStorage.length'), 0, 'signing out forgets the token');

    const auditAnswers: number[] = [];
    page.on('response', (res) => {
      if (new URL(res.url()).pathname.startsWith('/v1/audit')) auditAnswers.push(res.status());
    });
    await signIn(page, tokenFor('collector', creditor));
    const status = page.locator('#console-status');
    await waitFor('the refusal', () => status.textContent(), (t) => t === 'This token may not use the console', 10_000);
    assert.equal(await page.locator('#workspace').isVisible(), false);
    assert.equal(await page.locator('#audit-rows tr').count(), 0);
    assert.deepEqual(auditAnswers, [403], 'the API, not the page, refused the audit log');
    assert.equal(await page.evaluate('sessionStorage.length'), 0, 'a refused token is not kept');

    assert.notEqual(await page.title(), 'pwned');
    assert.deepEqual(browser.errors.filter((e) => !/status of 40[34]/.test(e)), [], 'no script errors and no CSP violations');
  });
});

async function signIn(page: Page, token: string): Promise<void> {
  await page.locator('#token').fill(token);
  await page.locator('#sign-in-form button[type=submit]').click();
}

/** The table's cell texts, one array per row, in the order shown. */
async function tableRows(page: Page): Promise<string[][]> {
  const cells = await page.locator('#audit-rows td').allTextContents();
  const rows: string[][] = [];
  for (let i = 0; i < cells.length; i += COLUMNS) rows.push(cells.slice(i, i + COLUMNS));
  return rows;
}

function waitForRows(page: Page, accept: (rows: string[][]) => boolean): Promise<string[][]> {
  return waitFor('the audit table', () => tableRows(page), accept, 10_000, 100);
}

async function verifyResult(page: Page, headline: RegExp): Promise<{ text: string; tone: string }> {
  const result = page.locator('#verify-result');
  await waitFor('the verification', () => result.locator('strong').textContent(), (t) => t !== null && headline.test(t), 15_000);
  return { text: (await result.textContent()) ?? '', tone: (await result.getAttribute('class')) ?? '' };
}

async function tamper(fixture: RelayFixture, caseId: string): Promise<number> {
  const found = await fixture.service.graph.run(
    'MATCH (a:AuditRecord {chain: $chain, caseId: $caseId, action: "case.read"}) RETURN a.seq AS seq',
    { chain: fixture.config.audit.chain, caseId },
  );
  const seq = found.records[0]?.get('seq') as number | undefined;
  assert.ok(seq !== undefined, `an audit record for ${caseId}`);
  await fixture.service.graph.run(
    `MATCH (a:AuditRecord {chain: $chain, seq: $seq})
     SET a.canonical = replace(a.canonical, '"outcome":"denied"', '"outcome":"allowed"'), a.outcome = 'allowed'`,
    { chain: fixture.config.audit.chain, seq },
  );
  return seq;
}
