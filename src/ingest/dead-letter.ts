import { MAX_EVENT_BYTES } from '../../contracts/identity-update.v1.js';
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
/** No real key (`<sourceId>:<sourceRecordId>`) or header (source id, signature) comes near this. */
export const MAX_KEPT_KEY_BYTES = 4096;
export const MAX_KEPT_HEADER_BYTES = 4096;

/**
 * The original key, value and headers are kept byte for byte, so a fixed provider (or a fixed
 * consumer) can replay the message and its signature still verifies. dlq-source-id is omitted
 * when no registered source was named.
 *
 * Except parts no valid event has: a value over MAX_EVENT_BYTES (refused unread, so never
 * replayable), an oversized key or header. Kept, they could make the letter larger than the
 * dead-letter topic accepts, and the pipeline, which never skips a message, would retry it forever
 * and stall the partition. `dlq-dropped` names what was left out and its size in bytes.
 */
export function toDeadLetterMessage(
  original: IngestMessage,
  rejection: Rejection,
  origin: DeadLetterOrigin,
): DeadLetter {
  const dropped: string[] = [];
  // Null prototype: a header named `__proto__` is copied as a header, not as the object's prototype.
  const headers = Object.create(null) as Record<string, Buffer | string>;
  for (const [name, value] of Object.entries(original.headers)) {
    if (value === undefined) continue;
    const bytes = Buffer.byteLength(name) + Buffer.byteLength(value);
    if (bytes > MAX_KEPT_HEADER_BYTES) dropped.push(`header:${bytes}`);
    else headers[name] = value;
  }
  let key = original.key ?? null;
  if (key !== null && key.length > MAX_KEPT_KEY_BYTES) {
    dropped.push(`key:${key.length}`);
    key = null;
  }
  let value = original.value;
  if (value !== null && value.length > MAX_EVENT_BYTES) {
    dropped.push(`value:${value.length}`);
    value = null;
  }
  headers['dlq-reason'] = rejection.reason;
  headers['dlq-detail'] = truncateUtf8(rejection.detail, MAX_DETAIL_BYTES);
  if (rejection.sourceId !== undefined) headers['dlq-source-id'] = rejection.sourceId;
  headers['dlq-original-topic'] = origin.topic;
  headers['dlq-original-partition'] = String(origin.partition);
  headers['dlq-original-offset'] = origin.offset;
  headers['dlq-rejected-at'] = origin.rejectedAt.toISOString();
  headers['dlq-problems'] = problemsJson(rejection.problems ?? []);
  if (dropped.length > 0) headers['dlq-dropped'] = truncateUtf8(dropped.join(','), MAX_DETAIL_BYTES);
  return { key, value, headers };
}

/** Bytes a letter adds to a produce request, near enough to keep each request under the broker's limit. */
export function deadLetterBytes(letter: DeadLetter): number {
  let bytes = (letter.key?.length ?? 0) + (letter.value?.length ?? 0);
  for (const [name, value] of Object.entries(letter.headers)) bytes += Buffer.byteLength(name) + Buffer.byteLength(value);
  return bytes;
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
