/**
 * JSON and form body parsers whose failures become problem details. Nest
 * would turn a JSON syntax error into a bare 400 and lose why the body was
 * refused, so parser errors are translated here, where their kind is known.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json, urlencoded } from 'express';
import { BODY_LIMIT_BYTES, bodyTooLarge } from './body-limit';
import { problem, ProblemException } from './problem-details';

const refusal = (status: number, code: string, title: string, detail: string) => () =>
  new ProblemException(problem(status, code, title, detail));

/** Errors raised by Express's body parsers carry a `type`. */
const PARSER_PROBLEMS: Readonly<Record<string, () => ProblemException>> = {
  'entity.parse.failed': refusal(
    400,
    'MALFORMED_BODY',
    'Malformed body',
    'The request body is not valid JSON',
  ),
  'entity.too.large': bodyTooLarge,
  'encoding.unsupported': refusal(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'Unsupported encoding',
    'The body encoding is not supported',
  ),
  'charset.unsupported': refusal(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'Unsupported charset',
    'The body charset is not supported',
  ),
};

function translated(parser: RequestHandler): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) =>
    parser(request, response, (error?: unknown) => {
      const known = PARSER_PROBLEMS[(error as { type?: string } | undefined)?.type ?? ''];
      next(known ? known() : error);
    });
}

export const bodyParsers = (): RequestHandler[] => [
  translated(json({ limit: BODY_LIMIT_BYTES })),
  translated(urlencoded({ limit: BODY_LIMIT_BYTES, extended: false })),
];
