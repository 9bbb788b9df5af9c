import type { DemoClient, DemoResponse } from './demo-client.js';
import type { DemoDebtor } from './demo-population.js';
import { mask, type DemoReport } from './demo-report.js';

/** Everything one run of the demo created, with ids unique to the run so it can run again and again. */
export interface DemoRun {
  run: string;
  /** The creditor whose debtor is found, called and finally restricted. */
  bank: string;
  /** A second creditor, to show that creditors never see each other's cases. */
  lender: string;
  bankLine: string;
  lost: DemoDebtor;
  other: DemoDebtor;
  caseLost: string;
  caseUnknown: string;
  caseOther: string;
}

export interface Journey {
  client: DemoClient;
  report: DemoReport;
  demo: DemoRun;
}

export const collectorOf = (creditor: string) => ({ role: 'collector' as const, creditor });
export const ADMIN = { role: 'admin' as const };
export const TELEPHONY = { role: 'telephony' as const };
export const PRIVACY_OFFICER = { role: 'privacy_officer' as const };

function registerBody(caseId: string, d: DemoDebtor, withPhone: boolean) {
  return {
    caseId,
    debtor: {
      names: [{ full: d.name, script: 'Hans' }],
      birthDate: d.birthDate,
      nationalIds: [{ country: 'CN', type: 'CN_RIC', value: d.nationalId }],
      ...(withPhone ? { phones: [{ number: d.oldPhone }] } : {}),
    },
  };
}

/**
 * Registers (and re-registers: it is idempotent) until the case is reachable, because the events
 * were only just streamed and ingest resolves them within seconds.
 */
export async function registerUntilReachable(j: Journey, creditor: string, caseId: string, d: DemoDebtor, timeoutMs = 60_000): Promise<DemoResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await j.client.call('POST', '/v1/cases', collectorOf(creditor), registerBody(caseId, d, true));
    if (res.status !== 200 && res.status !== 201) j.report.fail('a', `registering case ${caseId} answered ${res.status}: ${res.text}`);
    if (res.body.reachability === 'reachable') return res;
    if (Date.now() > deadline) {
      j.report.fail('a', `case ${caseId} is still ${String(res.body.reachability)} after ${timeoutMs / 1000} s: is the service consuming ${'identity updates'} (check /metrics and recontact dlq)?`);
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

export async function setUpCreditors(j: Journey): Promise<void> {
  const { client, report, demo } = j;
  report.heading('-', 'creditors and their lines');
  const line = await client.call('POST', `/v1/creditors/${demo.bank}/lines`, ADMIN, { number: demo.bankLine });
  if (line.status !== 201 && line.status !== 200) report.fail('c', `registering ${demo.bank}'s line answered ${line.status}: ${line.text}`);
  report.line(`admin registered ${demo.bank}'s outbound line ${mask(demo.bankLine)}: only registered lines may call debtors through a relay`);
  report.line(`a second creditor, ${demo.lender}, collects from another debtor`);
}

/** a: the creditor's last number is dead; the operator's newer one makes the case reachable. */
export async function stepFound(j: Journey): Promise<void> {
  const { client, report, demo } = j;
  const d = demo.lost;
  report.heading('a', 'a lost-contact debtor is found');
  report.line(`${demo.bank} knows its debtor's name, birth date, id number and the number ${mask(d.oldPhone)}, which no longer answers`);
  const reached = await registerUntilReachable(j, demo.bank, demo.caseLost, d);
  report.service(`case ${demo.caseLost}: reachability ${String(reached.body.reachability)}, confidence ${Number(reached.body.confidence).toFixed(2)}`);
  report.line(`why: the registry ties name, birth date and id; the operator's subscriber record shares the old number (inactive for a month) and lists ${mask(d.newPhone)} as active`);
  report.line('the creditor is told only that the case is reachable: no number, name or person id is in the answer');

  const other = await registerUntilReachable(j, demo.lender, demo.caseOther, demo.other);
  report.service(`${demo.lender}'s case ${demo.caseOther}: ${String(other.body.reachability)}`);
  const unknown = await client.call('POST', '/v1/cases', collectorOf(demo.bank), {
    caseId: demo.caseUnknown,
    debtor: { names: [{ full: '无此人', script: 'Hans' }], birthDate: '1970-01-01' },
  });
  if (unknown.body.reachability !== 'unmatched') report.fail('a', `a case about nobody known should be unmatched, got ${unknown.text}`);
  report.service(`case ${demo.caseUnknown} about someone no provider reported: unmatched (it is re-matched later as data arrives)`);
  const foreign = await client.call('GET', `/v1/cases/${demo.caseLost}`, collectorOf(demo.lender));
  if (foreign.status !== 404) report.fail('a', `${demo.lender} read ${demo.bank}'s case: ${foreign.status} ${foreign.text}`);
  report.service(`${demo.lender} asks for ${demo.bank}'s case ${demo.caseLost}: 404 ${String(foreign.body.code)}, the same answer as for a case that does not exist`);
  report.passed('a', 'lost contact found', `case ${demo.caseLost} reachable`);
}

/** b: the collector gets a masked relay number, never the debtor's. */
export async function stepRelay(j: Journey): Promise<{ bindingId: string; relayNumber: string }> {
  const { client, report, demo } = j;
  report.heading('b', 'a masked relay number is issued');
  const res = await client.call('POST', `/v1/cases/${demo.caseLost}/relay`, collectorOf(demo.bank), { purpose: 'debt_collection', ttlSeconds: 3600 });
  if (res.status !== 201) report.fail('b', `POST /v1/cases/${demo.caseLost}/relay answered ${res.status}: ${res.text}`);
  const relayNumber = String(res.body.relayNumber);
  const bindingId = String(res.body.bindingId);
  report.service(`201: relay number ${relayNumber} (the service's own number, from its pool), binding ${bindingId}, expires ${String(res.body.expiresAt)}`);
  report.line('the collector dials the relay; only the telephony layer learns where a call goes, one call at a time');
  report.passed('b', 'masked relay issued', `relay ${relayNumber} for case ${demo.caseLost}`);
  return { bindingId, relayNumber };
}

/** d: a frequent contact of the debtor is matching evidence only, never a way to reach anyone. */
export async function stepThirdParty(j: Journey, relayNumber: string): Promise<void> {
  const { client, report, demo } = j;
  const d = demo.lost;
  report.heading('d', 'a third party never surfaces');
  report.line(`the operator reported ${mask(d.thirdParty)} as the debtor's frequent contact; the service keeps only a keyed HMAC of that number`);
  const routed = await client.call('POST', '/v1/telephony/route', TELEPHONY, { relayNumber, from: d.thirdParty, callId: `demo-${demo.run}-third-party` });
  if (routed.body.action !== 'reject') report.fail('d', `a call from the frequent contact was not rejected: ${routed.text}`);
  report.service(`the frequent contact calls the relay: reject ${String(routed.body.reason)}, announcement "${String(routed.body.announcement)}"`);
  const leaks = leakedValues(client.collectorAnswers, [d.thirdParty, d.newPhone, d.oldPhone, d.name, d.nationalId]);
  if (leaks > 0) report.fail('d', `${leaks} answer(s) to a collector carried a number, name or id of the debtor or the third party`);
  report.line(`checked all ${client.collectorAnswers.length} answers the collectors received: none carries the third party's number, nor the debtor's numbers, name or id`);
  report.passed('d', 'third party never surfaces', `caller rejected (${String(routed.body.reason)}); 0 mentions in ${client.collectorAnswers.length} collector answers`);
}

function leakedValues(answers: string[], values: string[]): number {
  // A number may also appear without its country code.
  const forms = values.flatMap((v) => (/^\+86\d+$/.test(v) ? [v, v.slice(3)] : [v]));
  return answers.filter((a) => forms.some((f) => a.includes(f))).length;
}

/** e: a privacy officer restricts the subject; the relay is revoked at once and no new one is issued. */
export async function stepRestriction(j: Journey, relayNumber: string): Promise<void> {
  const { client, report, demo } = j;
  report.heading('e', 'a subject restriction revokes the relay');
  report.line(`the debtor writes to ${demo.bank} asking it to stop contacting them; ${demo.bank} forwards the letter with its case reference ${demo.caseLost}`);
  const found = await client.call('GET', `/v1/audit?caseId=${encodeURIComponent(demo.caseLost)}&creditor=${encodeURIComponent(demo.bank)}&action=case.register&limit=1`, PRIVACY_OFFICER);
  const records = Array.isArray(found.body.records) ? (found.body.records as { resources?: { personId?: string } }[]) : [];
  const personId = records[0]?.resources?.personId;
  if (found.status !== 200 || personId === undefined) report.fail('e', `the audit log has no person for case ${demo.caseLost}: ${found.status} ${found.text.slice(0, 300)}`);
  report.service(`privacy officer finds the person through the audit log (GET /v1/audit?caseId=${demo.caseLost}&action=case.register): person ${personId}`);
  report.line('(creditors never receive person ids; the privacy officer reads them from the audit record of the case registration)');
  const restricted = await client.call('POST', `/v1/subjects/${personId}/restrict`, PRIVACY_OFFICER, { reason: 'cease_communication', note: `demo ${demo.run}: letter forwarded by ${demo.bank}` });
  if (restricted.status !== 200 || Number(restricted.body.bindingsRevoked) < 1) report.fail('e', `restriction answered ${restricted.status}: ${restricted.text}`);
  report.service(`POST /v1/subjects/…/restrict cease_communication: ${String(restricted.body.bindingsRevoked)} active relay binding(s) revoked`);
  const routed = await client.call('POST', '/v1/telephony/route', TELEPHONY, { relayNumber, from: demo.bankLine, callId: `demo-${demo.run}-after-restriction` });
  if (routed.body.action !== 'reject') report.fail('e', `the relay still connects after the restriction: ${routed.text}`);
  report.service(`${demo.bank}'s line calls the old relay number: reject ${String(routed.body.reason)}`);
  const again = await client.call('POST', `/v1/cases/${demo.caseLost}/relay`, collectorOf(demo.bank), { purpose: 'debt_collection' });
  if (again.status !== 423) report.fail('e', `a new relay after the restriction answered ${again.status}: ${again.text}`);
  report.service(`${demo.bank} asks for a new relay: ${again.status} ${String(again.body.code)}`);
  report.passed('e', 'restriction revokes the relay', `bindings revoked ${String(restricted.body.bindingsRevoked)}; new relay ${again.status} ${String(again.body.code)}`);
}

/** f: everything above was audited; the chain and its signed checkpoints verify. */
export async function stepAuditVerify(j: Journey): Promise<void> {
  const { client, report } = j;
  report.heading('f', 'the audit chain verifies');
  const res = await client.call('GET', '/v1/audit/verify', PRIVACY_OFFICER);
  if (res.status !== 200 || res.body.ok !== true) report.fail('f', `GET /v1/audit/verify answered ${res.status}: ${res.text}`);
  report.service(`GET /v1/audit/verify: ok, chain ${String(res.body.chain)}, ${String(res.body.checkedRecords)} records and ${String(res.body.checkedCheckpoints)} signed checkpoints checked, head seq ${String(res.body.headSeq)}`);
  report.line('every case read, relay, routing decision, restriction and audit query above is one of those records');
  report.passed('f', 'audit chain verified', `${String(res.body.checkedRecords)} records, head ${String(res.body.headSeq)}`);
}
