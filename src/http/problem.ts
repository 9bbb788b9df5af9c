import type { Response } from 'express';

/** RFC 9457 problem details, with our stable `code` as an extension member. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(status: number, code: string, title: string, detail?: string, extra: Record<string, unknown> = {}): Problem {
  return {
    type: `https://recontact.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status,
    code,
    ...(detail === undefined ? {} : { detail }),
    ...extra,
  };
}

export function sendProblem(res: Response, p: Problem): void {
  res.status(p.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(p));
}
