import { createHmac, timingSafeEqual } from 'node:crypto';

const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

/** HMAC-SHA256 over the exact message value bytes, as lower-case hex: the `signature` header. */
export function signEvent(value: Buffer, key: Buffer): string {
  return createHmac('sha256', key).update(value).digest('hex');
}

export function verifySignature(value: Buffer, key: Buffer, hex: string): boolean {
  // The shape check keeps timingSafeEqual's equal-length precondition; it leaks nothing secret.
  if (!HEX_SHA256.test(hex)) return false;
  const expected = createHmac('sha256', key).update(value).digest();
  return timingSafeEqual(expected, Buffer.from(hex, 'hex'));
}
