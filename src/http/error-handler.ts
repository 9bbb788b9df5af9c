import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, ValidationError } from '../errors.js';
import type { Logger } from '../platform/logger.js';
import { problem, sendProblem } from './problem.js';

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Maps every error to problem+json. Unknown errors are bugs: logged in full, answered without internals. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const instance = req.requestId;
    if (error instanceof ValidationError) {
      return sendProblem(res, problem(400, error.code, 'Request is invalid', error.message, { instance, problems: error.problems }));
    }
    if (error instanceof AppError) {
      if (error.httpStatus >= 500) log.warn({ err: error, requestId: instance }, 'request failed');
      const retryAfter = (error as AppError & { retryAfterSeconds?: unknown }).retryAfterSeconds;
      if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
      return sendProblem(res, problem(error.httpStatus, error.code, error.message, undefined, { instance }));
    }
    const parserError = bodyParserProblem(error as BodyParserError);
    if (parserError) return sendProblem(res, { ...parserError, instance });
    log.error({ err: error, requestId: instance }, 'unhandled error');
    sendProblem(res, problem(500, 'INTERNAL', 'Internal error', 'The error was logged; quote the instance id when reporting it.', { instance }));
  };
}

function bodyParserProblem(error: BodyParserError) {
  switch (error?.type) {
    case 'entity.too.large':
      return problem(413, 'BODY_TOO_LARGE', 'Request body is too large');
    case 'entity.parse.failed':
      return problem(400, 'MALFORMED_JSON', 'Request body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return problem(415, 'UNSUPPORTED_ENCODING', 'Request body encoding is not supported');
    default:
      return typeof error?.status === 'number' && error.status >= 400 && error.status < 500
        ? problem(error.status, 'BAD_REQUEST', 'Request could not be read')
        : undefined;
  }
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(res, problem(404, 'ROUTE_NOT_FOUND', 'No such route', undefined, { instance: req.requestId }));
};
