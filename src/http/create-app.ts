import express, { type Express, type Router } from 'express';
import type { Registry } from 'prom-client';
import type { Logger } from '../platform/logger.js';
import type { ReadinessCheck } from '../platform/readiness.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { httpMetrics } from './http-metrics.js';
import { opsRoutes } from './ops-routes.js';
import { requestContext } from './request-context.js';

export interface HttpAppDeps {
  log: Logger;
  metrics: Registry;
  readiness: ReadinessCheck[];
  /** Feature routers, mounted after the operations endpoints. */
  routers?: Router[];
  bodyLimit?: string;
}

/** Builds the express app without listening, so tests and the composition root share it. */
export function createHttpApp(deps: HttpAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(requestContext);
  app.use(httpMetrics(deps.metrics));
  app.use(express.json({ limit: deps.bodyLimit ?? '64kb', type: ['application/json', 'application/*+json'] }));
  app.use(opsRoutes({ readiness: deps.readiness, metrics: deps.metrics }));
  for (const router of deps.routers ?? []) app.use(router);
  app.use(notFoundHandler);
  app.use(errorHandler(deps.log));
  return app;
}
