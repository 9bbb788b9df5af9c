import { randomUUID } from 'node:crypto';
import type { SourceRecordUpdate } from '../../../src/resolve/source-record.js';
import type { ScalePerson } from './scale-population.js';

/**
 * What a probe event is to the graph: a record seen again (the commonest event a provider sends),
 * a new record of a person already in the graph, or the first record of someone new.
 */
export const PROBE_KINDS = ['update', 'joins', 'new'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

export interface Probe {
  kind: ProbeKind;
  update: SourceRecordUpdate;
}

/**
 * Chooses a phase's probes among its persons while the phase is seeded, spread evenly over it (so
 * probes touch old and new parts of the graph alike): `perKind` of each kind, about one person in
 * `expectedPersons / perKind` each. A probe's record is held back from the seed; a record seen
 * again is seeded and also sent once more, observed at `reobservedAt`. Past the phase's size,
 * `take(person, true)` makes every person serve a kind still short of its quota.
 */
export class ProbePicker {
  readonly probes: Probe[] = [];
  private readonly taken = new Map<ProbeKind, number>(PROBE_KINDS.map((k) => [k, 0]));
  private readonly credit = new Map<ProbeKind, number>(PROBE_KINDS.map((k) => [k, 0]));
  private readonly rate: number;

  constructor(
    private readonly perKind: number,
    expectedPersons: number,
    private readonly reobservedAt: Date,
  ) {
    // A little ahead of the even rate, so the quotas are met before the phase's size is reached.
    this.rate = Math.min(1, (1.1 * perKind) / Math.max(1, expectedPersons));
  }

  get done(): boolean {
    return PROBE_KINDS.every((k) => this.taken.get(k)! >= this.perKind);
  }

  /** The person's records to seed now; a probe they give is kept in `probes`. */
  take(person: ScalePerson, pastSize = false): SourceRecordUpdate[] {
    for (const kind of PROBE_KINDS) if (this.short(kind)) this.credit.set(kind, this.credit.get(kind)! + this.rate);
    const due = (kind: ProbeKind) => this.short(kind) && (pastSize || this.credit.get(kind)! >= 1);
    const { updates } = person;
    if (due('new')) return this.keep('new', updates[0]!, []);
    if (due('joins') && updates.length >= 2) return this.keep('joins', updates[updates.length - 1]!, updates.slice(0, -1));
    if (due('update')) return this.keep('update', this.seenAgain(updates[0]!), updates);
    return updates;
  }

  private short(kind: ProbeKind): boolean {
    return this.taken.get(kind)! < this.perKind;
  }

  private keep(kind: ProbeKind, update: SourceRecordUpdate, seed: SourceRecordUpdate[]): SourceRecordUpdate[] {
    this.probes.push({ kind, update });
    this.taken.set(kind, this.taken.get(kind)! + 1);
    this.credit.set(kind, Math.max(0, this.credit.get(kind)! - 1));
    return seed;
  }

  /** The same record reported again: a new event, later, with its live numbers seen at that time. */
  private seenAgain(u: SourceRecordUpdate): SourceRecordUpdate {
    const at = this.reobservedAt.toISOString();
    return {
      ...u,
      eventId: randomUUID(),
      observedAt: at,
      observedAtMs: this.reobservedAt.getTime(),
      phones: u.phones.map((p) => (p.status === 'active' ? { ...p, lastSeenAt: at } : p)),
    };
  }
}

/** A phase's probes by use: profiled (then rolled back), sent untimed to warm up, and timed. */
export interface ProbeUses {
  profiled: Probe[];
  warmUp: Probe[];
  timed: Probe[];
}

/**
 * Each kind's probes in random order, the first `profiledPerKind` of each profiled and the next
 * `warmUpPerKind` sent to warm up, so both hold every kind alike; the rest, mixed, are timed.
 */
export function useProbes(probes: Probe[], shuffle: <T>(items: T[]) => T[], o: { profiledPerKind: number; warmUpPerKind: number }): ProbeUses {
  const uses: ProbeUses = { profiled: [], warmUp: [], timed: [] };
  for (const kind of PROBE_KINDS) {
    const own = shuffle(probes.filter((p) => p.kind === kind));
    uses.profiled.push(...own.slice(0, o.profiledPerKind));
    uses.warmUp.push(...own.slice(o.profiledPerKind, o.profiledPerKind + o.warmUpPerKind));
    uses.timed.push(...own.slice(o.profiledPerKind + o.warmUpPerKind));
  }
  return { ...uses, timed: shuffle(uses.timed) };
}
