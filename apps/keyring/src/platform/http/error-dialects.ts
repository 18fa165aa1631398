/**
 * Parts of the API that answer failures in a format of their own (the OAuth
 * endpoints speak RFC 6749, not problem details). The application registers
 * them; the exception filter consults them by path, so it knows no capability.
 */
import type { Request, Response } from 'express';

export interface ErrorDialect {
  /** Requests whose path starts with this are answered by the dialect. */
  readonly pathPrefix: string;
  answer(exception: unknown, request: Request, response: Response): void;
}

export const ERROR_DIALECTS = Symbol('ERROR_DIALECTS');
