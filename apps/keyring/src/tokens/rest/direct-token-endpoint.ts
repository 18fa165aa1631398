/**
 * `POST /oauth2/token` served straight from Node's HTTP server, ahead of
 * Express and Nest's router. The token endpoint is the one hot path — every
 * client calls it hourly, and on these machines the Express + Nest pipeline
 * alone costs more than issuing a token — so it gets a thin adapter of its
 * own around the same TokenIssuer. Every other request goes to Nest as before.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import proxyAddr from 'proxy-addr';
import { Refusal } from '@keyring/domain';
import { KEYRING_CONFIG, type KeyringConfig } from '../../platform/config/keyring-config';
import { BODY_LIMIT_BYTES, BODY_TOO_LARGE_DETAIL } from '../../platform/http/body-parsers';
import { safeHeader } from '../../platform/http/request-context';
import { compileTrust, normaliseSourceIp, type TrustRule } from '../../platform/http/source-ip';
import { assignRequestId } from '../../platform/logging/request-id';
import { KeyringMetrics } from '../../platform/metrics/keyring-metrics';
import type { FormBody } from '../form-parameters';
import { NO_STORE_HEADERS, oauthErrorAnswer } from './oauth-error-answer';
import { notFormEncoded } from './require-form-body.middleware';
import { TokenIssuer } from '../token-issuer';
import { tokenRequestFrom } from './token-request';

const TOKEN_PATH = '/oauth2/token';

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

const isTokenRequest = ({ method, url = '' }: IncomingMessage) =>
  method === 'POST' && (url === TOKEN_PATH || url.startsWith(`${TOKEN_PATH}?`));

const bodyTooLarge = () => new Refusal('BODY_TOO_LARGE', BODY_TOO_LARGE_DETAIL);

/** Puts the direct token endpoint in front of the application's request listener. */
export async function serveTokenEndpointDirectly(app: INestApplication): Promise<void> {
  const server = app.getHttpServer() as Server;
  // PinoLogger is transient: each consumer gets its own instance.
  const logger = await app.resolve(PinoLogger);
  const endpoint = new DirectTokenEndpoint(
    app.get(TokenIssuer),
    app.get(KEYRING_CONFIG),
    logger,
    app.get(KeyringMetrics),
  );
  const others = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (isTokenRequest(request)) return void endpoint.handle(request, response);
    for (const listener of others) listener.call(server, request, response);
  });
}

class DirectTokenEndpoint {
  private readonly trust: TrustRule;

  constructor(
    private readonly issuer: TokenIssuer,
    config: KeyringConfig,
    private readonly logger: PinoLogger,
    private readonly metrics: KeyringMetrics,
  ) {
    // The same rule Express applies for `trust proxy`: believe X-Forwarded-For only from these proxies.
    this.trust = compileTrust(config.trustProxy);
    this.logger.setContext(DirectTokenEndpoint.name);
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = assignRequestId(request, response);
    let status: number;
    try {
      const body = await this.formBody(request);
      const token = await this.issuer.issue(
        tokenRequestFrom(body, request.headers.authorization, {
          sourceIp: normaliseSourceIp(proxyAddr(request, this.trust)),
          requestId,
          correlationId: safeHeader(request, 'x-correlation-id') ?? requestId,
        }),
      );
      status = 200;
      this.send(response, status, NO_STORE_HEADERS, token);
    } catch (exception) {
      const answer = oauthErrorAnswer(exception, requestId, (err) =>
        this.logger.error({ err, requestId }, 'Unexpected error on the token endpoint'),
      );
      status = answer.status;
      this.send(response, status, answer.headers, answer.body);
    }
    // Express never sees this request, so its metrics middleware does not either.
    this.metrics.httpRequestEnded('POST', TOKEN_PATH, status, (performance.now() - started) / 1000);
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
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(json),
    });
    response.end(json);
  }

  /** The form body as Express's urlencoded parser would give it: repeated names become arrays. */
  private formBody(request: IncomingMessage): Promise<FormBody> {
    const refusal =
      Number(request.headers['content-length'] ?? 0) > BODY_LIMIT_BYTES
        ? bodyTooLarge()
        : notFormEncoded(request);
    if (refusal) {
      // Drain what was sent, so the connection stays usable for the next request.
      request.resume();
      return Promise.reject(refusal);
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
        if (size > BODY_LIMIT_BYTES) return reject(bodyTooLarge());
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
