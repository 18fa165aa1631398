/** Builds the configured Nest application; shared by main.ts and the end-to-end tests. */
import * as net from 'node:net';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { preparePrivateDirectory } from '@keyring/event-store';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOptions } from './app.module';
import type { KeyringConfig } from './platform/config/keyring-config';
import { GrpcHealth } from './platform/grpc/grpc-health';
import { grpcServerOptions, grpcUrl } from './platform/grpc/grpc-server-options';
import { ManagementServer } from './platform/management/management-server';
import { bodyParsers } from './platform/http/body-parsers';
import { httpMetrics } from './platform/metrics/http-metrics.middleware';
import { KeyringMetrics } from './platform/metrics/keyring-metrics';
import { exceptionFactory } from './platform/http/validation-problems';
import { serveOpenApiDocs } from './platform/http/open-api';
import { GracefulShutdown } from './platform/lifecycle/graceful-shutdown';
import { TOKEN_ENDPOINT_DOCS } from './tokens/rest/docs/token-endpoint.path';
import { serveTokenEndpointDirectly } from './tokens/rest/direct-token-endpoint';

export async function createApp(
  config: KeyringConfig,
  options: AppOptions = {},
): Promise<NestExpressApplication> {
  // Every data file is created 0600 by its opener; the directory holding them is the service user's alone.
  preparePrivateDirectory(config.dataDir);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.use(httpMetrics(app.get(KeyringMetrics)), ...bodyParsers());
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
  serveOpenApiDocs(app, TOKEN_ENDPOINT_DOCS);
  // Signals are main.ts's (stopOnSignals): Nest's own hooks would close without draining, then re-raise.
  const shutdown = app.get(GracefulShutdown);
  const grpcPort = config.grpcPort === null ? null : await grpcPortFor(config.grpcPort);
  if (grpcPort !== null)
    app.connectMicroservice(grpcServerOptions(config, grpcPort, app.get(GrpcHealth), shutdown));
  await app.init();
  await serveTokenEndpointDirectly(app);
  // After the direct token endpoint, which must find the application as the server's one request listener.
  shutdown.drainHttpServer(app.getHttpServer());
  if (grpcPort !== null) {
    // gRPC listens as soon as the application is ready; HTTP when the caller calls listen().
    await app.startAllMicroservices();
    app.get(Logger).log(`gRPC (credentials.v1) listening on ${grpcUrl(config.host, grpcPort)}`);
  }
  // Metrics and the detailed readiness report, on their own listener (MANAGEMENT_PORT); closed on shutdown.
  await app.get(ManagementServer).listen();
  return app;
}

/** GRPC_PORT=0 asks for a free port, as PORT=0 does; the port is chosen here so it can be logged. */
async function grpcPortFor(port: number): Promise<number> {
  if (port !== 0) return port;
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, resolve));
  const { port: free } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return free;
}
