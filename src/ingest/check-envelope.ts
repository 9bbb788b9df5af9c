import type { IdentityUpdateV1 } from '../../contracts/identity-update.v1.js';
import type { SchemaProblem } from '../../contracts/schema-problems.js';
import { SOURCE_ID_HEADER } from './ingest-message.js';

/** Provider clocks drift; more than this ahead of ours is a bug or a forged timestamp. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export const MESSAGE_KEY_PATH = '(message key)';

export interface EnvelopeContext {
  /** The authenticated source named by the header. */
  sourceId: string;
  key: Buffer | null | undefined;
  now: Date;
}

/**
 * Cross-checks the schema cannot make. The message key is required: Kafka orders only within a
 * partition, so every event about one record must share `<sourceId>:<sourceRecordId>`, or an
 * upsert could overtake the retract that followed it.
 */
export function checkEnvelope(event: IdentityUpdateV1, context: EnvelopeContext): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (event.sourceId !== context.sourceId) {
    problems.push({ path: 'sourceId', message: `must equal the ${SOURCE_ID_HEADER} header` });
  }
  if (Date.parse(event.observedAt) - context.now.getTime() > MAX_CLOCK_SKEW_MS) {
    problems.push({
      path: 'observedAt',
      message: 'must not be more than 5 minutes after the time of receipt',
    });
  }
  const expectedKey = Buffer.from(`${event.sourceId}:${event.sourceRecordId}`, 'utf8');
  if (context.key === null || context.key === undefined || context.key.length === 0) {
    problems.push({
      path: MESSAGE_KEY_PATH,
      message: 'is missing; it must be "<sourceId>:<sourceRecordId>"',
    });
  } else if (!context.key.equals(expectedKey)) {
    problems.push({
      path: MESSAGE_KEY_PATH,
      message: 'must be "<sourceId>:<sourceRecordId>" of this event',
    });
  }
  return problems;
}
