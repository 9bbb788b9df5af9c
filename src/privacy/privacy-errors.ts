import { NotFoundError } from '../errors.js';

/** The same answer for a malformed id, an unknown one and an erased one: ids cannot be probed. */
export class SubjectNotFoundError extends NotFoundError {
  constructor() {
    super('SUBJECT_NOT_FOUND', 'No such data subject');
  }
}
