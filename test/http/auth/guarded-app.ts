import { Writable } from 'node:stream';
import { Router, type RequestHandler } from 'express';
import type { Config } from '../../../src/config.js';
import { createAuth } from '../../../src/http/auth/create-auth.js';
import { requireActor } from '../../../src/http/auth/authenticate.js';
import { createHttpApp } from '../../../src/http/create-app.js';
import { createLogger } from '../../../src/platform/logger.js';
import { createMetricsRegistry } from '../../../src/platform/metrics.js';
import { listen, type Listening } from '../../support/http.js';
import { FakeAuditLog } from './fake-audit-log.js';
import { AUDIENCE, ISSUER } from './token-fixtures.js';

export interface GuardedApp extends Listening {
  audit: FakeAuditLog;
  /** Every log line the app wrote, as parsed JSON. */
  logs: Record<string, unknown>[];
  get(path: string, authorization?: string): Promise<Response>;
}

/** Routes that each declare the roles they admit, as feature routers will. */
export const ROUTES = {
  '/v1/collections': ['collector'],
  '/v1/calls': ['telephony'],
  '/v1/subject-requests': ['privacy_officer', 'admin'],
  '/v1/admin': ['admin'],
} as const;

/** The real app factory with a dummy router behind `guard`, a fake audit log and a captured logger. */
export async function guardedApp(auth: Partial<Config['auth']>): Promise<GuardedApp> {
  const audit = new FakeAuditLog();
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const log = createLogger('info', sink);
  const { guard } = createAuth({
    config: {
      publicKeyFiles: [],
      jwksFile: undefined,
      issuer: ISSUER,
      audience: AUDIENCE,
      hs256Secret: undefined,
      rateLimitPerMinute: 1000,
      telephonyRateLimitPerMinute: 1000,
      ...auth,
    },
    audit,
    log,
  });
  const whoami: RequestHandler = (req, res) => {
    res.json(requireActor(req));
  };
  const router = Router();
  for (const [path, roles] of Object.entries(ROUTES)) router.get(path, guard(roles), whoami);
  // A router-wide guard plus a route's own: the request must be counted and audited once.
  router.use('/v1/nested', guard(['collector', 'admin']));
  router.get('/v1/nested/inner', guard(['collector']), whoami);
  const server = await listen(
    createHttpApp({ log, metrics: createMetricsRegistry(), readiness: [], routers: [router] }),
  );
  return {
    ...server,
    audit,
    logs,
    get: (path, authorization) =>
      fetch(`${server.url}${path}`, {
        headers: authorization === undefined ? {} : { authorization },
      }),
  };
}
