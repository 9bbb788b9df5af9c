export type JsonObjectResult = { ok: true; body: object } | { ok: false; detail: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON.parse defines `__proto__` and `constructor` as plain own properties and never invokes
 * setters, so parsing cannot pollute prototypes; the strict schema then refuses those keys.
 * V8's parser is iterative, and any engine-level failure (such as a RangeError) still becomes
 * NOT_JSON rather than escaping.
 */
export function parseJsonObject(value: Buffer): JsonObjectResult {
  let text: string;
  try {
    text = utf8.decode(value);
  } catch {
    return { ok: false, detail: 'value is not valid UTF-8' };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, detail: 'value is not valid JSON' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, detail: 'value must be a JSON object' };
  }
  return { ok: true, body };
}
