import { strict as assert } from 'node:assert';
import type { AuditRecord } from '../../../src/audit/audit-entry.js';
import { auditQueryString, DEFAULT_PAGE_SIZE, type AuditSearchInput } from '../../../src/http/console/audit-query.js';
import { auditRowCells, resourcesText } from '../../../src/http/console/audit-row.js';
import { describeVerification } from '../../../src/http/console/describe-verification.js';
import { problemFrom, problemMessage, ROLE_REFUSED_MESSAGE } from '../../../src/http/console/problem-message.js';
import { tokenClaims } from '../../../src/http/console/token-claims.js';

const blank: AuditSearchInput = { personId: '', caseId: '', actor: '', creditor: '', action: '', outcome: '', from: '', to: '', limit: '' };

describe('console formatting', () => {
  describe('audit query string', () => {
    it('when fields are empty, then only the page size is sent', () => {
      assert.equal(auditQueryString(blank), `limit=${DEFAULT_PAGE_SIZE}`);
    });

    it('when filters are typed with spaces around them, then they are trimmed and encoded', () => {
      const qs = new URLSearchParams(auditQueryString({ ...blank, action: ' case.read ', actor: 'a&b=c', outcome: 'denied', limit: '3' }, 42));
      assert.deepEqual(Object.fromEntries(qs), { action: 'case.read', actor: 'a&b=c', outcome: 'denied', limit: '3', after: '42' });
    });

    it('when times are given, then they are sent as ISO instants with an offset; an unreadable one is sent as typed', () => {
      const qs = new URLSearchParams(auditQueryString({ ...blank, from: '2026-06-10T10:00:00+08:00', to: 'yesterday' }));
      assert.equal(qs.get('from'), '2026-06-10T02:00:00.000Z');
      assert.equal(qs.get('to'), 'yesterday');
    });

    it('when the page size is out of range or not a number, then the default is used', () => {
      for (const limit of ['0', '501', 'ten', '-3']) {
        assert.equal(new URLSearchParams(auditQueryString({ ...blank, limit })).get('limit'), String(DEFAULT_PAGE_SIZE), limit);
      }
    });
  });

  describe('audit rows', () => {
    const record: AuditRecord = {
      chain: 'main',
      seq: 7,
      at: '2026-06-10T02:00:00.000Z',
      prevHash: 'a'.repeat(64),
      hash: 'b'.repeat(64),
      action: 'case.read',
      actor: { subject: '<b>x</b>', role: 'collector', creditor: 'acme' },
      outcome: 'denied',
      reason: 'CASE_NOT_FOUND',
      resources: { caseId: 'C-1', creditor: 'acme', personId: 'P-2' },
    };

    it('when a record is shown, then each column holds its value as plain text, in the table order', () => {
      assert.deepEqual(auditRowCells(record), [
        '7', '2026-06-10T02:00:00.000Z', '<b>x</b>', 'collector', 'acme', 'case.read', 'denied', 'CASE_NOT_FOUND', 'caseId=C-1 personId=P-2',
      ]);
    });

    it('when the resources name no creditor, then the acting collector\'s tenant is shown; absent values are empty', () => {
      const cells = auditRowCells({ ...record, reason: undefined, resources: undefined });
      assert.equal(cells[4], 'acme');
      assert.equal(cells[7], '');
      assert.equal(cells[8], '');
      assert.equal(resourcesText({ relayNumber: '+8617000000000', callId: '' }), 'relayNumber=+8617000000000');
    });
  });

  describe('verification summary', () => {
    const base = { chain: 'main', checkedCheckpoints: 1, headSeq: 12 };

    it('when the chain is intact, then the counts are given with the right plurals', () => {
      assert.deepEqual(describeVerification({ ...base, ok: true, checkedRecords: 12 }), {
        intact: true,
        headline: 'Chain intact: 12 records, 1 checkpoint',
      });
    });

    it('when a position is broken, then the headline names its seq and kind and the detail explains it', () => {
      const summary = describeVerification({
        ...base,
        ok: false,
        checkedRecords: 2,
        firstBroken: { seq: 3, kind: 'EDITED', detail: 'record 3: its hash does not match its contents' },
      });
      assert.equal(summary.intact, false);
      assert.equal(summary.headline, 'Chain broken at seq 3: EDITED');
      assert.equal(summary.detail, 'record 3: its hash does not match its contents (2 records verified before it)');
    });
  });

  describe('problem messages', () => {
    it("when the API refuses the token's role, then the officer reads that this token may not use the console", () => {
      const p = problemFrom(403, { code: 'ROLE_NOT_PERMITTED', title: 'Role not permitted', status: 403 });
      assert.equal(problemMessage(p), ROLE_REFUSED_MESSAGE);
    });

    it('when a route is missing, then the title is shown; a body that is not a problem still yields a message', () => {
      assert.equal(problemMessage(problemFrom(404, { code: 'ROUTE_NOT_FOUND', title: 'No such route' })), 'No such route');
      assert.equal(problemMessage(problemFrom(502, '<html>bad gateway</html>')), 'Request failed with status 502');
      assert.equal(problemMessage(problemFrom(401, { code: 'TOKEN_EXPIRED', title: 'Token expired' })), 'Sign in again: Token expired');
    });
  });

  describe('token claims for the signed-in line', () => {
    const encode = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

    it('when the token carries sub and role, then both are read without padding', () => {
      assert.deepEqual(tokenClaims(encode({ sub: 'officer-1', role: 'privacy_officer' })), { subject: 'officer-1', role: 'privacy_officer' });
    });

    it('when the token is not a JWT, then nothing is claimed', () => {
      assert.deepEqual(tokenClaims('not-a-token'), {});
      assert.deepEqual(tokenClaims('a.%%%.c'), {});
    });
  });
});
