import { strict as assert } from 'node:assert';
import {
  FIELD_GROUPS,
  identitySubjectV1,
  identityUpdateV1,
} from '../../contracts/identity-update.v1.js';
import { toSchemaProblems } from '../../contracts/schema-problems.js';
import { EXAMPLE_NAMES, loadExample } from './repo-files.js';

function problemPaths(input: unknown): string[] {
  const result = identityUpdateV1.safeParse(input);
  assert.equal(result.success, false, 'expected the event to be invalid');
  return result.success ? [] : toSchemaProblems(result.error).map((p) => p.path);
}

function withoutSubject(): Record<string, unknown> {
  const event = loadExample('telecom');
  delete event['subject'];
  return event;
}

function withSubject(subject: Record<string, unknown>): Record<string, unknown> {
  return { ...loadExample('telecom'), subject };
}

describe('identity.update v1 contract', () => {
  for (const name of EXAMPLE_NAMES) {
    it(`when the ${name} example is validated, then it matches the schema`, () => {
      const result = identityUpdateV1.safeParse(loadExample(name));
      assert.ok(result.success, JSON.stringify(result.error?.issues));
    });
  }

  it('when the subject gains a key, then it is listed as a permissionable field group', () => {
    assert.deepEqual(Object.keys(identitySubjectV1.shape).sort(), [...FIELD_GROUPS].sort());
  });

  it('when an upsert has no subject, then the problem names subject', () => {
    assert.deepEqual(problemPaths(withoutSubject()), ['subject']);
  });

  it('when a retract has no subject, then it is valid', () => {
    assert.ok(identityUpdateV1.safeParse({ ...withoutSubject(), op: 'retract' }).success);
  });

  it('when op is neither upsert nor retract, then the problem names op', () => {
    assert.deepEqual(problemPaths({ ...loadExample('telecom'), op: 'delete' }), ['op']);
  });

  it('when an unknown field is sent at the top level or in the subject, then each is named by path', () => {
    const event = loadExample('telecom');
    const subject = event['subject'] as Record<string, unknown>;
    const paths = problemPaths({ ...event, nickname: 'x', subject: { ...subject, shoeSize: 42 } });
    assert.deepEqual(paths.sort(), ['nickname', 'subject.shoeSize']);
  });

  it('when a phone status is not in the list, then the path is subject.phones[0].status', () => {
    const phone = {
      number: '+8619900000001',
      status: 'roaming',
      lastSeenAt: '2024-05-01T08:00:00Z',
    };
    assert.deepEqual(problemPaths(withSubject({ phones: [phone] })), ['subject.phones[0].status']);
  });

  it('when a name has none of full, given or family, then it is rejected', () => {
    assert.deepEqual(problemPaths(withSubject({ names: [{ script: 'Latn' }] })), [
      'subject.names[0]',
    ]);
  });

  it('when birthDate is full or partial, then it is accepted, and an impossible date is not', () => {
    for (const birthDate of ['1985-06-15', '1985-06', '1985']) {
      assert.ok(identityUpdateV1.safeParse(withSubject({ birthDate })).success, birthDate);
    }
    for (const birthDate of ['1985-02-30', '1985-13', '85', '1985/06/15']) {
      assert.deepEqual(problemPaths(withSubject({ birthDate })), ['subject.birthDate'], birthDate);
    }
  });

  it('when observedAt has no offset, then it is rejected', () => {
    assert.deepEqual(
      problemPaths({ ...loadExample('telecom'), observedAt: '2024-05-01T08:00:00' }),
      ['observedAt'],
    );
  });

  it('when more than 20 phones are sent, then the list is rejected as too long', () => {
    const phone = {
      number: '+8619900000001',
      status: 'active',
      lastSeenAt: '2024-05-01T08:00:00Z',
    };
    assert.deepEqual(
      problemPaths(withSubject({ phones: Array.from({ length: 21 }, () => phone) })),
      ['subject.phones'],
    );
  });

  it('when a relation weight is outside 0..1, then it is rejected', () => {
    const relations = [{ kind: 'frequent_contact', phone: '+8619900000002', weight: 1.5 }];
    assert.deepEqual(problemPaths(withSubject({ relations })), ['subject.relations[0].weight']);
  });

  it('when a name is longer than 200 characters, then it is rejected', () => {
    assert.deepEqual(problemPaths(withSubject({ names: [{ full: 'x'.repeat(201) }] })), [
      'subject.names[0].full',
    ]);
  });

  it('when free text holds a control character, then it is rejected', () => {
    assert.deepEqual(problemPaths(withSubject({ employer: { name: 'Acme\nInjected: yes' } })), [
      'subject.employer.name',
    ]);
  });

  it('when a phone number is not E.164-like, then the message says so without repeating it', () => {
    const phone = { number: '139-abc-0000', status: 'active', lastSeenAt: '2024-05-01T08:00:00Z' };
    const result = identityUpdateV1.safeParse(withSubject({ phones: [phone] }));
    assert.equal(result.success, false);
    const problems = result.success ? [] : toSchemaProblems(result.error);
    assert.match(problems[0]?.message ?? '', /E\.164-like/);
    assert.doesNotMatch(JSON.stringify(problems), /abc/);
  });
});
