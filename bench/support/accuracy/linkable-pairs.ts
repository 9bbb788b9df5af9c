import type { Split } from './cluster-errors.js';
import type { ErrorContext } from './error-causes.js';
import { pairs } from './metrics.js';
import type { RecordFacts } from './record-facts.js';

export interface LinkableSplit {
  /** Same-person pairs joined, directly or through the person's other records, by shared evidence. */
  linkablePairs: number;
  truePairs: number;
  /** Missed pairs the evidence joins: resolution lost them. */
  missedLinkable: number;
  /** Missed pairs nothing joins: no resolver could link them without a name-only match. */
  missedUnlinkable: number;
}

/**
 * An upper bound on recall from the records alone: two records of one person count as linkable
 * when a chain of their records shares a phone, a national id (15- and 18-digit forms alike), an
 * email, a birth date or two frequent contacts (a SIM change). A name alone never links (the link
 * gate), so it is not evidence here.
 */
export function linkablePairs(ctx: ErrorContext, splits: readonly Split[]): LinkableSplit {
  const component = new Map<string, string>();
  let linkable = 0;
  let truePairs = 0;
  for (const keys of ctx.recordsOf.values()) {
    const parent = new Map(keys.map((k) => [k, k]));
    const find = (k: string): string => {
      let root = k;
      while (parent.get(root) !== root) root = parent.get(root) ?? root;
      return root;
    };
    // A person has a handful of records, so comparing each pair of them is cheap.
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const a = ctx.facts.get(keys[i]!);
        const b = ctx.facts.get(keys[j]!);
        if (a && b && joined(a, b)) parent.set(find(keys[i]!), find(keys[j]!));
      }
    }
    const sizes = new Map<string, number>();
    for (const key of keys) {
      const root = find(key);
      component.set(key, root);
      sizes.set(root, (sizes.get(root) ?? 0) + 1);
    }
    for (const n of sizes.values()) linkable += pairs(n);
    truePairs += pairs(keys.length);
  }

  let missedLinkable = 0;
  let missedTotal = 0;
  for (const split of splits) {
    const counts = split.fragments.map((f) => {
      const byRoot = new Map<string, number>();
      for (const key of f.recordKeys) {
        const root = component.get(key) ?? key;
        byRoot.set(root, (byRoot.get(root) ?? 0) + 1);
      }
      return byRoot;
    });
    for (let i = 0; i < counts.length; i++) {
      for (let j = i + 1; j < counts.length; j++) {
        for (const [root, n] of counts[i]!) missedLinkable += n * (counts[j]!.get(root) ?? 0);
        missedTotal +=
          split.fragments[i]!.recordKeys.length * split.fragments[j]!.recordKeys.length;
      }
    }
  }
  return {
    linkablePairs: linkable,
    truePairs,
    missedLinkable,
    missedUnlinkable: missedTotal - missedLinkable,
  };
}

function joined(a: RecordFacts, b: RecordFacts): boolean {
  const left = new Set(evidence(a));
  if (evidence(b).some((v) => left.has(v))) return true;
  const contacts = new Set(a.contacts);
  return b.contacts.filter((c) => contacts.has(c)).length >= 2;
}

function evidence(f: RecordFacts): string[] {
  return [
    ...f.mobiles.map((v) => `ph:${v}`),
    ...f.landlines.map((v) => `ph:${v}`),
    ...f.nationalIds.map((v) => `id:${comparableId(v)}`),
    ...f.emails.map((v) => `em:${v}`),
    ...(f.birthDate === undefined ? [] : [`bd:${f.birthDate}`]),
  ];
}

/** A CN resident id of someone born in the 1900s in its 15-digit form, so both generations agree. */
function comparableId(id: string): string {
  const match = /^(CN\|CN_RIC\|)(\d{6})19(\d{9})[\dX]$/.exec(id);
  return match ? `${match[1]}${match[2]}${match[3]}` : id;
}
