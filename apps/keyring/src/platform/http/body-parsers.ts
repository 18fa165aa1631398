/**
 * JSON and form body parsers whose failures become refusals. Nest
 * would turn a JSON syntax error into a bare 400 and lose why the body was
 * refused, so parser errors are translated here, where their kind is known.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json, urlencoded } from 'express';
import { Refusal, type RefusalCode } from '@keyring/domain';

export const BODY_LIMIT_BYTES = 64 * 1024;
export const BODY_TOO_LARGE_DETAIL = 'The request body is larger than 64 KiB';

/** Errors raised by Express's body parsers carry a `type`. */
const PARSER_REFUSALS: Readonly<Record<string, readonly [RefusalCode, string]>> = {
  'entity.parse.failed': ['MALFORMED_BODY', 'The request body is not valid JSON'],
  'entity.too.large': ['BODY_TOO_LARGE', BODY_TOO_LARGE_DETAIL],
  'encoding.unsupported': ['UNSUPPORTED_ENCODING', 'The body encoding is not supported'],
  'charset.unsupported': ['UNSUPPORTED_CHARSET', 'The body charset is not supported'],
};

function translated(parser: RequestHandler): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) =>
    parser(request, response, (error?: unknown) => {
      const known = PARSER_REFUSALS[(error as { type?: string } | undefined)?.type ?? ''];
      if (!known) return next(error);
      const [code, message] = known;
      next(new Refusal(code, message));
    });
}

export const bodyParsers = (): RequestHandler[] => [
  translated(json({ limit: BODY_LIMIT_BYTES })),
  translated(urlencoded({ limit: BODY_LIMIT_BYTES, extended: false })),
];
