/**
 * Structured JSON logs through nestjs-pino, one line per request, with a
 * request id taken from X-Request-Id when it is sane and echoed back.
 */
import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { KEYRING_CONFIG, type KeyringConfig } from '../config/keyring-config';
import { REDACT_PATHS, REDACTED } from './redaction';
import { assignRequestId } from './request-id';
import { loggedRequest, requestLogLevel } from './request-log';

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
                genReqId: assignRequestId,
                customLogLevel: (_request, response, error) => requestLogLevel(response.statusCode, error),
                serializers: { req: loggedRequest },
              },
              destination ?? process.stdout,
            ],
          }),
        }),
      ],
    };
  }
}
