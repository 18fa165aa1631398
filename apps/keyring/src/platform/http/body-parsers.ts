/**
 * JSON and form body parsers whose failures become refusals. Nest
 * would turn a JSON syntax error into a bare 400 and lose why the body was
 * refused, so parser errors are translated here, where their kind is known.
 * A JSON body of the wrong shape (too deep, or naming a prototype key) is
 * refused here too, before validation or class-transformer walks it.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json, urlencoded } from 'express';
import { Refusal } from '@keyring/domain';
import { BODY_LIMIT_BYTES, bodyTooLarge } from './body-limit';
import { jsonShapeRefusal } from './json-shape';

/** Errors raised by Express's body parsers carry a `type`. */
const PARSER_REFUSALS: Readonly<Record<string, () => Refusal>> = {
  'entity.parse.failed': () => new Refusal('MALFORMED_BODY', 'The request body is not valid JSON'),
  'entity.too.large': bodyTooLarge,
  'encoding.unsupported': () => new Refusal('UNSUPPORTED_ENCODING', 'The body encoding is not supported'),
  'charset.unsupported': () => new Refusal('UNSUPPORTED_CHARSET', 'The body charset is not supported'),
};

interface ParserError {
  readonly type?: string;
  readonly status?: number;
}

/**
 * Any other error the parsers blame on the request (a Content-Encoding whose
 * bytes do not inflate, a body shorter than its Content-Length) is a body
 * that cannot be read, not the service's fault.
 */
function refusalFor(error: ParserError): unknown {
  const known = PARSER_REFUSALS[error.type ?? ''];
  if (known) return known();
  const blamesRequest = error.status !== undefined && error.status >= 400 && error.status < 500;
  return blamesRequest ? new Refusal('MALFORMED_BODY', 'The request body could not be read') : error;
}

function translated(
  parser: RequestHandler,
  inspect?: (body: unknown) => Refusal | undefined,
): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) =>
    parser(request, response, (error?: unknown) => {
      if (error) return next(refusalFor(error as ParserError));
      // Express leaves the body undefined when this parser did not read it (another media type).
      next(inspect && request.body !== undefined ? inspect(request.body) : undefined);
    });
}

export const bodyParsers = (): RequestHandler[] => [
  translated(json({ limit: BODY_LIMIT_BYTES }), jsonShapeRefusal),
  translated(urlencoded({ limit: BODY_LIMIT_BYTES, extended: false })),
];
