/**
 * Structured JSON logs through nestjs-pino, one line per request, with a
 * request id taken from X-Request-Id when it is sane and echoed back.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { KEYRING_CONFIG, type KeyringConfig } from '../config/keyring-config';
import { REDACT_PATHS, REDACTED } from './redaction';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

function requestId(request: IncomingMessage, response: ServerResponse): string {
  const offered = request.headers['x-request-id'];
  const id = typeof offered === 'string' && SAFE_REQUEST_ID.test(offered) ? offered : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

@Module({})
export class LoggingModule {
  /** `destination` lets tests capture the log lines; the service writes to stdout. */
  static forRoot(destination?: DestinationStream): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [KEYRING_CONFIG],
          useFactory: (config: KeyringConfig) => ({
            pinoHttp: [
              {
                level: config.logLevel,
                redact: { paths: [...REDACT_PATHS], censor: REDACTED },
                genReqId: requestId,
                customLogLevel: (_request, response, error) =>
                  error || response.statusCode >= 500
                    ? 'error'
                    : response.statusCode >= 400
                      ? 'warn'
                      : 'info',
                serializers: {
                  req: (request: { id: string; method: string; url: string; remoteAddress?: string }) => ({
                    id: request.id,
                    method: request.method,
                    // Query strings can carry credentials sent the wrong way; log the path only.
                    url: request.url.split('?')[0],
                    remoteAddress: request.remoteAddress,
                  }),
                },
              },
              destination ?? process.stdout,
            ],
          }),
        }),
      ],
    };
  }
}
