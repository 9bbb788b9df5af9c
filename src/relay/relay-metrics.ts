import { Counter, Gauge, type Registry } from 'prom-client';

/** Alert when this share of the pool is bound: new bindings soon fail with RELAY_POOL_EXHAUSTED. */
export const POOL_ALERT_RATIO = 0.8;

/** Labels are outcomes, reason codes and the pool name: never a number, a case or a creditor. */
export function createRelayMetrics(registry: Registry) {
  return {
    poolNumbers: new Gauge({
      name: 'recontact_relay_pool_numbers',
      help: 'Relay numbers in the pool, by state',
      labelNames: ['pool', 'state'] as const,
      registers: [registry],
    }),
    poolUtilization: new Gauge({
      name: 'recontact_relay_pool_utilization_ratio',
      help: 'Share of the pool bound or in quarantine (not allocatable to a new debtor)',
      labelNames: ['pool'] as const,
      registers: [registry],
    }),
    poolAlert: new Gauge({
      name: 'recontact_relay_pool_alert',
      help: `1 when pool utilization is at or above ${POOL_ALERT_RATIO}; page before it runs out`,
      labelNames: ['pool'] as const,
      registers: [registry],
    }),
    bindingsEnded: new Counter({
      name: 'recontact_relay_bindings_ended_total',
      help: 'Bindings ended by the sweeper or a restriction, by reason',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
  };
}

export type RelayMetrics = ReturnType<typeof createRelayMetrics>;
