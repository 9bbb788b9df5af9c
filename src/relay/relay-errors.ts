import { AppError, NotFoundError } from '../errors.js';

/**
 * The creditor-facing refusals. Messages are fixed sentences: they never carry a number, a name,
 * a person id or which rule of another creditor's activity decided.
 */
export class CaseNotFoundError extends NotFoundError {
  constructor() {
    super('CASE_NOT_FOUND', 'No such case');
  }
}

export class BindingNotFoundError extends NotFoundError {
  constructor() {
    super('BINDING_NOT_FOUND', 'No such relay binding');
  }
}

export class NoReachableContactError extends AppError {
  constructor() {
    super('NO_REACHABLE_CONTACT', 'The debtor of this case has no reachable contact point now', { httpStatus: 409 });
  }
}

export class ContactRestrictedError extends AppError {
  constructor() {
    super('CONTACT_RESTRICTED', 'Contact with the debtor of this case is restricted', { httpStatus: 423 });
  }
}

export class ContactLimitReachedError extends AppError {
  constructor(readonly retryAfterSeconds: number | undefined) {
    super('CONTACT_LIMIT_REACHED', 'The contact frequency limit for this debtor is reached', { httpStatus: 429 });
  }
}

export class RelayPoolExhaustedError extends AppError {
  constructor() {
    super('RELAY_POOL_EXHAUSTED', 'No relay number is free; try again later', { httpStatus: 503, retriable: true });
  }
}

export class CaseClosedError extends AppError {
  constructor() {
    super('CASE_CLOSED', 'The case is closed', { httpStatus: 409 });
  }
}
