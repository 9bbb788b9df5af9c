import type { Duplex } from 'node:stream';
import { problem, PROBLEM_CONTENT_TYPE } from './problem.js';

const ANSWERS: Record<string, [number, string, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'HEADERS_TOO_LARGE', 'Request headers are too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'REQUEST_TIMEOUT', 'Request was not received in time'],
};
const MALFORMED: [number, string, string, string] = [400, 'Bad Request', 'MALFORMED_REQUEST', 'Request could not be parsed'];

/**
 * Node answers a request it cannot parse (a bare CR or LF or a NUL in a header, headers over its
 * limit, conflicting Content-Length and Transfer-Encoding) itself, before express sees it, with a
 * bare status line. This answers it as problem+json like every other refusal; nothing of the
 * request is repeated, and the connection is closed, since its framing can no longer be trusted.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  const response = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, reason, code, title] = ANSWERS[error.code ?? ''] ?? MALFORMED;
  const body = JSON.stringify(problem(status, code, title));
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
