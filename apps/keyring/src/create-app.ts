/** Builds the configured Nest application; shared by main.ts and the end-to-end tests. */
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOptions } from './app.module';
import type { KeyringConfig } from './config/keyring-config';
import { bodyParsers } from './http/body-parsers';
import { exceptionFactory } from './http/validation-problems';
import { serveTokenEndpointDirectly } from './oauth/direct-token-endpoint';

export async function createApp(
  config: KeyringConfig,
  options: AppOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.use(...bodyParsers());
  app.set('trust proxy', config.trustProxy.length > 0 ? [...config.trustProxy] : false);
  app.disable('x-powered-by');
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // One message per invalid field: the first rule it breaks.
      stopAtFirstError: true,
      exceptionFactory,
    }),
  );
  app.enableShutdownHooks();
  await app.init();
  await serveTokenEndpointDirectly(app);
  return app;
}
