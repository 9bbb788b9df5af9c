import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
  }
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Accepts a caller's X-Request-Id only if it is a plain token, so it is safe to log and echo. */
export const requestContext: RequestHandler = (req, res, next) => {
  const offered = req.get('x-request-id');
  req.requestId = offered && SAFE_REQUEST_ID.test(offered) ? offered : randomUUID();
  res.setHeader('X-Request-Id', req.requestId);
  next();
};
