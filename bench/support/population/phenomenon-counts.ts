/** Counts of what the generator actually produced, so a benchmark can report per phenomenon. */
export class PhenomenonCounts {
  private readonly counts = new Map<string, number>();

  add(phenomenon: string, n = 1): void {
    this.counts.set(phenomenon, (this.counts.get(phenomenon) ?? 0) + n);
  }

  /** Keys sorted, so equal populations print equal stats. */
  toRecord(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}
