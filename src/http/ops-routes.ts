import { Router } from 'express';
import type { Registry } from 'prom-client';
import { evaluateReadiness, type ReadinessCheck } from '../platform/readiness.js';

/** Unauthenticated operations endpoints: they disclose no personal data, only dependency health. */
export function opsRoutes(deps: { readiness: ReadinessCheck[]; metrics: Registry }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'alive' });
  });
  router.get('/readyz', async (_req, res) => {
    const report = await evaluateReadiness(deps.readiness);
    res.status(report.status === 'ready' ? 200 : 503).json(report);
  });
  router.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.contentType).send(await deps.metrics.metrics());
  });
  return router;
}
