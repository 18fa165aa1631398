/**
 * The admin console (apps/admin), built into static files and served at
 * `/admin` by this process, so it shares the API's origin and needs no CORS.
 * It talks to the public API only; nothing here serves data.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  Inject,
  Logger,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  type OnApplicationBootstrap,
  RequestMethod,
} from '@nestjs/common';
import { KEYRING_CONFIG, type KeyringConfig } from '../platform/config/keyring-config';
import { AdminConsoleMiddleware, CONSOLE_PATH } from './admin-console.middleware';
import { ADMIN_CONSOLE_DIRECTORY, adminConsoleDirectory } from './console-directory';

@Module({
  providers: [
    {
      provide: ADMIN_CONSOLE_DIRECTORY,
      inject: [KEYRING_CONFIG],
      useFactory: (config: KeyringConfig) => adminConsoleDirectory(config.adminConsoleDir),
    },
  ],
})
export class AdminConsoleModule implements NestModule, OnApplicationBootstrap {
  private readonly logger = new Logger('AdminConsole');

  constructor(@Inject(ADMIN_CONSOLE_DIRECTORY) private readonly directory: string) {}

  configure(consumer: MiddlewareConsumer): void {
    // `/admin` itself and everything below it, for every method (so that each one gets the headers).
    consumer
      .apply(AdminConsoleMiddleware)
      .forRoutes({ path: `${CONSOLE_PATH}{/*path}`, method: RequestMethod.ALL });
  }

  onApplicationBootstrap(): void {
    if (existsSync(join(this.directory, 'index.html'))) {
      this.logger.log(`Admin console at ${CONSOLE_PATH}, served from ${this.directory}`);
    } else {
      this.logger.warn(
        `Admin console not built (no index.html in ${this.directory}): ${CONSOLE_PATH} answers 503 until \`npm run build:admin\` builds it`,
      );
    }
  }
}
