/**
 * The relay pool as configured: a comma-separated list of E.164 numbers and ranges
 * (`+8617000000000-+8617000000199`). Ranges are expanded, so they are capped: a pool is a set of
 * numbers leased from a carrier, tens of thousands at most, not a numbering plan.
 */
export const MAX_POOL_NUMBERS = 200_000;

const E164 = /^\+[1-9][0-9]{6,14}$/;

export class RelayPoolSpecError extends Error {
  override name = 'RelayPoolSpecError';
}

export function parseRelayPool(spec: string): string[] {
  const numbers = new Set<string>();
  for (const part of spec.split(',').map((p) => p.trim()).filter((p) => p.length > 0)) {
    for (const n of expand(part)) {
      numbers.add(n);
      if (numbers.size > MAX_POOL_NUMBERS) {
        throw new RelayPoolSpecError(`RELAY_POOL: has more than ${MAX_POOL_NUMBERS} numbers; split the pool across deployments`);
      }
    }
  }
  if (numbers.size === 0) throw new RelayPoolSpecError('RELAY_POOL: has no numbers (example: RELAY_POOL=+8617000000000-+8617000000199)');
  return [...numbers].sort();
}

function expand(part: string): string[] {
  const [first, last, ...rest] = part.split('-');
  if (first === undefined || rest.length > 0 || !E164.test(first) || (last !== undefined && !E164.test(last))) {
    throw new RelayPoolSpecError(`RELAY_POOL: '${part}' is not an E.164 number or a range of two (example: +8617000000000-+8617000000199)`);
  }
  if (last === undefined) return [first];
  if (first.length !== last.length) throw new RelayPoolSpecError(`RELAY_POOL: range '${part}' must have ends of the same length`);
  const from = BigInt(first.slice(1));
  const to = BigInt(last.slice(1));
  if (to < from) throw new RelayPoolSpecError(`RELAY_POOL: range '${part}' ends before it starts`);
  if (to - from >= BigInt(MAX_POOL_NUMBERS)) {
    throw new RelayPoolSpecError(`RELAY_POOL: range '${part}' has more than ${MAX_POOL_NUMBERS} numbers`);
  }
  const out: string[] = [];
  for (let n = from; n <= to; n++) out.push(`+${n.toString().padStart(first.length - 1, '0')}`);
  return out;
}
