import { Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per service instance (not prom-client's global one) so tests can build several
 * instances in one process. Label values must never be personal data: source ids, reason codes,
 * routes and outcomes only.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'recontact' });
  collectDefaultMetrics({ register: registry });
  return registry;
}
