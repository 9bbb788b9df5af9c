import type { SourceDefinition } from '../../contracts/source-registry.js';
import { headerText, SIGNATURE_HEADER, SOURCE_ID_HEADER } from './ingest-message.js';
import type { IngestMessage } from './ingest-message.js';
import type { Rejection } from './rejection.js';
import { verifySignature } from './signature.js';
import type { SourceRegistry } from './source-registry.js';

export type SourceLookup = Pick<SourceRegistry, 'get' | 'keyFor'>;

export type Authentication =
  { ok: true; source: SourceDefinition } | { ok: false; rejection: Rejection };

/**
 * Runs before the body is parsed, so unauthenticated bytes are never parsed. The key is the one of
 * the source the header names: a provider signing with another source's key is refused.
 */
export function authenticateSource(
  message: IngestMessage,
  value: Buffer,
  registry: SourceLookup,
): Authentication {
  const sourceId = headerText(message, SOURCE_ID_HEADER);
  if (sourceId === undefined || sourceId === '') {
    return refuse({ reason: 'UNKNOWN_SOURCE', detail: `header ${SOURCE_ID_HEADER} is missing` });
  }
  const source = registry.get(sourceId);
  if (source === undefined) {
    return refuse({
      reason: 'UNKNOWN_SOURCE',
      detail: `header ${SOURCE_ID_HEADER} names no registered source`,
    });
  }
  if (source.status === 'suspended') {
    return refuse({
      reason: 'SOURCE_SUSPENDED',
      detail: `source ${source.id} is suspended`,
      sourceId: source.id,
    });
  }
  const signature = headerText(message, SIGNATURE_HEADER);
  if (signature === undefined) {
    return refuse({
      reason: 'BAD_SIGNATURE',
      detail: `header ${SIGNATURE_HEADER} is missing`,
      sourceId: source.id,
    });
  }
  const key = registry.keyFor(source.id);
  if (key === undefined || !verifySignature(value, key, signature)) {
    return refuse({
      reason: 'BAD_SIGNATURE',
      detail: `header ${SIGNATURE_HEADER} is not the HMAC-SHA256 of the value under the key of source ${source.id}`,
      sourceId: source.id,
    });
  }
  return { ok: true, source };
}

const refuse = (rejection: Rejection): Authentication => ({ ok: false, rejection });
