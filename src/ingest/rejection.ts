import type { SchemaProblem } from '../../contracts/schema-problems.js';

/** Listed in the order the decoder checks them; PROCESSING_FAILED is set by the pipeline after retries. */
export const REJECTION_REASONS = [
  'TOO_LARGE',
  'UNKNOWN_SOURCE',
  'SOURCE_SUSPENDED',
  'BAD_SIGNATURE',
  'NOT_JSON',
  'SCHEMA_INVALID',
  'FIELD_NOT_PERMITTED',
  'PROCESSING_FAILED',
] as const;

export type RejectionReason = (typeof REJECTION_REASONS)[number];

/**
 * A deterministic refusal: the message goes to the dead-letter topic and its offset is committed.
 * `detail` and `problems` name fields, paths and reason codes only, never a value from the event.
 */
export interface Rejection {
  reason: RejectionReason;
  detail: string;
  /** The registered source named by the source-id header; claimed, not proven, for BAD_SIGNATURE. */
  sourceId?: string;
  problems?: SchemaProblem[];
}
