import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createDevelopmentRegistry } from '../src/ingest/dev-registry.js';
import { createEventProjector } from '../src/ingest/project-event.js';
import { clusterComponent } from '../src/resolve/clustering/cluster-component.js';
import { connectedGroups } from '../src/resolve/connected-groups.js';
import { DEFAULT_CONTACT_POLICY } from '../src/resolve/contacts/contact-policy.js';
import { rankContactPoints } from '../src/resolve/contacts/rank-contact-points.js';
import type { MatchableRecord } from '../src/resolve/matchable-record.js';
import { storedRowOf, toMatchableRecord } from '../src/resolve/record-view.js';
import { countingFrequencies } from '../src/resolve/scoring/counting-frequencies.js';
import { DEFAULT_MODEL } from '../src/resolve/scoring/default-model.js';
import { scorePair } from '../src/resolve/scoring/score-pair.js';
import { newestPerRecord } from '../src/resolve/source-record.js';
import type { SourceRecordUpdate } from '../src/resolve/source-record.js';
import { clusterErrors } from './support/accuracy/cluster-errors.js';
import { errorBreakdown, errorContext } from './support/accuracy/error-causes.js';
import { linkablePairs } from './support/accuracy/linkable-pairs.js';
import { bestContactAccuracy, largestCluster, pairwiseScores, round4 } from './support/accuracy/metrics.js';
import { generatePopulation } from './support/population/generate-population.js';

/**
 * npm run bench:accuracy:offline [-- --persons N --seed S --link BITS --examples K]
 * The accuracy benchmark's corpus resolved in memory, as one rebuild with the service's own
 * projection, scoring and clustering: seconds instead of minutes, and no servers, for trying a
 * rule change. Streaming reaches the same clusters (the order-independence test proves it), but
 * only `npm run bench:accuracy` measures the service, and only its figures are published.
 * `--examples K` prints, for K split persons, the strongest missed pair's evidence.
 */
const { values } = parseArgs({
  options: {
    persons: { type: 'string' },
    seed: { type: 'string' },
    link: { type: 'string' },
    examples: { type: 'string' },
  },
});
const now = new Date();
const model = { ...DEFAULT_MODEL, linkThreshold: Number(values.link ?? DEFAULT_MODEL.linkThreshold) };
const population = generatePopulation({ persons: Number(values.persons ?? 5_000), seed: Number(values.seed ?? 42), now });
const records = projectedRecords();
const freq = countingFrequencies(records);
const { personOf, bestContact, reviewBand } = resolveAll(records);

const truth = population.truth;
const pairwise = pairwiseScores(truth, personOf);
const contacts = bestContactAccuracy(truth, personOf, population.currentPhone, bestContact);
console.log(JSON.stringify({
  rules: model.version,
  linkThreshold: model.linkThreshold,
  records: truth.size,
  precision: round4(pairwise.precision),
  recall: round4(pairwise.recall),
  bestContactAccuracy: round4(contacts.accuracy),
  largestCluster: largestCluster(truth, personOf),
  reviewBand,
}));
const ctx = errorContext(population.events, truth);
const errors = clusterErrors(truth, personOf);
const linkable = linkablePairs(ctx, errors.splits);
console.log(`linkable pairs ${linkable.linkablePairs} of ${linkable.truePairs}; missed: ${linkable.missedLinkable} linkable, ${linkable.missedUnlinkable} not`);
for (const [k, v] of Object.entries(errorBreakdown(errors, contacts.misses, ctx, now.getTime()))) console.log(`  ${k}: ${JSON.stringify(v)}`);
const byKey = new Map(records.map((r) => [r.key, r]));
for (const split of errors.splits.slice(0, Number(values.examples ?? 0))) console.log(`${split.truePersonId}: ${strongestMissedPair(split.fragments.map((f) => f.recordKeys))}`);

function projectedRecords(): MatchableRecord[] {
  const sources = new Map(createDevelopmentRegistry().sources.map((s) => [s.id, s]));
  const project = createEventProjector({ fingerprintKey: randomBytes(32), clock: () => now });
  const updates: SourceRecordUpdate[] = [];
  for (const { sourceId, event } of population.events) {
    const projected = project(event, sources.get(sourceId)!);
    if (projected.ok) updates.push(projected.update);
  }
  return newestPerRecord(updates).map((u) => toMatchableRecord(storedRowOf(u), sources.get(u.sourceId)!.trust));
}

function resolveAll(all: MatchableRecord[]) {
  const personOf = new Map<string, string>();
  const bestContact = new Map<string, string>();
  let reviewBand = 0;
  const groups = connectedGroups(all, (a, b) => {
    const s = scorePair(a, b, model, freq);
    return s.cannotLink === null && s.total >= model.reviewThreshold;
  });
  for (const group of groups) {
    const result = clusterComponent(group, model, freq);
    reviewBand += result.possibleMatches.length;
    for (const cluster of result.clusters) {
      const personId = `P-${cluster.recordKeys[0]}`;
      const members = cluster.recordKeys.map((k) => group.find((r) => r.key === k)!);
      for (const k of cluster.recordKeys) personOf.set(k, personId);
      const reassigned = members.flatMap((r) => r.phones.filter((p) => p.status === 'reassigned').map((p) => p.e164));
      const ranking = rankContactPoints({ records: members, supersededPhones: new Set(reassigned), now, policy: DEFAULT_CONTACT_POLICY });
      if (ranking.best) bestContact.set(personId, ranking.best.value);
    }
  }
  return { personOf, bestContact, reviewBand };
}

function strongestMissedPair(fragments: string[][]): string {
  let best: { total: number; line: string } | undefined;
  fragments.forEach((x, f) => {
    for (const y of fragments.slice(f + 1)) {
      for (const a of x) {
        for (const b of y) {
          const s = scorePair(byKey.get(a)!, byKey.get(b)!, model, freq);
          const fields = s.evidence.filter((e) => e.level !== 'missing').map((e) => `${e.field} ${e.level} ${e.weight.toFixed(1)}${e.tfAdjusted ? ' (tf)' : ''}`);
          const line = `${a} ~ ${b}: ${s.total.toFixed(1)} = ${fields.join(', ')}${s.cannotLink ? `; ${s.cannotLink}` : ''}`;
          if (best === undefined || s.total > best.total) best = { total: s.total, line };
        }
      }
    }
  });
  return best?.line ?? 'no pair';
}
