/**
 * JSON and form body parsers whose failures become refusals. Nest
 * would turn a JSON syntax error into a bare 400 and lose why the body was
 * refused, so parser errors are translated here, where their kind is known.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json, urlencoded } from 'express';
import { Refusal } from '@keyring/domain';
import { BODY_LIMIT_BYTES, bodyTooLarge } from './body-limit';

/** Errors raised by Express's body parsers carry a `type`. */
const PARSER_REFUSALS: Readonly<Record<string, () => Refusal>> = {
  'entity.parse.failed': () => new Refusal('MALFORMED_BODY', 'The request body is not valid JSON'),
  'entity.too.large': bodyTooLarge,
  'encoding.unsupported': () => new Refusal('UNSUPPORTED_ENCODING', 'The body encoding is not supported'),
  'charset.unsupported': () => new Refusal('UNSUPPORTED_CHARSET', 'The body charset is not supported'),
};

function translated(parser: RequestHandler): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) =>
    parser(request, response, (error?: unknown) => {
      const known = PARSER_REFUSALS[(error as { type?: string } | undefined)?.type ?? ''];
      next(known ? known() : error);
    });
}

export const bodyParsers = (): RequestHandler[] => [
  translated(json({ limit: BODY_LIMIT_BYTES })),
  translated(urlencoded({ limit: BODY_LIMIT_BYTES, extended: false })),
];
