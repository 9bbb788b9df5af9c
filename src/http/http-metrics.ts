import type { RequestHandler } from 'express';
import { Histogram, type Registry } from 'prom-client';

/** Labels are the route pattern, never the raw path: ids in paths must not become label values. */
export function httpMetrics(registry: Registry): RequestHandler {
  const duration = new Histogram({
    name: 'recontact_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  return (req, res, next) => {
    const end = duration.startTimer();
    res.on('finish', () => {
      const pattern = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof pattern === 'string' ? req.baseUrl + pattern : 'unmatched';
      end({ route, method: req.method, status: String(res.statusCode) });
    });
    next();
  };
}
