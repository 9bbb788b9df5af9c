import type { Random } from './mulberry32.js';

export interface ForeignName {
  family: string;
  given: string;
  /** Passport-issuing country, ISO 3166-1 alpha-2. */
  country: string;
}

const FAMILIES: readonly [string, string][] = [
  ['Smith', 'US'],
  ['Johnson', 'US'],
  ['Miller', 'US'],
  ['Brown', 'GB'],
  ['Taylor', 'GB'],
  ['Garcia', 'ES'],
  ['Muller', 'DE'],
  ['Schmidt', 'DE'],
  ['Dubois', 'FR'],
  ['Martin', 'FR'],
  ['Rossi', 'IT'],
  ['Kowalski', 'PL'],
  ['Novak', 'CZ'],
  ['Jensen', 'DK'],
  ['Silva', 'PT'],
];

const GIVEN: Readonly<Record<'M' | 'F', readonly string[]>> = {
  M: ['James', 'John', 'Michael', 'David', 'Thomas', 'Daniel', 'Peter', 'Lukas', 'Marco', 'Paul'],
  F: ['Mary', 'Anna', 'Emma', 'Sophie', 'Laura', 'Sarah', 'Julia', 'Elena', 'Clara', 'Eva'],
};

export function drawForeignName(rng: Random, sex: 'M' | 'F'): ForeignName {
  const [family, country] = rng.pick(FAMILIES);
  return { family, given: rng.pick(GIVEN[sex]), country };
}

/** One letter replaced, dropped or doubled: the typos of hand-copied Latin names. */
export function latinTypo(rng: Random, word: string): string {
  if (word.length < 3) return word + word.slice(-1);
  const at = rng.int(1, word.length - 1);
  const kind = rng.int(0, 2);
  if (kind === 0) {
    const letters = 'abcdefghijklmnopqrstuvwxyz'.replace(word.charAt(at).toLowerCase(), '');
    return word.slice(0, at) + rng.pick([...letters]) + word.slice(at + 1);
  }
  if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + word.charAt(at) + word.slice(at);
}
