import type { Role } from '../../actor.js';

export interface DemoResponse {
  status: number;
  body: Record<string, unknown>;
  text: string;
}

export interface Caller {
  role: Role;
  creditor?: string;
}

/** The demo's view of the service: JSON over HTTP with a token per role, and nothing else. */
export class DemoClient {
  /** Every answer a collector received, so the demo can show none of them names a person or a number. */
  readonly collectorAnswers: string[] = [];

  constructor(
    readonly url: string,
    private readonly tokenFor: (caller: Caller) => string,
  ) {}

  async call(method: string, path: string, as: Caller, body?: unknown): Promise<DemoResponse> {
    const res = await fetch(new URL(path, this.url), {
      method,
      headers: {
        authorization: `Bearer ${this.tokenFor(as)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    if (as.role === 'collector') this.collectorAnswers.push(text);
    const parsed = parseJson(text);
    const json = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    return { status: res.status, body: json, text };
  }
}

function parseJson(text: string): unknown {
  try {
    return text.length > 0 ? JSON.parse(text) : {};
  } catch {
    return {};
  }
}

/** `/readyz` answers 200 once Kafka, Neo4j and the migrations are ready; anything else is a reason not to start. */
export async function checkReady(url: string): Promise<string | undefined> {
  try {
    const res = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(5_000) });
    if (res.status === 200) return undefined;
    return `${url}/readyz answered ${res.status}: ${(await res.text()).slice(0, 300)}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error instanceof Error ? error.message : String(error));
    return `no service answers at ${url} (${cause})`;
  }
}
