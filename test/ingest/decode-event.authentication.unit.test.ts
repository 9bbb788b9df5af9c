import { strict as assert } from 'node:assert';
import { MAX_EVENT_BYTES } from '../../contracts/identity-update.v1.js';
import { createDevelopmentRegistry } from '../../src/ingest/dev-registry.js';
import { decodeIdentityUpdate } from '../../src/ingest/decode-event.js';
import { signEvent } from '../../src/ingest/signature.js';
import { SourceRegistry } from '../../src/ingest/source-registry.js';
import { EXAMPLE_NAMES, loadExample } from '../contracts/repo-files.js';
import { devKeys, keyOf, NOW, registry, rejectionOf, signedMessage } from './signed-message.js';

describe('decoding identity updates: authentication', () => {
  for (const name of EXAMPLE_NAMES) {
    it(`when the ${name} example is sent signed by its source, then it decodes to the event and its source`, () => {
      const body = loadExample(name);
      const result = decodeIdentityUpdate(signedMessage(body), registry, NOW);
      assert.ok(result.ok, JSON.stringify(result.ok ? null : result.rejection));
      assert.deepEqual(result.event, body);
      assert.equal(result.source.id, body['sourceId']);
    });
  }

  it('when the value is larger than 256 KiB, then it is rejected with TOO_LARGE before the source is looked at', () => {
    const huge = Buffer.alloc(MAX_EVENT_BYTES + 1, 0x20);
    const rejection = rejectionOf(
      decodeIdentityUpdate(signedMessage(huge, { sourceId: null }), registry, NOW),
    );
    assert.equal(rejection.reason, 'TOO_LARGE');
    assert.equal(rejection.sourceId, undefined);
  });

  it('when the value is exactly 256 KiB, then size is not the reason it is rejected', () => {
    const padded = Buffer.alloc(MAX_EVENT_BYTES, 0x20);
    const rejection = rejectionOf(
      decodeIdentityUpdate(signedMessage(padded, { sourceId: 'demo-telco' }), registry, NOW),
    );
    assert.equal(rejection.reason, 'NOT_JSON');
  });

  it('when the source-id header is missing, then the event is rejected with UNKNOWN_SOURCE', () => {
    const message = signedMessage(loadExample('telecom'), {
      sourceId: null,
      signWith: keyOf('demo-telco'),
    });
    const rejection = rejectionOf(decodeIdentityUpdate(message, registry, NOW));
    assert.equal(rejection.reason, 'UNKNOWN_SOURCE');
    assert.match(rejection.detail, /source-id is missing/);
  });

  it('when the source-id header names no registered source, then the event is rejected with UNKNOWN_SOURCE', () => {
    const message = signedMessage(loadExample('telecom'), {
      sourceId: 'telco-x',
      signWith: keyOf('demo-telco'),
    });
    const rejection = rejectionOf(decodeIdentityUpdate(message, registry, NOW));
    assert.equal(rejection.reason, 'UNKNOWN_SOURCE');
    assert.equal(rejection.sourceId, undefined);
  });

  it('when the source is suspended, then its correctly signed event is rejected with SOURCE_SUSPENDED', () => {
    const file = createDevelopmentRegistry();
    const suspended = new SourceRegistry(
      {
        ...file,
        sources: file.sources.map((s) =>
          s.id === 'demo-telco' ? { ...s, status: 'suspended' as const } : s,
        ),
      },
      devKeys,
    );
    const rejection = rejectionOf(
      decodeIdentityUpdate(signedMessage(loadExample('telecom')), suspended, NOW),
    );
    assert.equal(rejection.reason, 'SOURCE_SUSPENDED');
    assert.equal(rejection.sourceId, 'demo-telco');
  });

  it('when the signature header is missing, then the event is rejected with BAD_SIGNATURE', () => {
    const rejection = rejectionOf(
      decodeIdentityUpdate(
        signedMessage(loadExample('telecom'), { signature: null }),
        registry,
        NOW,
      ),
    );
    assert.equal(rejection.reason, 'BAD_SIGNATURE');
    assert.match(rejection.detail, /signature is missing/);
  });

  it("when the signature was made with another source's key, then the event is rejected with BAD_SIGNATURE", () => {
    const message = signedMessage(loadExample('telecom'), { signWith: keyOf('demo-creditor') });
    const rejection = rejectionOf(decodeIdentityUpdate(message, registry, NOW));
    assert.equal(rejection.reason, 'BAD_SIGNATURE');
    assert.equal(rejection.sourceId, 'demo-telco');
  });

  it('when the value was changed after signing, then the event is rejected with BAD_SIGNATURE', () => {
    const message = signedMessage(loadExample('telecom'));
    const signed = message.value!;
    const tampered = Buffer.from(signed.toString('utf8').replace('"active"', '"inactive"'));
    assert.notDeepEqual(tampered, signed);
    const rejection = rejectionOf(
      decodeIdentityUpdate({ ...message, value: tampered }, registry, NOW),
    );
    assert.equal(rejection.reason, 'BAD_SIGNATURE');
  });

  it('when the signature header is garbage, then the event is rejected with BAD_SIGNATURE', () => {
    const message = signedMessage(loadExample('telecom'), { signature: 'sha256=not-hex' });
    assert.equal(rejectionOf(decodeIdentityUpdate(message, registry, NOW)).reason, 'BAD_SIGNATURE');
  });

  it('when the signature is sent as a string header in upper case, then it still verifies', () => {
    const body = loadExample('telecom');
    const value = Buffer.from(JSON.stringify(body));
    const signature = signEvent(value, keyOf('demo-telco')).toUpperCase();
    const result = decodeIdentityUpdate(
      signedMessage(value, {
        sourceId: 'demo-telco',
        signature,
        key: Buffer.from('demo-telco:SUB-000000001'),
      }),
      registry,
      NOW,
    );
    assert.ok(result.ok);
  });
});
