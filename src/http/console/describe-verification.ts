/** The result of GET /v1/audit/verify, as docs/audit.md publishes it. */
export interface VerificationResult {
  ok: boolean;
  chain: string;
  checkedRecords: number;
  checkedCheckpoints: number;
  headSeq: number;
  firstBroken?: { seq: number; kind: string; detail: string };
}

export interface VerificationSummary {
  intact: boolean;
  headline: string;
  detail?: string;
}

/** What the console says about a verification; a broken chain leads with the position to inspect. */
export function describeVerification(result: VerificationResult): VerificationSummary {
  const broken = result.firstBroken;
  if (result.ok && broken === undefined) {
    return {
      intact: true,
      headline: `Chain intact: ${count(result.checkedRecords, 'record')}, ${count(result.checkedCheckpoints, 'checkpoint')}`,
    };
  }
  if (broken === undefined) return { intact: false, headline: `Chain ${result.chain} failed verification` };
  return {
    intact: false,
    headline: `Chain broken at seq ${broken.seq}: ${broken.kind}`,
    detail: `${broken.detail} (${count(result.checkedRecords, 'record')} verified before it)`,
  };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
