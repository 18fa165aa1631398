/**
 * JSON and form body parsers whose failures become problem details. Nest
 * would turn a JSON syntax error into a bare 400 and lose why the body was
 * refused, so parser errors are translated here, where their kind is known.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json, urlencoded } from 'express';
import { problem, ProblemException } from './problem-details';

export const BODY_LIMIT_BYTES = 64 * 1024;
export const BODY_TOO_LARGE_DETAIL = 'The request body is larger than 64 KiB';

/** Errors raised by Express's body parsers carry a `type`. */
const PARSER_PROBLEMS: Readonly<Record<string, readonly [number, string, string, string]>> = {
  'entity.parse.failed': [400, 'MALFORMED_BODY', 'Malformed body', 'The request body is not valid JSON'],
  'entity.too.large': [413, 'BODY_TOO_LARGE', 'Body too large', BODY_TOO_LARGE_DETAIL],
  'encoding.unsupported': [
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'Unsupported encoding',
    'The body encoding is not supported',
  ],
  'charset.unsupported': [
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'Unsupported charset',
    'The body charset is not supported',
  ],
};

function translated(parser: RequestHandler): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) =>
    parser(request, response, (error?: unknown) => {
      const known = PARSER_PROBLEMS[(error as { type?: string } | undefined)?.type ?? ''];
      if (!known) return next(error);
      const [status, code, title, detail] = known;
      next(new ProblemException(problem(status, code, title, detail)));
    });
}

export const bodyParsers = (): RequestHandler[] => [
  translated(json({ limit: BODY_LIMIT_BYTES })),
  translated(urlencoded({ limit: BODY_LIMIT_BYTES, extended: false })),
];
