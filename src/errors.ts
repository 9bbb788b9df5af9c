/**
 * Errors are data: a stable `code` clients can branch on, the HTTP status it maps to, and whether a
 * consumer should retry (transient) or dead-letter (deterministic). Messages must never carry a
 * phone number, an ID number or anything about a third party: they may reach a creditor.
 */
export class AppError extends Error {
  readonly code: string;
  readonly httpStatus: number;
  readonly retriable: boolean;

  constructor(code: string, message: string, opts: { httpStatus?: number; retriable?: boolean; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.code = code;
    this.httpStatus = opts.httpStatus ?? 500;
    this.retriable = opts.retriable ?? false;
  }
}

/** A dependency (Kafka, Neo4j, the audit store) is unreachable or timed out: try again later. */
export class DependencyUnavailableError extends AppError {
  constructor(dependency: string, cause?: unknown) {
    super('DEPENDENCY_UNAVAILABLE', `${dependency} is unavailable`, { httpStatus: 503, retriable: true, cause });
  }
}

export class NotFoundError extends AppError {
  constructor(code: string, message: string) {
    super(code, message, { httpStatus: 404 });
  }
}

export class ValidationError extends AppError {
  constructor(
    message: string,
    readonly problems: { path: string; message: string }[] = [],
  ) {
    super('VALIDATION_FAILED', message, { httpStatus: 400 });
  }
}
