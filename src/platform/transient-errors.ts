import { Neo4jError, isRetryableError } from 'neo4j-driver';

const TRANSIENT_NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
const TRANSIENT_NEO4J_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);
/**
 * The driver gives up waiting for a free pooled connection with an error that carries no code (and
 * is not retryable by its own rules), so the message is the only sign of it. The pool is full
 * because Neo4j is slow or the process is busy, both of which pass: a chunk must be retried, not
 * dead-lettered, and a caller told to come back, not that the service is broken.
 */
const NEO4J_POOL_ACQUISITION_TIMEOUT = /^Connection acquisition timed out in \d+ ms/;

/**
 * True when waiting and trying again may succeed: a dependency is down, restarting, electing a
 * leader or timing out. Anything else is deterministic and retrying it would crash-loop.
 */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { retriable?: unknown; code?: unknown };
  if (e.retriable === true) return true;
  if (e.name === 'TimeoutError' || e.name === 'KafkaJSConnectionError' || e.name === 'KafkaJSRequestTimeoutError') return true;
  if (typeof e.code === 'string') {
    if (TRANSIENT_NET_CODES.has(e.code) || TRANSIENT_NEO4J_CODES.has(e.code)) return true;
    if (e.code.startsWith('Neo.TransientError.')) return true;
  }
  if (isRetryableError(error)) return true;
  if (error instanceof Neo4jError && NEO4J_POOL_ACQUISITION_TIMEOUT.test(error.message)) return true;
  return e.cause !== undefined && e.cause !== error && isTransientError(e.cause);
}

/**
 * Narrower than `isTransientError`: only Neo4j's own transient errors (deadlocks, lock timeouts),
 * which come from a transaction it rolled back. A lost connection is transient too, but after it a
 * commit may or may not have happened.
 */
export function isRolledBack(error: unknown): boolean {
  return error instanceof Neo4jError && error.code.startsWith('Neo.TransientError.');
}
