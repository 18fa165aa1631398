/** A refusal from the API in words: its problem details (or OAuth error) and the request id. */
import type { components } from '../api/schema';

export type ProblemDetails = components['schemas']['ProblemDetails'];
export type FieldViolation = components['schemas']['FieldViolation'];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly requestId: string | null,
    readonly code: string | null = null,
    readonly violations: readonly FieldViolation[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isProblem(body: unknown): body is ProblemDetails {
  return typeof body === 'object' && body !== null && 'detail' in body && 'status' in body;
}

function isOAuthError(body: unknown): body is { error: string; error_description?: string } {
  return typeof body === 'object' && body !== null && 'error' in body;
}

export function apiErrorOf(response: Response, body: unknown): ApiError {
  const requestId = response.headers.get('x-request-id');
  if (isProblem(body)) {
    return new ApiError(response.status, body.detail, requestId, body.code, body.errors ?? []);
  }
  if (isOAuthError(body)) {
    return new ApiError(response.status, body.error_description ?? body.error, requestId, body.error);
  }
  return new ApiError(
    response.status,
    `The server answered ${response.status} ${response.statusText}`.trim(),
    requestId,
  );
}

/** Words for any error a query or mutation ended with. */
export function describeError(error: unknown): { message: string; requestId: string | null } {
  if (error instanceof ApiError) return { message: error.message, requestId: error.requestId };
  if (error instanceof TypeError)
    return { message: 'Keyring could not be reached. Check your connection and try again.', requestId: null };
  return { message: error instanceof Error ? error.message : String(error), requestId: null };
}
