import { createHash } from 'node:crypto';

interface Entry {
  rank: number;
  id: string;
  a: string;
  b: string;
}

const byRank = (x: Entry, y: Entry): number => x.rank - y.rank || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

/**
 * A uniform sample, without replacement, of up to `size` distinct record pairs: each pair is ranked
 * by a seeded hash and the lowest ranks are kept. So the same seed and the same pairs give the same
 * sample whatever order the pairs arrive in, a pair offered again (two records sharing several
 * blocking keys) counts once, and memory stays under twice `size` pairs however many are offered.
 */
export class PairSample {
  private entries: Entry[] = [];
  private readonly held = new Set<string>();
  /** Set once `size` pairs ranked at or below it were seen: nothing ranked above can enter. */
  private bound: Entry | undefined;

  constructor(
    readonly size: number,
    readonly seed: number,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`sample size must be a positive integer, e.g. 20000 (got ${size})`);
  }

  offer(keyA: string, keyB: string): void {
    if (keyA === keyB) return;
    const [a, b] = keyA < keyB ? [keyA, keyB] : [keyB, keyA];
    const id = `${a}\n${b}`;
    const entry = { rank: pairRank(this.seed, id), id, a, b };
    // A pair dropped earlier ranks above the bound, so it cannot come back through a later block.
    if ((this.bound && byRank(entry, this.bound) >= 0) || this.held.has(id)) return;
    this.held.add(id);
    this.entries.push(entry);
    if (this.entries.length >= 2 * this.size) this.shrink();
  }

  /** Every pair within one block of record keys. */
  offerBlock(keys: readonly string[]): void {
    for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) this.offer(keys[i]!, keys[j]!);
  }

  /** Whether the sample holds every distinct pair offered (there were at most `size`). */
  get complete(): boolean {
    return this.bound === undefined;
  }

  /** The sampled pairs, each as its two keys in ascending order, lowest rank first. */
  pairs(): [string, string][] {
    this.shrink();
    return this.entries.map((e) => [e.a, e.b]);
  }

  private shrink(): void {
    this.entries.sort(byRank);
    if (this.entries.length <= this.size) return;
    for (const dropped of this.entries.splice(this.size)) this.held.delete(dropped.id);
    this.bound = this.entries[this.entries.length - 1];
  }
}

/** 48 bits of SHA-256 over the seed and the pair: uniform, and independent of any key's meaning. */
function pairRank(seed: number, id: string): number {
  return createHash('sha256').update(`${seed}\n${id}`).digest().readUIntBE(0, 6);
}
