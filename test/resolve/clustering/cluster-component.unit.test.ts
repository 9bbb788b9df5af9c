import { strict as assert } from 'node:assert';
import type { MatchableRecord } from '../../../src/resolve/matchable-record.js';
import { AMBIGUITY_MARGIN } from '../../../src/resolve/clustering/ambiguous-links.js';
import { clusterComponent } from '../../../src/resolve/clustering/cluster-component.js';
import type { ClusteringResult } from '../../../src/resolve/clustering/clustering-result.js';
import { commonNameFrequencies } from '../../../src/resolve/scoring/common-names.js';
import { countingFrequencies } from '../../../src/resolve/scoring/counting-frequencies.js';
import { DEFAULT_MODEL } from '../../../src/resolve/scoring/default-model.js';
import { scorePair } from '../../../src/resolve/scoring/score-pair.js';
import { uniformFrequencies } from '../../../src/resolve/scoring/value-frequencies.js';
import { beijing, cnId, record, usSsn } from '../scoring/records.js';

const P1 = '+8613900000001';
const P2 = '+8613900000002';
const P3 = '+8613900000003';

function cluster(records: MatchableRecord[]): ClusteringResult {
  return clusterComponent(records, DEFAULT_MODEL, commonNameFrequencies);
}

function keysOf(result: ClusteringResult): string[][] {
  return result.clusters.map((c) => c.recordKeys);
}

function pairsOf(result: ClusteringResult): string[] {
  return result.possibleMatches.map((p) => `${p.recordKey}~${p.otherRecordKey}`);
}

describe('clusterComponent', () => {
  it('puts one person seen by three sources in one cluster, with the link that brought each in', () => {
    const result = cluster([
      record('telco:1', { names: ['Xiaoming WANG'], phones: [P1, P2] }),
      record('bank:1', {
        names: ['王小明'],
        birthDate: '1990-05-01',
        ids: [cnId('nid-a', '1990-05-01', 'M')],
        phones: [P1],
      }),
      record('shop:1', { names: ['Xiaoming Wang'], birthDate: '1990-05', phones: [P2] }),
    ]);
    assert.deepEqual(keysOf(result), [['bank:1', 'shop:1', 'telco:1']]);
    const links = result.clusters[0]!.links.map((l) => `${l.recordKey}<-${l.viaRecordKey}`);
    assert.deepEqual(links, ['telco:1<-bank:1', 'shop:1<-telco:1']);
    for (const link of result.clusters[0]!.links) {
      assert.ok(link.score.total >= DEFAULT_MODEL.linkThreshold);
    }
    assert.deepEqual(result.possibleMatches, []);
  });

  it('a chain A–B–C where A and C cannot link does not glue them, nor hand B to either', () => {
    // B shares a phone with each; A and C were born in different years: two people, and B could
    // be either of them.
    const a = record('a:1', { names: ['王小明'], birthDate: '1985-03-02', phones: [P1] });
    const b = record('b:1', { names: ['王小明'], phones: [P1, P2] });
    const c = record('c:1', { names: ['王小明'], birthDate: '1990-07-15', phones: [P2] });
    assert.equal(
      scorePair(a, c, DEFAULT_MODEL, uniformFrequencies).cannotLink,
      'INCOMPATIBLE_BIRTH_DATE',
    );

    const result = cluster([a, b, c]);
    assert.deepEqual(keysOf(result), [['a:1'], ['b:1'], ['c:1']]);
    assert.deepEqual(pairsOf(result).sort(), ['a:1~b:1', 'b:1~c:1'], 'no possible match A~C');
  });

  it('a record that links far better to one of two incompatible people joins that one', () => {
    const ssn = usSsn('ssn-a');
    const a = record('a:1', {
      names: ['王小明'],
      birthDate: '1985-03-02',
      phones: [P1],
      ids: [ssn],
    });
    const b = record('b:1', { names: ['王小明'], phones: [P1, P2], ids: [ssn] });
    const c = record('c:1', { names: ['王小明'], birthDate: '1990-07-15', phones: [P2] });
    const ab = scorePair(a, b, DEFAULT_MODEL, commonNameFrequencies).total;
    const bc = scorePair(b, c, DEFAULT_MODEL, commonNameFrequencies).total;
    assert.ok(bc >= DEFAULT_MODEL.linkThreshold && ab - bc >= AMBIGUITY_MARGIN);

    const result = cluster([a, b, c]);
    assert.deepEqual(keysOf(result), [['a:1', 'b:1'], ['c:1']]);
    assert.deepEqual(pairsOf(result), ['b:1~c:1']);
  });

  it('a record with two names does not bridge two people who share nothing else', () => {
    const a = record('a:1', { names: ['王小明'], phones: [P1] });
    const b = record('b:1', { names: ['王小明', 'Zhou Yuqing'], phones: [P1, P2] });
    const c = record('c:1', { names: ['Zhou Yuqing'], phones: [P2] });
    assert.equal(scorePair(a, c, DEFAULT_MODEL, uniformFrequencies).cannotLink, null);

    const result = cluster([a, b, c]);
    assert.equal(result.clusters.length, 3);
    assert.deepEqual(pairsOf(result).sort(), ['a:1~b:1', 'b:1~c:1']);
  });

  it('twins sharing a home, a birthday and a landline are never one cluster', () => {
    const home = { addresses: [beijing('示例路88号')], phones: ['+861000000001'] };
    const twins = [
      record('a:1', { names: ['王小明'], ids: [cnId('nid-a', '2001-06-01', 'M')], ...home }),
      record('b:1', { names: ['王小亮'], ids: [cnId('nid-b', '2001-06-01', 'M')], ...home }),
      // Without ids: close names and household evidence make them worth a review, not a link.
      record('c:1', { names: ['王小明'], birthDate: '2001-06-01', ...home }),
      record('d:1', { names: ['王小亮'], birthDate: '2001-06-01', ...home }),
    ];
    const result = cluster(twins);
    for (const keys of keysOf(result)) {
      const names = keys.map((k) => twins.find((t) => t.key === k)!.names[0]!.latinKey);
      assert.equal(new Set(names).size, 1, 'a cluster holds one twin only');
    }
    assert.ok(!pairsOf(result).includes('a:1~b:1'), 'a cannot-link pair is no possible match');
    assert.ok(pairsOf(result).includes('c:1~d:1'));
  });

  it('a record that agrees with each of a person\'s records on half joins on the whole person', () => {
    const registry = record('registry:1', { names: ['王小雪'], birthDate: '1991-03-08', ids: [cnId('nid-1', '1991-03-08', 'F')] });
    const creditor = record('creditor:1', { names: ['王思雪'], ids: [cnId('nid-1', '1991-03-08', 'F')], phones: [P1] });
    const telco = record('telco:1', { names: ['王小雪'], phones: [P1] });
    assert.ok(scorePair(telco, creditor, DEFAULT_MODEL, commonNameFrequencies).total < DEFAULT_MODEL.linkThreshold);
    assert.ok(scorePair(telco, registry, DEFAULT_MODEL, commonNameFrequencies).total < DEFAULT_MODEL.reviewThreshold);

    const result = cluster([registry, creditor, telco]);
    assert.deepEqual(keysOf(result), [['creditor:1', 'registry:1', 'telco:1']]);
    const link = result.clusters[0]!.links.find((l) => l.recordKey === 'telco:1')!;
    assert.ok(link.score.evidence.every((e) => e.clusterWide === true));
    assert.deepEqual(
      link.score.evidence.filter((e) => e.level !== 'missing').map((e) => `${e.field}:${e.level}`),
      ['name:exact', 'phone:shared_active'],
    );
  });

  it('whole-person evidence never overrides a cannot-link with any of the person\'s records', () => {
    const registry = record('registry:1', { names: ['王小雪'], birthDate: '1991-03-08', ids: [cnId('nid-1', '1991-03-08', 'F')] });
    const creditor = record('creditor:1', { names: ['王思雪'], ids: [cnId('nid-1', '1991-03-08', 'F')], phones: [P1] });
    const other = record('telco:1', { names: ['王小雪'], phones: [P1], ids: [cnId('nid-2', '1991-03-08', 'F')] });
    assert.deepEqual(keysOf(cluster([registry, creditor, other])), [['creditor:1', 'registry:1'], ['telco:1']]);
  });

  it('the result depends on the set of records, not their order', () => {
    const records = [
      record('telco:1', { names: ['Xiaoming WANG'], phones: [P1, P2] }),
      record('bank:1', { names: ['王小明'], birthDate: '1990-05-01', phones: [P1] }),
      record('shop:1', { names: ['Xiaoming Wang'], phones: [P2, P3] }),
      record('shop:2', { names: ['王小明'], birthDate: '1990-07-15', phones: [P3] }),
    ];
    const expected = cluster(records);
    assert.deepEqual(cluster([...records].reverse()), expected);
    assert.deepEqual(cluster([records[2]!, records[0]!, records[3]!, records[1]!]), expected);
  });

  it('resolves a component above the full-comparison limit through blocking keys', () => {
    // 170 people, two records each, all also listing one office switchboard.
    const SWITCHBOARD = '+15555550100';
    const records = Array.from({ length: 340 }, (_, i) => {
      const person = Math.floor(i / 2);
      return record(`src${i % 2}:${String(person).padStart(3, '0')}`, {
        names: [`Person${person} Example`],
        phones: [`+1555556${String(1000 + person)}`, SWITCHBOARD],
      });
    });
    const result = clusterComponent(records, DEFAULT_MODEL, countingFrequencies(records));
    assert.equal(result.clusters.length, 170);
    assert.ok(result.clusters.every((c) => c.recordKeys.length === 2));
    assert.equal(result.clusters[0]!.recordKeys.join(), 'src0:000,src1:000');
    assert.deepEqual(result.possibleMatches, [], 'the switchboard alone is no reason to review');
  });

  it('handles an empty component and a single record', () => {
    assert.deepEqual(cluster([]), { clusters: [], possibleMatches: [] });
    assert.deepEqual(cluster([record('a:1', { names: ['王小明'] })]), {
      clusters: [{ recordKeys: ['a:1'], links: [] }],
      possibleMatches: [],
    });
  });

  it('refuses two records with one key, without naming the key', () => {
    assert.throws(
      () => cluster([record('a:1'), record('a:1')]),
      (error: Error) => error instanceof RangeError && !error.message.includes('a:1'),
    );
  });
});
