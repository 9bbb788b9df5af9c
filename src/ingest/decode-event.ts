import { identityUpdateV1, MAX_EVENT_BYTES } from '../../contracts/identity-update.v1.js';
import type { IdentityUpdateV1 } from '../../contracts/identity-update.v1.js';
import { toSchemaProblems } from '../../contracts/schema-problems.js';
import type { SchemaProblem } from '../../contracts/schema-problems.js';
import type { SourceDefinition } from '../../contracts/source-registry.js';
import { authenticateSource } from './authenticate-source.js';
import type { SourceLookup } from './authenticate-source.js';
import { checkEnvelope } from './check-envelope.js';
import { forbiddenFieldGroups } from './field-permissions.js';
import type { IngestMessage } from './ingest-message.js';
import { parseJsonObject } from './parse-json-object.js';
import type { Rejection } from './rejection.js';

export type DecodeResult =
  | { ok: true; event: IdentityUpdateV1; source: SourceDefinition }
  | { ok: false; rejection: Rejection };

const NO_VALUE = Buffer.alloc(0);

/**
 * Turns one consumed message into a trusted event or a rejection for the dead-letter topic. Pure
 * and total: the clock is injected and every failure is returned, never thrown. Checks run
 * cheapest and least trusting first, so bytes are parsed only once their source is proven.
 */
export function decodeIdentityUpdate(
  message: IngestMessage,
  registry: SourceLookup,
  now: Date,
): DecodeResult {
  const value = message.value ?? NO_VALUE;
  if (value.length > MAX_EVENT_BYTES) {
    return rejected({
      reason: 'TOO_LARGE',
      detail: `value is larger than ${MAX_EVENT_BYTES} bytes`,
    });
  }

  const auth = authenticateSource(message, value, registry);
  if (!auth.ok) return auth;
  const { source } = auth;
  const sourceId = source.id;

  if (message.value === null) {
    return rejected({ reason: 'NOT_JSON', detail: 'message has no value', sourceId });
  }
  const json = parseJsonObject(value);
  if (!json.ok) return rejected({ reason: 'NOT_JSON', detail: json.detail, sourceId });

  const parsed = identityUpdateV1.safeParse(json.body);
  if (!parsed.success) {
    return schemaInvalid(sourceId, toSchemaProblems(parsed.error));
  }
  const event = parsed.data;
  const envelopeProblems = checkEnvelope(event, { sourceId, key: message.key, now });
  if (envelopeProblems.length > 0) return schemaInvalid(sourceId, envelopeProblems);

  const forbidden = forbiddenFieldGroups(event, source);
  if (forbidden.length > 0) {
    return rejected({
      reason: 'FIELD_NOT_PERMITTED',
      detail: `source ${sourceId} is not permitted to send: ${forbidden.join(', ')}`,
      sourceId,
    });
  }
  return { ok: true, event, source };
}

const rejected = (rejection: Rejection): DecodeResult => ({ ok: false, rejection });

function schemaInvalid(sourceId: string, problems: SchemaProblem[]): DecodeResult {
  const paths = problems.slice(0, 5).map((p) => p.path);
  const more = problems.length > paths.length ? ` and ${problems.length - paths.length} more` : '';
  return rejected({
    reason: 'SCHEMA_INVALID',
    detail: `event does not match identity.update v1 at: ${paths.join(', ')}${more}`,
    sourceId,
    problems,
  });
}
