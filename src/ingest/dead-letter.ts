import type { SchemaProblem } from '../../contracts/schema-problems.js';
import type { IngestMessage } from './ingest-message.js';
import type { Rejection } from './rejection.js';

/** A message for the dead-letter topic, independent of the Kafka client. */
export interface DeadLetter {
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | string>;
}

export interface DeadLetterOrigin {
  topic: string;
  partition: number;
  offset: string;
  rejectedAt: Date;
}

export const MAX_DETAIL_BYTES = 1024;
export const MAX_PROBLEMS_BYTES = 4096;

/**
 * The original key, value and headers are kept byte for byte, so a fixed provider (or a fixed
 * consumer) can replay the message and its signature still verifies. dlq-source-id is omitted
 * when no registered source was named.
 */
export function toDeadLetterMessage(
  original: IngestMessage,
  rejection: Rejection,
  origin: DeadLetterOrigin,
): DeadLetter {
  // Null prototype: a header named `__proto__` is copied as a header, not as the object's prototype.
  const headers = Object.create(null) as Record<string, Buffer | string>;
  for (const [name, value] of Object.entries(original.headers)) {
    if (value !== undefined) headers[name] = value;
  }
  headers['dlq-reason'] = rejection.reason;
  headers['dlq-detail'] = truncateUtf8(rejection.detail, MAX_DETAIL_BYTES);
  if (rejection.sourceId !== undefined) headers['dlq-source-id'] = rejection.sourceId;
  headers['dlq-original-topic'] = origin.topic;
  headers['dlq-original-partition'] = String(origin.partition);
  headers['dlq-original-offset'] = origin.offset;
  headers['dlq-rejected-at'] = origin.rejectedAt.toISOString();
  headers['dlq-problems'] = problemsJson(rejection.problems ?? []);
  return { key: original.key ?? null, value: original.value, headers };
}

/** Drops whole problems rather than cutting the text, so the header is always valid JSON. */
function problemsJson(problems: SchemaProblem[]): string {
  const kept = [...problems];
  let json = JSON.stringify(kept);
  while (Buffer.byteLength(json) > MAX_PROBLEMS_BYTES && kept.length > 0) {
    kept.pop();
    const dropped = problems.length - kept.length;
    json = JSON.stringify([...kept, { path: '(root)', message: `and ${dropped} more problems` }]);
  }
  return json;
}

export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  const ellipsis = '…';
  let bytes = Buffer.byteLength(ellipsis);
  let out = '';
  for (const char of text) {
    bytes += Buffer.byteLength(char);
    if (bytes > maxBytes) break;
    out += char;
  }
  return out + ellipsis;
}
