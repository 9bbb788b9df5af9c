/**
 * How big the fault campaign runs. The short variant is part of every `npm test`, so it stays within
 * a few minutes on a 2-core machine; `RECONTACT_FULL_CAMPAIGN=1` (`npm run test:chaos:full`) runs the
 * sizes the reliability figures are published for.
 */
export interface CampaignScale {
  full: boolean;
  /** Events streamed through the service while it is SIGKILLed. */
  killEvents: number;
  kills: number;
  /** Versions of each record: several, so that overwrites (and stale ones) are exercised. */
  versions: number;
  /** Events streamed while a Kafka or Neo4j server is stopped and started. */
  outageEvents: number;
  outageMs: number;
  /** Events streamed to two replicas while one of them is killed. */
  replicaEvents: number;
  relayRequests: number;
  relayPool: number;
  /** Longest wait for the service to reach a fault point (its applied counter past a share of the stream). */
  reachFaultMs: number;
  /** Longest wait for the group to catch up after a fault: the whole rest of the stream may be waiting. */
  drainMs: number;
}

export function campaignScale(env: NodeJS.ProcessEnv = process.env): CampaignScale {
  const full = env.RECONTACT_FULL_CAMPAIGN === '1';
  return full
    ? { full, killEvents: 100_000, kills: 5, versions: 5, outageEvents: 100_000, outageMs: 20_000, replicaEvents: 100_000, relayRequests: 1_000, relayPool: 400, reachFaultMs: 900_000, drainMs: 1_200_000 }
    : { full, killEvents: 10_000, kills: 2, versions: 5, outageEvents: 4_000, outageMs: 10_000, replicaEvents: 6_000, relayRequests: 1_000, relayPool: 400, reachFaultMs: 180_000, drainMs: 300_000 };
}
