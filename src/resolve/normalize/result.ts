/**
 * What every normalizer returns. Bad provider data is an expected outcome, not an exception: the
 * caller records the reason (never the offending value, which may be personal data) and moves on.
 */
export type Normalized<T, Reason extends string> =
  { ok: true; value: T } | { ok: false; reason: Reason };

export function accept<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function reject<Reason extends string>(reason: Reason): { ok: false; reason: Reason } {
  return { ok: false, reason };
}
