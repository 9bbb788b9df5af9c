export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

const NON_FINITE = 'a non-finite number cannot be canonicalized';

/**
 * RFC 8785 (JCS) for the plain JSON the audit log stores: keys sorted by UTF-16 code units, no
 * whitespace, ECMAScript number and string serialization (which is what JCS specifies). Undefined
 * members are left out, as JSON.stringify would; a non-finite number has no JSON form and throws.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string')
    return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(NON_FINITE);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const members = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`);
  return `{${members.join(',')}}`;
}

/**
 * Throws exactly when `canonicalJson(value)` would, without building the string: an append checks
 * its entry up front, and sealing, which writes the canonical form, comes later with the batch.
 */
export function assertCanonicalizable(value: JsonValue): void {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(NON_FINITE);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) assertCanonicalizable(item);
    return;
  }
  for (const key of Object.keys(value)) {
    const member = value[key];
    if (member !== undefined) assertCanonicalizable(member);
  }
}
