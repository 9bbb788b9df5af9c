/** The parts of an RFC 9457 problem the console shows. */
export interface ProblemView {
  status: number;
  code: string;
  title: string;
  detail?: string;
}

export const ROLE_REFUSED_MESSAGE = 'This token may not use the console';

/**
 * Reads an error answer. A body that is not problem+json (a proxy's HTML page, a dropped
 * connection) still yields a status and a title, so the panel always has something to say.
 */
export function problemFrom(status: number, body: unknown): ProblemView {
  const p = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  return {
    status,
    code: typeof p.code === 'string' ? p.code : `HTTP_${status}`,
    title: typeof p.title === 'string' ? p.title : `Request failed with status ${status}`,
    ...(typeof p.detail === 'string' ? { detail: p.detail } : {}),
  };
}

/** 401 and 403 mean the token, not the request, is at fault: the officer must sign in again. */
export function isSignInProblem(problem: ProblemView): boolean {
  return problem.status === 401 || problem.status === 403;
}

/** The sentence for the panel: role and token refusals are phrased for a person, the rest by the problem's title. */
export function problemMessage(problem: ProblemView): string {
  if (problem.status === 403 && problem.code === 'ROLE_NOT_PERMITTED') return ROLE_REFUSED_MESSAGE;
  if (problem.status === 401) return `Sign in again: ${problem.title}`;
  return problem.detail === undefined ? problem.title : `${problem.title}: ${problem.detail}`;
}
