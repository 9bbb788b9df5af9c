import type { PolicyDenial } from './call-policy.js';

const clearsAt = (denial: PolicyDenial) => denial.retryAt?.getTime() ?? Infinity;

/**
 * Of several refusals, the one that lasts longest, so that retrying at its `retryAt` clears them
 * all (each rule here only relaxes as time passes). A refusal without `retryAt` never clears.
 */
export function latestRetry(denials: readonly PolicyDenial[]): PolicyDenial | undefined {
  return denials.reduce<PolicyDenial | undefined>(
    (latest, denial) =>
      latest === undefined || clearsAt(denial) > clearsAt(latest) ? denial : latest,
    undefined,
  );
}
