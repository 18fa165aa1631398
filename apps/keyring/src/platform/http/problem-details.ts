/** RFC 9457 problem details, the shape of every error on the management API. */
import type { FieldViolation } from '@keyring/domain';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** Stable machine-readable code, e.g. SECRET_LIMIT_REACHED. */
  readonly code: string;
  readonly instance?: string;
  readonly errors?: readonly FieldViolation[];
}

/** Problem types are URNs: stable identifiers that do not pretend to be resolvable pages. */
export const problemType = (code: string): string =>
  `urn:keyring:problem:${code.toLowerCase().replace(/_/g, '-')}`;

export function problem(
  status: number,
  code: string,
  title: string,
  detail: string,
  errors?: readonly FieldViolation[],
): ProblemDetails {
  return { type: problemType(code), title, status, detail, code, ...(errors ? { errors } : {}) };
}
