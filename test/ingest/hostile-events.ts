import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { MAX_EVENT_BYTES } from '../../contracts/identity-update.v1.js';
import type { RejectionReason } from '../../src/ingest/rejection.js';
import { signEvent } from '../../src/ingest/signature.js';
import { cnResidentId } from '../resolve/resolution-fixtures.js';

/**
 * Generators of malformed and hostile identity.update messages. Each generator knows what it broke,
 * so every message carries the one reason code the ingest path must dead-letter it with.
 */

export type FuzzSource = 'demo-telco' | 'demo-registry' | 'demo-creditor';
export const SUSPENDED = 'test-suspended';

/** The parts of a Kafka message a provider controls. */
export interface FuzzMessage {
  key: Buffer | null;
  value: Buffer;
  headers: Record<string, Buffer | string>;
}

export interface HostileEvent {
  /** Correlates the message with its dead letter (the `fuzz-case` header is copied there). */
  id: number;
  /** What the generator broke, e.g. `wrong-type:subject.phones.0.number`. */
  kind: string;
  expected: RejectionReason;
  message: FuzzMessage;
}

export const FUZZ_CASE_HEADER = 'fuzz-case';

export interface FuzzContext {
  /** In every fuzzed sourceRecordId, so a partial write is found by one query. */
  marker: string;
  keyOf: (sourceId: string) => Buffer | undefined;
  now: () => Date;
}

/** A data-only description of one hostile message; `materialize` turns it into bytes. */
interface Recipe {
  kind: string;
  expected: RejectionReason;
  source: FuzzSource | typeof SUSPENDED;
  body: JsonBody | TextBody | BytesBody;
  /** The source-id header: the body's source unless set; null leaves it out. */
  header?: string | null;
  signature?: { as: string } | { literal: string | null } | { tamperAfterSigning: true };
  key?: 'none' | 'other-record';
}
interface JsonBody { json: Record<string, unknown>; deep?: { depth: number; open: string; close: string } }
interface TextBody { text: (valid: string) => string }
interface BytesBody { bytes: (valid: Buffer) => Buffer }

const RID = '@@RID@@';
const DEEP = '"@@DEEP@@"';
const OBSERVED = '2024-05-01T08:00:00+08:00';

export function baseEvent(source: FuzzSource | typeof SUSPENDED): Record<string, unknown> {
  const envelope = { eventId: randomUUID(), sourceId: source, sourceRecordId: RID, observedAt: OBSERVED, op: 'upsert' };
  const names = [{ full: '王小明', script: 'Hans' }];
  const phones = [{ number: '+8619900000001', status: 'active', lastSeenAt: OBSERVED }];
  switch (source) {
    case 'demo-registry':
      return {
        ...envelope,
        subject: {
          names,
          birthDate: '1985-06-15',
          nationalIds: [{ country: 'CN', type: 'CN_RIC', value: cnResidentId('19850615') }],
          addresses: [{ lines: ['1 Chang’an Avenue'], locality: 'Beijing', country: 'CN' }],
        },
      };
    case 'demo-creditor':
      return {
        ...envelope,
        subject: {
          names,
          birthDate: '1985-06-15',
          phones,
          emails: [{ address: 'xiaoming@example.com', verified: true }],
          addresses: [{ lines: ['1 Chang’an Avenue'], country: 'CN' }],
          employer: { name: 'Example Trading Co.' },
        },
      };
    default:
      return { ...envelope, subject: { names, phones, relations: [{ kind: 'frequent_contact', phone: '+8619900000002', weight: 0.8 }] } };
  }
}

/** The valid event of a source, with this marker-free record id: what a well-behaved provider sends. */
export function validMessage(source: FuzzSource, sourceRecordId: string, keyOf: FuzzContext['keyOf']): FuzzMessage & { eventId: string } {
  const event: Record<string, unknown> = { ...baseEvent(source), sourceRecordId };
  const value = Buffer.from(JSON.stringify(event));
  return {
    eventId: event.eventId as string,
    key: Buffer.from(`${source}:${sourceRecordId}`),
    value,
    headers: { 'source-id': source, signature: signEvent(value, keyOf(source)!) },
  };
}

export function materialize(recipe: Recipe, id: number, ctx: FuzzContext): HostileEvent {
  const rid = `${ctx.marker}${id}`;
  const validText = JSON.stringify(baseEvent(recipe.source)).replaceAll(RID, rid);
  let value: Buffer;
  if ('json' in recipe.body) {
    let text = JSON.stringify(recipe.body.json).replaceAll(RID, rid);
    const deep = recipe.body.deep;
    if (deep) text = text.replace(DEEP, deep.open.repeat(deep.depth) + '0' + deep.close.repeat(deep.depth));
    value = Buffer.from(text);
  } else if ('text' in recipe.body) {
    value = Buffer.from(recipe.body.text(validText));
  } else {
    value = recipe.body.bytes(Buffer.from(validText));
  }
  const headerSource = recipe.header === undefined ? recipe.source : recipe.header;
  const headers: Record<string, Buffer | string> = { [FUZZ_CASE_HEADER]: String(id) };
  if (headerSource !== null) headers['source-id'] = headerSource;
  const signature = signatureFor(recipe, value, headerSource, ctx);
  if (signature !== null) headers['signature'] = signature;
  const key = recipe.key === 'none' ? null : Buffer.from(`${recipe.source}:${recipe.key === 'other-record' ? `${rid}-other` : rid}`);
  return { id, kind: recipe.kind, expected: recipe.expected, message: { key, value, headers } };
}

function signatureFor(recipe: Recipe, value: Buffer, headerSource: string | null, ctx: FuzzContext): string | null {
  const s = recipe.signature;
  if (s !== undefined && 'literal' in s) return s.literal;
  const signer = s !== undefined && 'as' in s ? s.as : (headerSource ?? recipe.source);
  const key = ctx.keyOf(signer) ?? Buffer.alloc(32, 7);
  if (s !== undefined && 'tamperAfterSigning' in s) {
    const signature = signEvent(value, key);
    // One changed byte after signing: what a man in the middle (or a buggy provider) would send.
    value[value.length - 2] = value[value.length - 2] === 0x30 ? 0x31 : 0x30;
    return signature;
  }
  return signEvent(value, key);
}

// ---- where things can be broken ----

type Path = (string | number)[];
const SOURCES: FuzzSource[] = ['demo-telco', 'demo-registry', 'demo-creditor'];
const source = fc.constantFrom(...SOURCES);
const withPhones = fc.constantFrom<FuzzSource>('demo-telco', 'demo-creditor');

function setAt(obj: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  let node = obj as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === REMOVE) delete node[last];
  // defineProperty, so a key named __proto__ becomes an own (serialized) property, not a prototype.
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  return obj;
}
const REMOVE = Symbol('remove');

function mutated(src: FuzzSource | typeof SUSPENDED, path: Path, value: unknown): Record<string, unknown> {
  return setAt(baseEvent(src), path, value);
}

const show = (path: Path) => path.join('.');

/** JSON values that are not strings (a string field given something else). */
const notString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);
const notArray = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 20 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }));
const notNumber = fc.oneof(fc.boolean(), fc.constant(null), fc.string({ maxLength: 10 }), fc.array(fc.integer(), { maxLength: 2 }), fc.constant({}));

const schemaInvalid = (kind: string, src: FuzzSource | typeof SUSPENDED, json: Record<string, unknown>, extra: Partial<Recipe> = {}): Recipe => ({
  kind,
  expected: 'SCHEMA_INVALID',
  source: src,
  body: { json },
  ...extra,
});

const STRING_PATHS: Path[] = [['eventId'], ['sourceId'], ['sourceRecordId'], ['observedAt'], ['op'], ['legalBasis'], ['subject', 'names', 0, 'full']];
const PHONE_STRING_PATHS: Path[] = [['subject', 'phones', 0, 'number'], ['subject', 'phones', 0, 'status'], ['subject', 'phones', 0, 'lastSeenAt']];

const wrongType = fc.oneof(
  fc.tuple(source, fc.constantFrom(...STRING_PATHS), notString).map(([s, p, v]) => schemaInvalid(`wrong-type:${show(p)}`, s, mutated(s, p, v))),
  fc.tuple(withPhones, fc.constantFrom(...PHONE_STRING_PATHS), notString).map(([s, p, v]) => schemaInvalid(`wrong-type:${show(p)}`, s, mutated(s, p, v))),
  fc.tuple(source, fc.constantFrom<Path>(['subject', 'names'], ['subject']), notArray.filter((v) => v === null || typeof v !== 'object' || Object.keys(v).length > 0))
    .map(([s, p, v]) => schemaInvalid(`wrong-type:${show(p)}`, s, mutated(s, p, v))),
  fc.tuple(fc.constant<FuzzSource>('demo-telco'), notNumber).map(([s, v]) => schemaInvalid('wrong-type:subject.relations.0.weight', s, mutated(s, ['subject', 'relations', 0, 'weight'], v))),
  fc.tuple(source, notNumber).map(([s, v]) => schemaInvalid('wrong-type:schemaVersion', s, mutated(s, ['schemaVersion'], v))),
);

const REQUIRED: Path[] = [['eventId'], ['sourceId'], ['sourceRecordId'], ['observedAt'], ['op'], ['subject'], ['subject', 'names', 0, 'full']];
const missingField = fc.oneof(
  fc.tuple(source, fc.constantFrom(...REQUIRED)).map(([s, p]) => schemaInvalid(`missing:${show(p)}`, s, mutated(s, p, REMOVE))),
  fc.tuple(withPhones, fc.constantFrom(...PHONE_STRING_PATHS)).map(([s, p]) => schemaInvalid(`missing:${show(p)}`, s, mutated(s, p, REMOVE))),
);

/** Longer than the contract allows, yet well under the message size limit. */
const tooLong = fc.oneof(
  fc.tuple(source, fc.integer({ min: 201, max: 20_000 })).map(([s, n]) => schemaInvalid('too-long:sourceRecordId', s, mutated(s, ['sourceRecordId'], RID + 'x'.repeat(n)))),
  fc.tuple(source, fc.integer({ min: 201, max: 20_000 }), fc.constantFrom('x', '王', '😀')).map(([s, n, c]) => schemaInvalid('too-long:subject.names.0.full', s, mutated(s, ['subject', 'names', 0, 'full'], c.repeat(n)))),
  fc.tuple(source, fc.integer({ min: 501, max: 50_000 })).map(([s, n]) => schemaInvalid('too-long:legalBasis', s, mutated(s, ['legalBasis'], 'b'.repeat(n)))),
  fc.tuple(withPhones, fc.integer({ min: 33, max: 5_000 })).map(([s, n]) => schemaInvalid('too-long:subject.phones.0.number', s, mutated(s, ['subject', 'phones', 0, 'number'], '+' + '8'.repeat(n)))),
  fc.tuple(source, fc.integer({ min: 11, max: 1_000 })).map(([s, n]) => {
    const names = Array.from({ length: n }, () => ({ full: '王小明' }));
    return schemaInvalid('too-many:subject.names', s, mutated(s, ['subject', 'names'], names));
  }),
);

const deepNesting = fc
  .tuple(source, fc.constantFrom<Path>(['deep'], ['subject', 'names'], ['subject'], ['legalBasis'], ['subject', 'names', 0, 'full']), fc.integer({ min: 100, max: 30_000 }), fc.boolean())
  .map(([s, p, depth, arrays]): Recipe => ({
    kind: `deep-nesting:${show(p)}`,
    expected: 'SCHEMA_INVALID',
    source: s,
    body: { json: mutated(s, p, '@@DEEP@@'), deep: { depth, open: arrays ? '[' : '{"a":', close: arrays ? ']' : '}' } },
  }));

const INVALID_UTF8 = [[0xff], [0xfe], [0xc0, 0xaf], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]];
const invalidUtf8 = fc.tuple(source, fc.constantFrom(...INVALID_UTF8), fc.double({ min: 0, max: 1, noNaN: true })).map(
  ([s, seq, at]): Recipe => ({
    kind: 'invalid-utf8',
    expected: 'NOT_JSON',
    source: s,
    body: {
      bytes: (valid) => {
        const cut = Math.min(valid.length - 1, Math.floor(at * valid.length));
        return Buffer.concat([valid.subarray(0, cut), Buffer.from(seq), valid.subarray(cut)]);
      },
    },
  }),
);

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'];
const pollution = fc
  .tuple(source, fc.constantFrom<Path>([], ['subject'], ['subject', 'names', 0]), fc.constantFrom(...POLLUTION_KEYS), fc.constantFrom<unknown>({ polluted: true }, { prototype: { polluted: true } }, 'polluted', null))
  .map(([s, at, key, value]) => schemaInvalid(`prototype-key:${show([...at, key])}`, s, mutated(s, [...at, key], value)));

const numbersAsStrings = fc.oneof(
  fc.constant<FuzzSource>('demo-telco').map((s) => schemaInvalid('number-as-string:subject.relations.0.weight', s, mutated(s, ['subject', 'relations', 0, 'weight'], '0.8'))),
  source.map((s) => schemaInvalid('number-as-string:schemaVersion', s, mutated(s, ['schemaVersion'], '1'))),
  fc.constant<FuzzSource>('demo-creditor').map((s) => schemaInvalid('boolean-as-string:subject.emails.0.verified', s, mutated(s, ['subject', 'emails', 0, 'verified'], 'true'))),
  source.map((s) => schemaInvalid('number-as-string:observedAt', s, mutated(s, ['observedAt'], String(Date.parse(OBSERVED))))),
);

/** Dated later than 5 minutes after receipt; the margin leaves room for the trip through Kafka. */
const futureTimestamp = fc.tuple(source, fc.integer({ min: 10 * 60, max: 100 * 365 * 24 * 3600 })).map(([s, aheadSeconds]) => {
  const json = baseEvent(s);
  return { kind: 'future-timestamp', expected: 'SCHEMA_INVALID' as const, source: s, body: { json }, futureSeconds: aheadSeconds };
});

const badTimestamp = fc
  .tuple(source, fc.constantFrom('yesterday', '2024-05-01', '2024-05-01T08:00:00', '', '2024-13-01T00:00:00Z', '2024-05-01T25:00:00Z', '1714550400'))
  .map(([s, v]) => schemaInvalid('malformed-timestamp', s, mutated(s, ['observedAt'], v)));

const UNKNOWN_KEY = fc.string({ minLength: 1, maxLength: 30 }).filter((k) => !['eventId', 'sourceId', 'sourceRecordId', 'observedAt', 'op', 'subject', 'legalBasis', 'schemaVersion', 'names', 'phones', 'relations', 'birthDate', 'nationalIds', 'addresses', 'emails', 'employer', 'full', 'given', 'family', 'script'].includes(k));
const unknownField = fc
  .tuple(source, fc.constantFrom<Path>([], ['subject'], ['subject', 'names', 0]), UNKNOWN_KEY, fc.jsonValue({ maxDepth: 2 }))
  .map(([s, at, key, value]) => schemaInvalid('unknown-field', s, mutated(s, [...at, key], value)));

const CONTROL = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || (c >= 0x7f && c <= 0x9f)).map((c) => String.fromCharCode(c));
const controlCharacters = fc
  .tuple(source, fc.constantFrom<Path>(['subject', 'names', 0, 'full'], ['sourceRecordId'], ['legalBasis']), CONTROL)
  .map(([s, p, c]) => schemaInvalid(`control-character:${show(p)}`, s, mutated(s, p, p[0] === 'sourceRecordId' ? `${RID}${c}x` : `a${c}b`)));

const envelopeMismatch = fc.oneof(
  source.map((s) => schemaInvalid('key:missing', s, baseEvent(s), { key: 'none' })),
  source.map((s) => schemaInvalid('key:other-record', s, baseEvent(s), { key: 'other-record' })),
  fc.tuple(source, source).filter(([a, b]) => a !== b).map(([header, body]) => schemaInvalid('body-source-differs-from-header', header, mutated(header, ['sourceId'], body))),
);

/** Valid by the schema, impossible by meaning: caught when the event is projected. */
const impossibleValues = fc.oneof(
  fc.tuple(withPhones, fc.constantFrom('+86123', '+999999', '000', '+1 (000) 000-0000')).map(([s, n]) => schemaInvalid('impossible:phone', s, mutated(s, ['subject', 'phones', 0, 'number'], n))),
  fc.constant<FuzzSource>('demo-registry').map((s) => {
    const id = cnResidentId('19850615');
    const wrong = id.slice(0, -1) + (id.endsWith('0') ? '1' : '0');
    return schemaInvalid('impossible:national-id-check-digit', s, mutated(s, ['subject', 'nationalIds', 0, 'value'], wrong));
  }),
  fc.tuple(fc.constantFrom<FuzzSource>('demo-registry', 'demo-creditor'), fc.constantFrom('2999-01-01', '1850-01-01', '2023-02-30')).map(([s, d]) => schemaInvalid('impossible:birth-date', s, mutated(s, ['subject', 'birthDate'], d))),
);

const notJson = fc.oneof(
  fc.tuple(source, fc.double({ min: 0, max: 0.999, noNaN: true })).map(([s, at]): Recipe => ({ kind: 'truncated-json', expected: 'NOT_JSON', source: s, body: { text: (valid) => valid.slice(0, Math.max(1, Math.floor(at * valid.length))) } })),
  fc.tuple(source, fc.string({ maxLength: 200 }).filter((t) => !isJsonObject(t))).map(([s, t]): Recipe => ({ kind: 'garbage-text', expected: 'NOT_JSON', source: s, body: { text: () => t } })),
  fc.tuple(source, fc.jsonValue({ maxDepth: 3 }).filter((v) => v === null || typeof v !== 'object' || Array.isArray(v))).map(([s, v]): Recipe => ({ kind: 'json-not-an-object', expected: 'NOT_JSON', source: s, body: { text: () => JSON.stringify(v) } })),
);

const tooLarge = fc.tuple(source, fc.integer({ min: 1, max: 64 * 1024 }), fc.boolean(), fc.constantFrom<string | null | undefined>(undefined, null, 'nobody', SUSPENDED)).map(
  ([s, over, asJson, header]): Recipe => ({
    kind: 'too-large',
    expected: 'TOO_LARGE',
    source: s,
    header,
    // Size is checked first: unsigned, unknown or suspended, a too-large message is refused unread.
    body: asJson
      ? { text: (valid) => valid.replace('"legalBasis"', '"x"').replace('{', `{"legalBasis":"${'L'.repeat(MAX_EVENT_BYTES + over - valid.length)}",`) }
      : { bytes: () => Buffer.alloc(MAX_EVENT_BYTES + over, 0x7b) },
  }),
);

const unknownSource = fc.tuple(
  source,
  fc.oneof(
    fc.constantFrom<string | null>(null, '', 'DEMO-TELCO', ' demo-telco', 'demo-telco ', 'demo-telco\u0000', 'dеmo-telco', 'demo_telco', '*', '../demo-telco'),
    fc.stringMatching(/^[a-z][a-z0-9-]{2,30}$/).filter((id) => ![...SOURCES, SUSPENDED].includes(id)),
  ),
).map(([s, header]): Recipe => ({ kind: header === null ? 'source-header-missing' : 'unknown-source', expected: 'UNKNOWN_SOURCE', source: s, header, body: { json: baseEvent(s) }, signature: { as: s } }));

const suspendedSource = fc.constantFrom<Recipe['signature']>(undefined, { literal: null }, { literal: '00'.repeat(32) }).map(
  (signature): Recipe => ({ kind: 'suspended-source', expected: 'SOURCE_SUSPENDED', source: SUSPENDED, body: { json: baseEvent(SUSPENDED) }, ...(signature ? { signature } : {}) }),
);

const HEX64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const forgedSignature = fc.tuple(
  source,
  fc.oneof(
    HEX64.map((h) => ({ kind: 'random-signature', signature: { literal: h } })),
    fc.constantFrom(...SOURCES, SUSPENDED).map((as) => ({ kind: 'signed-with-another-key', signature: { as } })),
    fc.constant({ kind: 'signature-missing', signature: { literal: null } }),
    fc.string({ maxLength: 100 }).filter((t) => !/^[0-9a-fA-F]{64}$/.test(t)).map((t) => ({ kind: 'signature-garbage', signature: { literal: t } })),
    fc.constant({ kind: 'tampered-after-signing', signature: { tamperAfterSigning: true as const } }),
  ),
).filter(([s, f]) => !('as' in f.signature) || f.signature.as !== s)
  .map(([s, f]): Recipe => ({ kind: f.kind, expected: 'BAD_SIGNATURE', source: s, body: { json: baseEvent(s) }, signature: f.signature }));

/** Field groups each demo source may not send, with a schema-valid value for each. */
const FORBIDDEN: Record<FuzzSource, [string, unknown][]> = {
  'demo-telco': [
    ['emails', [{ address: 'a@example.com' }]],
    ['addresses', [{ lines: ['x'], country: 'CN' }]],
    ['employer', { name: 'X' }],
    ['birthDate', '1985-06-15'],
    ['emails', []],
  ],
  'demo-registry': [
    ['phones', [{ number: '+8619900000001', status: 'active', lastSeenAt: OBSERVED }]],
    ['relations', [{ kind: 'household_member', phone: '+8619900000002', weight: 0.5 }]],
    ['emails', []],
    ['employer', { name: 'X' }],
  ],
  'demo-creditor': [['relations', [{ kind: 'emergency_contact', phone: '+8619900000002', weight: 1 }]], ['relations', []]],
};
const fieldNotPermitted = fc.tuple(source, fc.nat(), fc.boolean()).map(([s, pick, retract]) => {
  const options = FORBIDDEN[s];
  const [group, value] = options[pick % options.length]!;
  const json = mutated(s, ['subject', group], value);
  if (retract) json.op = 'retract';
  return { kind: `field-not-permitted:${group}${retract ? ':retract' : ''}`, expected: 'FIELD_NOT_PERMITTED' as const, source: s, body: { json } };
});

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

type FutureRecipe = Recipe & { futureSeconds?: number };

/** Every kind of breakage, equally likely; each message is one breakage of one source's valid event. */
export const hostileRecipe: fc.Arbitrary<FutureRecipe> = fc.oneof(
  wrongType,
  missingField,
  tooLong,
  deepNesting,
  invalidUtf8,
  pollution,
  numbersAsStrings,
  futureTimestamp,
  badTimestamp,
  unknownField,
  controlCharacters,
  envelopeMismatch,
  impossibleValues,
  notJson,
  tooLarge,
  unknownSource,
  suspendedSource,
  forgedSignature,
  fieldNotPermitted,
);

/** Turns a recipe into a message; a future timestamp is dated from the clock at this moment. */
export function hostileEvent(recipe: FutureRecipe, id: number, ctx: FuzzContext): HostileEvent {
  if (recipe.futureSeconds !== undefined && 'json' in recipe.body) {
    const at = new Date(ctx.now().getTime() + recipe.futureSeconds * 1000).toISOString();
    recipe = { ...recipe, body: { json: { ...recipe.body.json, observedAt: at } } };
  }
  return materialize(recipe, id, ctx);
}

/** `count` hostile messages, reproducible from `seed`. */
export function hostileEvents(count: number, seed: number, ctx: FuzzContext): HostileEvent[] {
  return fc.sample(hostileRecipe, { numRuns: count, seed }).map((recipe, i) => hostileEvent(recipe, i, ctx));
}
