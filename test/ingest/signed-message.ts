import { strict as assert } from 'node:assert';
import type { DecodeResult } from '../../src/ingest/decode-event.js';
import type { Rejection } from '../../src/ingest/rejection.js';
import { createDevelopmentRegistry, generateDevKeys } from '../../src/ingest/dev-registry.js';
import type { IngestMessage } from '../../src/ingest/ingest-message.js';
import { signEvent } from '../../src/ingest/signature.js';
import { SourceRegistry } from '../../src/ingest/source-registry.js';

/** Shortly after the observedAt of every example event. */
export const NOW = new Date('2024-05-02T00:00:00Z');

export const devKeys = generateDevKeys();
export const registry = new SourceRegistry(createDevelopmentRegistry(), devKeys);

export function keyOf(sourceId: string): Buffer {
  const key = registry.keyFor(sourceId);
  if (key === undefined) throw new Error(`test registry has no key for ${sourceId}`);
  return key;
}

export interface MessageOptions {
  /** The source-id header; defaults to the body's sourceId. `null` leaves the header out. */
  sourceId?: string | null;
  /** Defaults to the key of the header's source. */
  signWith?: Buffer;
  /** Overrides the computed signature header; `null` leaves it out. */
  signature?: string | null;
  /** Defaults to `<sourceId>:<sourceRecordId>` of the body. */
  key?: Buffer | null;
}

/** A message as a well-behaved provider would produce it, with knobs to make it misbehave. */
export function signedMessage(body: unknown, options: MessageOptions = {}): IngestMessage {
  const value = Buffer.isBuffer(body)
    ? body
    : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  const fields = isRecord(body) ? body : {};
  const sourceId =
    options.sourceId === undefined
      ? stringField(fields, 'sourceId', 'demo-telco')
      : options.sourceId;
  const headers: IngestMessage['headers'] = {};
  if (sourceId !== null) headers['source-id'] = Buffer.from(sourceId);
  const signWith = options.signWith ?? (sourceId === null ? undefined : registry.keyFor(sourceId));
  const signature =
    options.signature === undefined && signWith !== undefined
      ? signEvent(value, signWith)
      : options.signature;
  if (signature !== undefined && signature !== null) headers['signature'] = signature;
  const key =
    options.key === undefined
      ? Buffer.from(
          `${stringField(fields, 'sourceId', '')}:${stringField(fields, 'sourceRecordId', '')}`,
        )
      : options.key;
  return { key, value, headers };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Buffer.isBuffer(value);
}

function stringField(fields: Record<string, unknown>, name: string, fallback: string): string {
  const value = fields[name];
  return typeof value === 'string' ? value : fallback;
}

export function rejectionOf(result: DecodeResult): Rejection {
  if (result.ok) assert.fail('expected the event to be rejected');
  return result.rejection;
}
