import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { AppError, DependencyUnavailableError, ValidationError } from '../errors.js';
import type { Logger } from '../platform/logger.js';
import { isTransientError } from '../platform/transient-errors.js';
import { problem, sendProblem } from './problem.js';

interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * Maps every error to problem+json. A dependency that is down, slow or saturated (a transient driver
 * error that no use case wrapped) is 503 DEPENDENCY_UNAVAILABLE, which clients retry. Other unknown
 * errors are bugs: logged in full, answered without internals.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const instance = req.requestId;
    if (error instanceof ValidationError) {
      return sendProblem(res, problem(400, error.code, 'Request is invalid', error.message, { instance, problems: error.problems }));
    }
    if (error instanceof AppError) return sendAppError(log, res, error, instance);
    const parserError = bodyParserProblem(error as BodyParserError);
    if (parserError) return sendProblem(res, { ...parserError, instance });
    if (isTransientError(error)) return sendAppError(log, res, new DependencyUnavailableError('a dependency', error), instance);
    log.error({ err: error, requestId: instance }, 'unhandled error');
    sendProblem(res, problem(500, 'INTERNAL', 'Internal error', 'The error was logged; quote the instance id when reporting it.', { instance }));
  };
}

function sendAppError(log: Logger, res: Response, error: AppError, instance: string): void {
  if (error.httpStatus >= 500) log.warn({ err: error, requestId: instance }, 'request failed');
  const retryAfter = (error as AppError & { retryAfterSeconds?: unknown }).retryAfterSeconds;
  if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
  sendProblem(res, problem(error.httpStatus, error.code, error.message, undefined, { instance }));
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
