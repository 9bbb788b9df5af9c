import { problemFrom, type ProblemView } from './problem-message.js';

export type ApiResult<T> = { ok: true; status: number; body: T } | { ok: false; problem: ProblemView };

/**
 * Calls the service's API as the signed-in officer. The token travels only in the Authorization
 * header, never in a URL, so it stays out of logs, history and Referer headers.
 */
export class ConsoleApi {
  constructor(private readonly token: () => string | undefined) {}

  get<T>(path: string): Promise<ApiResult<T>> {
    return this.call<T>('GET', path);
  }

  send<T>(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>> {
    return this.call<T>(method, path, body);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    const token = this.token();
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        credentials: 'omit',
        cache: 'no-store',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      return { ok: false, problem: { status: 0, code: 'NETWORK', title: 'The service could not be reached' } };
    }
    const text = await response.text();
    const parsed = parseJson(text);
    if (response.ok) return { ok: true, status: response.status, body: parsed as T };
    return { ok: false, problem: problemFrom(response.status, parsed) };
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
