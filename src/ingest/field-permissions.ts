import { FIELD_GROUPS } from '../../contracts/identity-update.v1.js';
import type { FieldGroup, IdentityUpdateV1 } from '../../contracts/identity-update.v1.js';
import type { SourceDefinition } from '../../contracts/source-registry.js';

/**
 * A group counts as sent when its key is present, even as an empty list: the rule a provider can
 * check in one line. Retracts are checked too; data we may not hold was shared whether or not the
 * pipeline reads it.
 */
export function forbiddenFieldGroups(
  event: IdentityUpdateV1,
  source: SourceDefinition,
): FieldGroup[] {
  const subject = event.subject;
  if (subject === undefined) return [];
  return FIELD_GROUPS.filter(
    (group) => subject[group] !== undefined && !source.permittedFields.includes(group),
  );
}
