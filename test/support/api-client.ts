import { recordCollectorFacing } from './leak-scan.js';

/** A tiny JSON client for the service's API, keeping status, headers and body together. */
export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export async function api<T = Record<string, unknown>>(
  url: string,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<ApiResponse<T>> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (token !== undefined && isCollectorToken(token)) recordCollectorFacing(`${res.status} ${JSON.stringify([...res.headers])} ${text}`);
  return { status: res.status, headers: res.headers, body: (text.length > 0 ? JSON.parse(text) : {}) as T, text };
}

function isCollectorToken(token: string): boolean {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { role?: unknown };
    return payload.role === 'collector';
  } catch {
    return false;
  }
}
