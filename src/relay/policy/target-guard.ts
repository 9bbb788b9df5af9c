import type { ContactTarget, PolicyDenial, PolicyRuleId } from './call-policy.js';

const deny = (rule: PolicyRuleId, details: PolicyDenial['details'] = {}): PolicyDenial => ({
  allow: false,
  rule,
  kind: 'target',
  details,
});

/**
 * Refuses to route to anyone but the debtor: a third party must never learn of the debt (FDCPA
 * §805(b), Reg F §1006.6(d)), and an unsure or outdated link may reach a stranger instead.
 */
export function checkTarget(target: ContactTarget, minLinkScore: number): PolicyDenial | undefined {
  if (target.kind !== 'own') return deny('TARGET_THIRD_PARTY');
  if (target.link !== 'RESOLVES_TO') return deny('TARGET_POSSIBLE_MATCH');
  // A superseded number may have been reassigned to someone else.
  if (target.superseded) return deny('TARGET_SUPERSEDED');
  // Written as a negation so that a missing or NaN score is refused too.
  if (!(target.linkScore >= minLinkScore)) {
    return deny('TARGET_LOW_CONFIDENCE', { linkScore: target.linkScore, minLinkScore });
  }
  return undefined;
}
