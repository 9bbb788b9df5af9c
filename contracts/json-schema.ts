import { z } from 'zod';
import { personName } from './identity-subject.v1.js';
import { identityUpdateV1 } from './identity-update.v1.js';

/** The JSON Schema published to providers; generated from the zod schema so the two cannot drift. */
export function renderIdentityUpdateV1JsonSchema(): string {
  const schema = z.toJSONSchema(identityUpdateV1, {
    target: 'draft-2020-12',
    override: ({ zodSchema, jsonSchema }) => {
      // zod refinements have no JSON Schema form; restate the one on names by hand.
      if (zodSchema === personName) {
        jsonSchema.anyOf = [
          { required: ['full'] },
          { required: ['given'] },
          { required: ['family'] },
        ];
      }
    },
  });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
