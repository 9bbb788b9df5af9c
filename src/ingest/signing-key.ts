/** 32 bytes matches the HMAC-SHA256 block strength; shorter keys are refused at start-up. */
export const MIN_SIGNING_KEY_BYTES = 32;

export type SigningKeyResult = { ok: true; key: Buffer } | { ok: false; problem: string };

const HEX = /^(?:[0-9a-fA-F]{2})+$/;

/**
 * Keys are hex in the environment: unambiguous (unlike base64 vs base64url) and what
 * `openssl rand -hex 32` prints. Problems never repeat the value.
 */
export function parseSigningKey(raw: string | undefined): SigningKeyResult {
  const hex = raw?.trim() ?? '';
  if (hex === '') return { ok: false, problem: 'is not set' };
  if (!HEX.test(hex))
    return { ok: false, problem: 'must be hex (an even number of 0-9a-f characters)' };
  if (hex.length < MIN_SIGNING_KEY_BYTES * 2) {
    return {
      ok: false,
      problem: `must be at least ${MIN_SIGNING_KEY_BYTES * 2} hex characters (${MIN_SIGNING_KEY_BYTES} bytes)`,
    };
  }
  return { ok: true, key: Buffer.from(hex, 'hex') };
}
