import { isRetryableError } from 'neo4j-driver';

const TRANSIENT_NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
const TRANSIENT_NEO4J_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

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
  return e.cause !== undefined && e.cause !== error && isTransientError(e.cause);
}
