/**
 * `POST /oauth2/token` served straight from Node's HTTP server, ahead of
 * Express and Nest's router. The token endpoint is the one hot path — every
 * client calls it hourly, and on these machines the Express + Nest pipeline
 * alone costs more than issuing a token — so it gets a thin adapter of its
 * own around the same TokenIssuer. Every other request goes to Nest as before.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import proxyAddr from 'proxy-addr';
import { KEYRING_CONFIG, type KeyringConfig } from '../config/keyring-config';
import { BODY_LIMIT_BYTES } from '../http/body-parsers';
import { normaliseSourceIp } from '../http/source-ip';
import { invalidRequest, OAuthError } from './oauth-error';
import { oauthErrorFor, unexpectedOAuthError } from './oauth-error-answer';
import type { FormBody } from './form-parameters';
import { TokenIssuer } from './token-issuer';
import { tokenRequestFrom } from './token-request';

const TOKEN_PATH = '/oauth2/token';
const FORM_MEDIA_TYPE = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;
const SAFE_HEADER_VALUE = /^[\x20-\x7E]{1,200}$/;
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

const isTokenRequest = ({ method, url = '' }: IncomingMessage) =>
  method === 'POST' && (url === TOKEN_PATH || url.startsWith(`${TOKEN_PATH}?`));

/** Puts the direct token endpoint in front of the application's request listener. */
export async function serveTokenEndpointDirectly(app: INestApplication): Promise<void> {
  const server = app.getHttpServer() as Server;
  // PinoLogger is transient: each consumer gets its own instance.
  const logger = await app.resolve(PinoLogger);
  const endpoint = new DirectTokenEndpoint(app.get(TokenIssuer), app.get(KEYRING_CONFIG), logger);
  const others = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (isTokenRequest(request)) return void endpoint.handle(request, response);
    for (const listener of others) listener.call(server, request, response);
  });
}

class DirectTokenEndpoint {
  private readonly trust: (address: string, hop: number) => boolean;

  constructor(
    private readonly issuer: TokenIssuer,
    config: KeyringConfig,
    private readonly logger: PinoLogger,
  ) {
    // The same rule Express applies for `trust proxy`: believe X-Forwarded-For only from these proxies.
    this.trust = proxyAddr.compile([...config.trustProxy]);
    this.logger.setContext(DirectTokenEndpoint.name);
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const offered = request.headers['x-request-id'];
    const requestId = typeof offered === 'string' && SAFE_REQUEST_ID.test(offered) ? offered : randomUUID();
    response.setHeader('X-Request-Id', requestId);
    let status: number;
    try {
      const body = await this.formBody(request);
      const correlation = request.headers['x-correlation-id'];
      const token = await this.issuer.issue(
        tokenRequestFrom(body, request.headers.authorization, {
          sourceIp: normaliseSourceIp(proxyAddr(request, this.trust)),
          requestId,
          correlationId:
            typeof correlation === 'string' && SAFE_HEADER_VALUE.test(correlation) ? correlation : requestId,
        }),
      );
      status = 200;
      this.send(response, status, {}, token);
    } catch (exception) {
      let error = oauthErrorFor(exception);
      if (!error) {
        this.logger.error({ err: exception, requestId }, 'Unexpected error on the token endpoint');
        error = unexpectedOAuthError(requestId);
      }
      status = error.status;
      this.send(response, status, error.headers, {
        error: error.error,
        error_description: error.description,
      });
    }
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    this.logger[level](
      {
        req: { id: requestId, method: 'POST', url: TOKEN_PATH },
        res: { statusCode: status },
        responseTime: Math.round(performance.now() - started),
      },
      'request completed',
    );
  }

  private send(
    response: ServerResponse,
    status: number,
    headers: Readonly<Record<string, string>>,
    body: unknown,
  ): void {
    const json = JSON.stringify(body);
    response.writeHead(status, {
      ...headers,
      ...NO_STORE,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(json),
    });
    response.end(json);
  }

  /** The form body as Express's urlencoded parser would give it: repeated names become arrays. */
  private formBody(request: IncomingMessage): Promise<FormBody> {
    const contentType = request.headers['content-type'] ?? '';
    const declaredLength = Number(request.headers['content-length'] ?? 0);
    if (declaredLength > BODY_LIMIT_BYTES) {
      request.resume();
      return Promise.reject(new OAuthError(413, 'invalid_request', 'The request body is larger than 64 KiB'));
    }
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      request.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= BODY_LIMIT_BYTES) chunks.push(chunk);
      });
      request.on('error', reject);
      request.on('end', () => {
        if (size > BODY_LIMIT_BYTES) {
          return reject(new OAuthError(413, 'invalid_request', 'The request body is larger than 64 KiB'));
        }
        if (size > 0 && !FORM_MEDIA_TYPE.test(contentType)) {
          return reject(invalidRequest('Send the parameters as application/x-www-form-urlencoded'));
        }
        resolve(parseForm(Buffer.concat(chunks).toString('utf8')));
      });
    });
  }
}

function parseForm(text: string): FormBody {
  const body: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const previous = body[name];
    body[name] =
      previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return body;
}
