import { createHmac } from 'node:crypto';

/**
 * A keyed HMAC of a record key (`sourceId:sourceRecordId`). Erasure tombstones hold only this, so the
 * service can recognize a provider sending an erased record again without keeping which record it was.
 */
export function recordFingerprint(identifierKey: Buffer, key: string): string {
  return createHmac('sha256', identifierKey).update(`record|${key}`).digest('hex');
}
