/**
 * The gRPC server beside HTTP: the credentials.v1 contract on GRPC_PORT,
 * with the standard health service and server reflection (v1 and v1alpha),
 * so grpcurl and grpcui can list and call everything without the .proto.
 */
import { type GrpcOptions, Transport } from '@nestjs/microservices';
import { loadSync, type PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import type { Server } from '@grpc/grpc-js';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import type { KeyringConfig } from '../config/keyring-config';
import { CREDENTIALS_PACKAGE, credentialsProtoFile, PROTO_LOADER_OPTIONS } from './credentials-proto';
import { compileTrust } from '../http/source-ip';
import { noteCallArrival } from './grpc-call-arrival';
import type { GrpcHealth } from './grpc-health';
import type { GracefulShutdown } from '../lifecycle/graceful-shutdown';
import { tolerateMalformedRequests } from './malformed-requests';

export const grpcUrl = (host: string, port: number): string =>
  `${host.includes(':') ? `[${host}]` : host}:${port}`;

export function grpcServerOptions(
  config: KeyringConfig,
  port: number,
  health: GrpcHealth,
  shutdown: GracefulShutdown,
): GrpcOptions {
  return {
    transport: Transport.GRPC,
    options: {
      package: CREDENTIALS_PACKAGE,
      protoPath: credentialsProtoFile(),
      url: grpcUrl(config.host, port),
      loader: PROTO_LOADER_OPTIONS,
      // Nest hands these to grpc-js's Server constructor, which takes its interceptors there too.
      channelOptions: { interceptors: [noteCallArrival(compileTrust(config.trustProxy))] },
      onLoadPackageDefinition: (pkg: PackageDefinition, server: Server) => {
        tolerateMalformedRequests(pkg, CREDENTIALS_PACKAGE);
        const healthDefinition = loadSync(healthProtoPath, PROTO_LOADER_OPTIONS);
        new ReflectionService({ ...pkg, ...healthDefinition }).addToServer(server);
        health.implementation.addToServer(server);
        // Nest keeps the grpc-js server to itself; stopping needs it to finish calls before the application closes.
        shutdown.drainGrpcServer(server);
      },
    },
  };
}
