import type { ManagedTransaction } from 'neo4j-driver';
import type { AuditEntry, AuditLog, AuditRecord } from './audit-entry.js';

/**
 * A kind of write that commits in the audit log's own group-commit transaction, together with the
 * audit record of each request for it: both are durable or neither is, and the caller waits for
 * one commit instead of two in a row.
 *
 * The requests of one kind that share a commit are handed over together, so a burst costs one
 * statement. It runs after the chain head is locked: writes of one chain are serialized across
 * replicas, in chain order.
 */
export interface AuditedWrite<I, O> {
  /**
   * One output per input, in order. The transaction may be run again after a transient failure,
   * so this must be idempotent; it should send its statement before its first `await`, so the
   * statement travels with the head lock's instead of after it.
   */
  run(tx: ManagedTransaction, inputs: readonly I[]): Promise<O[]>;
  /**
   * The same write as the body of a Cypher subquery, when it can be one: a batch whose writes all
   * have one, and whose audit entries are all known beforehand, then commits as a single
   * auto-commit statement, one round trip instead of two.
   */
  readonly inline?: InlineWrite<I, O>;
}

export interface InlineWrite<I, O> {
  /**
   * A subquery body that reads the inputs from the parameter `$<param>` and ends with
   * `RETURN <a list> AS <param>`. It must return that one row even when it is given no row (an
   * aggregation does): when another replica moved the chain head, it is given none and writes
   * nothing.
   */
  subquery(param: string): string;
  /** One output per input, in order, from the list the subquery returned. */
  outputs(returned: unknown[], inputs: readonly I[]): O[];
}

/** The audit log of a store that can also carry writes in its transactions. */
export interface TransactionalAuditLog extends AuditLog {
  /**
   * Runs `write` for `input` and appends `entry` — or `entry(output)`, when the record must say
   * what the write did — in one transaction; resolves once both are durable and rejects, with
   * nothing written, as `append` does.
   */
  appendWith<I, O>(
    write: AuditedWrite<I, O>,
    input: I,
    entry: AuditEntry | ((output: O) => AuditEntry),
  ): Promise<{ output: O; record: AuditRecord }>;
}
