import type { PolicyDenial, PolicyRuleId, Restriction } from './call-policy.js';

/** Checked in this order, so the most final restriction is the one recorded. */
const RULES: readonly (readonly [Restriction, PolicyRuleId])[] = [
  // Erasure (GDPR Art. 17, PIPL Art. 47): the person's data may no longer be processed at all.
  ['erased', 'RESTRICTED_ERASED'],
  // Whoever answers or calls from a deceased debtor's number is a third party (FDCPA §805(b)).
  ['deceased', 'RESTRICTED_DECEASED'],
  // FDCPA §805(c), Reg F §1006.6(c): the consumer asked the collector to stop communicating.
  ['cease_communication', 'RESTRICTED_CEASE_COMMUNICATION'],
  // FDCPA §805(a)(2), Reg F §1006.6(b)(2): a represented consumer is contacted through the attorney.
  ['attorney', 'RESTRICTED_ATTORNEY'],
  // FDCPA §809(b), Reg F §1006.38(d)(2): collection stops until the disputed debt is verified.
  ['dispute', 'RESTRICTED_DISPUTE'],
];

/**
 * Restrictions that also stop a debtor's own call from being put through. The others limit what
 * the collector may initiate; the debtor may still choose to call (and consents by calling).
 */
const BARS_INBOUND: ReadonlySet<Restriction> = new Set(['erased', 'deceased']);

export function checkRestrictions(
  restrictions: readonly Restriction[],
  direction: 'outbound' | 'inbound',
): PolicyDenial | undefined {
  const active = new Set(restrictions);
  const match = RULES.find(
    ([restriction]) =>
      active.has(restriction) && (direction === 'outbound' || BARS_INBOUND.has(restriction)),
  );
  if (match === undefined) return undefined;
  return {
    allow: false,
    rule: match[1],
    kind: 'restricted',
    details: { direction, restrictions: [...active].sort().join(',') },
  };
}
