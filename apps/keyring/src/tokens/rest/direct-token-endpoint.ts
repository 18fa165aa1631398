/**
 * `POST /oauth2/token` served straight from Node's HTTP server, ahead of
 * Express and Nest's router. The token endpoint is the one hot path — every
 * client calls it hourly, and on these machines the Express + Nest pipeline
 * alone costs more than issuing a token — so it gets a thin adapter of its
 * own around the same TokenIssuer. It applies the same body limit,
 * content-type rule, request id, request log and HTTP metrics as every
 * other route, through the functions those share.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import proxyAddr from 'proxy-addr';
import { KEYRING_CONFIG, type KeyringConfig } from '../../platform/config/keyring-config';
import { bodyTooLarge, declaresBodyTooLarge, readBodyWithinLimit } from '../../platform/http/body-limit';
import { safeHeader } from '../../platform/http/request-context';
import { type DirectRoute, serveAheadOfApplication } from '../../platform/http/serve-ahead-of-application';
import { compileTrust, normaliseSourceIp, type TrustRule } from '../../platform/http/source-ip';
import { assignRequestId } from '../../platform/logging/request-id';
import { loggedRequest, requestLogLevel } from '../../platform/logging/request-log';
import { timeHttpRequest } from '../../platform/metrics/http-request-timer';
import { KeyringMetrics } from '../../platform/metrics/keyring-metrics';
import type { FormBody } from '../form-parameters';
import { NO_STORE_HEADERS, oauthErrorAnswer } from './oauth-error-answer';
import { notFormEncoded } from './require-form-body.middleware';
import { TokenIssuer } from '../token-issuer';
import { tokenRequestFrom } from './token-request';

const TOKEN_PATH = '/oauth2/token';

/** Puts the direct token endpoint ahead of the application. */
export async function serveTokenEndpointDirectly(app: INestApplication): Promise<void> {
  // PinoLogger is transient: each consumer gets its own instance.
  const logger = await app.resolve(PinoLogger);
  const endpoint = new DirectTokenEndpoint(
    app.get(TokenIssuer),
    app.get(KEYRING_CONFIG),
    logger,
    app.get(KeyringMetrics),
  );
  serveAheadOfApplication(app.getHttpServer() as Server, endpoint);
}

class DirectTokenEndpoint implements DirectRoute {
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

  matches({ method, url = '' }: IncomingMessage): boolean {
    return method === 'POST' && (url === TOKEN_PATH || url.startsWith(`${TOKEN_PATH}?`));
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = assignRequestId(request, response);
    timeHttpRequest(this.metrics, request, response, () => TOKEN_PATH);
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
    this.logger[requestLogLevel(status)](
      {
        req: loggedRequest({
          id: requestId,
          method: 'POST',
          url: TOKEN_PATH,
          remoteAddress: request.socket.remoteAddress,
        }),
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
  private async formBody(request: IncomingMessage): Promise<FormBody> {
    // A body declared too large is refused as such, whatever its type.
    const refusal = declaresBodyTooLarge(request) ? bodyTooLarge() : notFormEncoded(request);
    if (refusal) {
      // Drain what was sent, so the connection stays usable for the next request.
      request.resume();
      throw refusal;
    }
    return parseForm(await readBodyWithinLimit(request));
  }
}

function parseForm(text: string): FormBody {
  // No prototype: a parameter named __proto__ or constructor is a parameter like any other.
  const body: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [name, value] of new URLSearchParams(text)) {
    const previous = body[name];
    body[name] =
      previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return body;
}
