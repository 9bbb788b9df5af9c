import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Neo4jGraph } from '../../src/platform/neo4j-graph.js';

/** Everything the API benchmark writes is named after its run id, so it can be found and dropped. */
export interface BenchScope {
  tag: string;
  creditor: string;
  pool: string;
  chain: string;
}

export function benchScope(tag: string): BenchScope {
  return { tag, creditor: `bench-${tag}`, pool: `bench-${tag}`, chain: `bench-${tag}` };
}

export interface SeededCase {
  caseId: string;
}

const SOURCES = {
  registry: 'demo-registry',
  telco: 'demo-telco',
  creditor: 'demo-creditor',
} as const;
const CHUNK = 1_000;

const recordKey = (scope: BenchScope, source: string, i: number) =>
  `${source}:BENCH-API-${scope.tag}-${i}`;

/**
 * Debtors written straight into the graph in the shape resolution leaves them (three records —
 * registry, telecom, the creditor's own — resolved into one reachable person whose best contact is
 * the number two of them report), each with an open case of the bench's creditor. Orders of
 * magnitude faster than streaming signed events through ingest; block keys and the case's stored
 * debtor identifiers are left out, as nothing on the relay or routing path reads them.
 */
export async function seedDebtors(
  graph: Neo4jGraph,
  scope: BenchScope,
  o: { count: number; phonePrefix: string; now: Date; ruleSetVersion: string },
): Promise<SeededCase[]> {
  const seen = new Date(o.now.getTime() - 2 * 24 * 3600 * 1000);
  const rows = Array.from({ length: o.count }, (_, i) => ({
    personId: randomUUID(),
    phone: `${o.phonePrefix}${String(i).padStart(4, '0')}`,
    thirdParty: randomBytes(32).toString('hex'),
    registryKey: recordKey(scope, SOURCES.registry, i),
    telcoKey: recordKey(scope, SOURCES.telco, i),
    creditorKey: recordKey(scope, SOURCES.creditor, i),
    recordId: `BENCH-API-${scope.tag}-${i}`,
    events: [randomUUID(), randomUUID(), randomUUID()],
    namesJson: JSON.stringify([{ full: `测试${i}`, script: 'Hans' }]),
    addressesJson: JSON.stringify([
      { lines: [`${1 + (i % 300)} Bench Road`], region: 'Shanghai', country: 'CN' },
    ]),
    caseKey: `${scope.creditor}|CASE-${i}`,
    caseId: `CASE-${i}`,
    caseScore: 30 + randomInt(20),
    telcoScore: 25 + randomInt(20),
    creditorScore: 25 + randomInt(20),
  }));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await graph.write((tx) =>
      tx.run(
        `UNWIND $rows AS x
         MERGE (ph:Phone {e164: x.phone})
         MERGE (tp:ThirdPartyPhone {fingerprint: x.thirdParty})
         CREATE (reg:Record {key: x.registryKey, sourceId: $sources.registry, sourceRecordId: x.recordId, eventId: x.events[0],
                             eventIds: [x.events[0]], observedAt: $seenAt, observedAtMs: $seenAtMs, retracted: false,
                             namesJson: x.namesJson, birthDate: '1988-03-14', addressesJson: x.addressesJson, updatedAt: datetime($now)})
         CREATE (telco:Record {key: x.telcoKey, sourceId: $sources.telco, sourceRecordId: x.recordId, eventId: x.events[1],
                               eventIds: [x.events[1]], observedAt: $seenAt, observedAtMs: $seenAtMs, retracted: false,
                               namesJson: x.namesJson, updatedAt: datetime($now)})
         CREATE (cred:Record {key: x.creditorKey, sourceId: $sources.creditor, sourceRecordId: x.recordId, eventId: x.events[2],
                              eventIds: [x.events[2]], observedAt: $seenAt, observedAtMs: $seenAtMs, retracted: false,
                              namesJson: x.namesJson, birthDate: '1988-03-14', updatedAt: datetime($now)})
         CREATE (telco)-[:HAS_PHONE {status: 'active', lastSeenAt: $seenAt, sourceId: $sources.telco}]->(ph)
         CREATE (cred)-[:HAS_PHONE {status: 'active', lastSeenAt: $seenAt, sourceId: $sources.creditor}]->(ph)
         CREATE (telco)-[:REPORTS_THIRD_PARTY {kind: 'frequent_contact', weight: 1.0}]->(tp)
         CREATE (p:Person {id: x.personId, reachability: 'reachable', recordCount: 3, superseded: [], bestContactScore: 0.9,
                           bestContactLastSeenAt: $seenAt, contactsDigest: 'bench', contactsRefreshedAt: datetime($now),
                           createdAt: datetime($now), updatedAt: datetime($now)})
         CREATE (reg)-[:RESOLVES_TO {ruleSetVersion: $ruleSetVersion, decidedAt: datetime($now)}]->(p)
         CREATE (telco)-[:RESOLVES_TO {score: x.telcoScore, evidenceJson: '{}', viaRecordKey: x.registryKey,
                                       ruleSetVersion: $ruleSetVersion, decidedAt: datetime($now)}]->(p)
         CREATE (cred)-[:RESOLVES_TO {score: x.creditorScore, evidenceJson: '{}', viaRecordKey: x.telcoKey,
                                      ruleSetVersion: $ruleSetVersion, decidedAt: datetime($now)}]->(p)
         CREATE (p)-[:HAS_CONTACT {rank: 1, score: 0.9, status: 'active', reachable: true, sources: [$sources.creditor, $sources.telco],
                                   corroboration: 2, verified: false, firstSeenAt: $seenAt, lastSeenAt: $seenAt}]->(ph)
         CREATE (p)-[:BEST_CONTACT]->(ph)
         CREATE (c:Case {key: x.caseKey, creditor: $creditor, caseId: x.caseId, state: 'open', registeredAt: $nowIso,
                         matchState: 'matched', matchScore: x.caseScore, matchedAt: $nowIso, updatedAt: $nowIso})
         CREATE (c)-[:CONCERNS {score: x.caseScore, matchedAt: $nowIso, ruleSetVersion: $ruleSetVersion}]->(p)`,
        {
          rows: rows.slice(i, i + CHUNK),
          sources: SOURCES,
          creditor: scope.creditor,
          seenAt: seen.toISOString(),
          seenAtMs: seen.getTime(),
          now: o.now.toISOString(),
          nowIso: o.now.toISOString(),
          ruleSetVersion: o.ruleSetVersion,
        },
      ),
    );
  }
  return rows.map((r) => ({ caseId: r.caseId }));
}

/** A block of `10^digits` numbers under `base` that no node of `label` uses yet. */
export async function unusedBlock(
  graph: Neo4jGraph,
  label: 'Phone' | 'RelayNumber',
  base: string,
  digits: number,
): Promise<string> {
  const free = 14 - base.length - digits; // +86 and eleven national digits
  for (let attempt = 0; attempt < 10; attempt++) {
    const prefix = `${base}${String(randomInt(10 ** free)).padStart(free, '0')}`;
    const result = await graph.run(
      `MATCH (n:${label}) WHERE n.e164 STARTS WITH $prefix RETURN count(n) AS n`,
      { prefix },
    );
    if (result.records[0]?.get('n') === 0) return prefix;
  }
  throw new Error(`no unused block of ${label} numbers under ${base}`);
}

/** Drops every node the run `tag` wrote: debtors, cases, bindings, pool, calls, line and audit chain. */
export async function dropBenchData(graph: Neo4jGraph, tag: string): Promise<void> {
  const scope = benchScope(tag);
  const telcoPrefix = `${SOURCES.telco}:BENCH-API-${tag}-`;
  const phones = await graph.run<{ e164: string }>(
    'MATCH (r:Record)-[:HAS_PHONE]->(ph:Phone) WHERE r.key STARTS WITH $telcoPrefix RETURN ph.e164 AS e164',
    { telcoPrefix },
  );
  const statements = [
    // Persons first, through their records, then the records themselves.
    `MATCH (r:Record)-[:RESOLVES_TO]->(p:Person) WHERE r.key STARTS WITH $telcoPrefix
     CALL (p) { DETACH DELETE p } IN TRANSACTIONS OF 2000 ROWS`,
    ...Object.values(SOURCES).map(
      (source) => `MATCH (r:Record) WHERE r.key STARTS WITH '${source}:BENCH-API-' + $tag + '-'
                   CALL (r) { OPTIONAL MATCH (r)-[:REPORTS_THIRD_PARTY]->(t) DETACH DELETE r, t } IN TRANSACTIONS OF 2000 ROWS`,
    ),
    // A number someone else's records also hold stays.
    `UNWIND $phones AS e164 MATCH (ph:Phone {e164: e164}) WHERE NOT EXISTS { (ph)--() }
     CALL (ph) { DELETE ph } IN TRANSACTIONS OF 5000 ROWS`,
    `MATCH (b:RelayBinding)-[:FOR_CASE]->(c:Case) WHERE c.key STARTS WITH $creditor + '|'
     CALL (b) { DETACH DELETE b } IN TRANSACTIONS OF 2000 ROWS`,
    `MATCH (c:Case) WHERE c.key STARTS WITH $creditor + '|' CALL (c) { DETACH DELETE c } IN TRANSACTIONS OF 2000 ROWS`,
    `MATCH (n:RelayNumber {pool: $pool}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`,
    `MATCH (d:CallDecision) WHERE d.callId STARTS WITH 'bench-' + $tag + '-' CALL (d) { DELETE d } IN TRANSACTIONS OF 5000 ROWS`,
    `MATCH (l:CreditorLine {creditor: $creditor}) DELETE l`,
    `MATCH (a:AuditRecord) WHERE a.chain = $chain CALL (a) { DELETE a } IN TRANSACTIONS OF 5000 ROWS`,
    `MATCH (n) WHERE (n:AuditHead OR n:AuditCheckpoint OR n:AuditPublishCursor) AND n.chain = $chain DELETE n`,
  ];
  const params = { ...scope, telcoPrefix, phones: phones.records.map((r) => r.get('e164')) };
  const session = graph.driver.session();
  try {
    for (const statement of statements) await session.run(statement, params);
  } finally {
    await session.close();
  }
}
