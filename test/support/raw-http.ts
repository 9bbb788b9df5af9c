import { connect } from 'node:net';

/** A response as it came off the wire; header names lower-cased, repeated headers kept. */
export interface RawResponse {
  status: number;
  headers: Map<string, string[]>;
  body: string;
  /** The whole response head, to check that nothing injected came back. */
  head: string;
}

/**
 * Sends exactly these bytes over a fresh connection and reads the answer until the server closes
 * it. fetch refuses (rightly) to send a CRLF in a header or a second Authorization; attackers don't.
 */
export function rawRequest(url: string, request: Buffer | string, timeoutMs = 10_000): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) });
    const timer = setTimeout(() => socket.destroy(new Error(`no complete answer within ${timeoutMs} ms`)), timeoutMs);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      const data = Buffer.concat(chunks);
      // A server may answer (e.g. 413) and close before it has read all of a large body.
      if (data.length > 0) resolve(parseResponse(data));
      else reject(error ?? new Error('connection closed without an answer'));
    };
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => finish());
    socket.on('error', (error) => finish(error));
    socket.write(request, () => undefined);
  });
}

function parseResponse(data: Buffer): RawResponse {
  const split = data.indexOf('\r\n\r\n');
  const head = data.subarray(0, split < 0 ? data.length : split).toString('latin1');
  const rest = split < 0 ? Buffer.alloc(0) : data.subarray(split + 4);
  const [statusLine, ...lines] = head.split('\r\n');
  const headers = new Map<string, string[]>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  const body = headers.get('transfer-encoding')?.[0] === 'chunked' ? dechunk(rest) : rest;
  return { status: Number(statusLine?.split(' ')[1]), headers, body: body.toString('utf8'), head };
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = data.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

export interface RequestParts {
  method: string;
  path: string;
  /** Each [name, value] is written as is, CRLFs and repeats included. */
  headers: [string, string][];
  body?: Buffer | string;
}

/** An HTTP/1.1 request; Content-Length is added for a body unless the headers already set it. */
export function httpRequest({ method, path, headers, body }: RequestParts, host = '127.0.0.1'): Buffer {
  const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
  const lines = [`${method} ${path} HTTP/1.1`, `Host: ${host}`, 'Connection: close'];
  for (const [name, value] of headers) lines.push(`${name}: ${value}`);
  if (payload !== undefined && !headers.some(([n]) => /^(content-length|transfer-encoding)$/i.test(n))) {
    lines.push(`Content-Length: ${payload.length}`);
  }
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8');
  return payload === undefined ? head : Buffer.concat([head, payload]);
}
