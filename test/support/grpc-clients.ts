/**
 * gRPC clients for end-to-end tests: @grpc/grpc-js clients of the three
 * credentials.v1 services, built from the same contract file the server
 * loads, with promise helpers for unary calls, stream readers, and the
 * decoded error details of a refusal.
 */
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { decodeStatusDetails, type StatusDetails } from '../../apps/keyring/src/platform/grpc/status-details';

export const CREDENTIALS_PROTO = path.resolve(__dirname, '../../proto/credentials/v1/credentials.proto');
export const LOADER_OPTIONS = { keepCase: false, longs: Number, enums: String, defaults: true, oneofs: true };

type ServiceName = 'CredentialService' | 'TokenService' | 'AuditService';
type Callback = (error: grpc.ServiceError | null, response: unknown) => void;
type UntypedClient = grpc.Client &
  Record<string, (request: unknown, metadata: grpc.Metadata, ...rest: unknown[]) => unknown>;

const definition = grpc.loadPackageDefinition(loadSync(CREDENTIALS_PROTO, LOADER_OPTIONS)) as unknown as {
  credentials: { v1: Record<ServiceName, grpc.ServiceClientConstructor> };
};

export interface GrpcKeyringClient {
  /** A unary call; `authorization` is the metadata value, e.g. `Bearer …`. */
  call<T = Record<string, unknown>>(
    service: ServiceName,
    method: string,
    request: object,
    authorization?: string,
    extra?: Record<string, string>,
  ): Promise<T>;
  /** A server stream, as the client reads it. */
  stream(
    service: ServiceName,
    method: string,
    request: object,
    authorization?: string,
  ): grpc.ClientReadableStream<Record<string, unknown>>;
  readonly clients: Readonly<Record<ServiceName, UntypedClient>>;
  close(): void;
}

export function metadataWith(authorization?: string, extra: Record<string, string> = {}): grpc.Metadata {
  const metadata = new grpc.Metadata();
  if (authorization !== undefined) metadata.set('authorization', authorization);
  for (const [key, value] of Object.entries(extra)) metadata.set(key, value);
  return metadata;
}

export function grpcClient(address: string): GrpcKeyringClient {
  const make = (name: ServiceName) =>
    new definition.credentials.v1[name](
      address,
      grpc.credentials.createInsecure(),
    ) as unknown as UntypedClient;
  const clients = {
    CredentialService: make('CredentialService'),
    TokenService: make('TokenService'),
    AuditService: make('AuditService'),
  };
  const methodName = (method: string) => method.charAt(0).toLowerCase() + method.slice(1);
  return {
    clients,
    call: <T>(
      service: ServiceName,
      method: string,
      request: object,
      authorization?: string,
      extra?: Record<string, string>,
    ) =>
      new Promise<T>((resolve, reject) => {
        const callback: Callback = (error, response) => (error ? reject(error) : resolve(response as T));
        clients[service][methodName(method)](request, metadataWith(authorization, extra), callback);
      }),
    stream: (service, method, request, authorization) => {
      const stream = clients[service][methodName(method)](
        request,
        metadataWith(authorization),
      ) as grpc.ClientReadableStream<Record<string, unknown>>;
      // A test ends its streams with cancel(); that CANCELLED status is expected, not an error.
      stream.on('error', () => undefined);
      return stream;
    },
    close: () => Object.values(clients).forEach((client) => client.close()),
  };
}

export interface Refusal {
  readonly code: grpc.status;
  readonly codeName: string;
  readonly message: string;
  readonly details: StatusDetails | null;
}

/** The refusal a call ended with; fails the test if the call succeeded. */
export async function refusalOf(promise: Promise<unknown>): Promise<Refusal> {
  try {
    await promise;
  } catch (error) {
    const serviceError = error as grpc.ServiceError;
    const [bytes] = serviceError.metadata?.get('grpc-status-details-bin') ?? [];
    return {
      code: serviceError.code,
      codeName: grpc.status[serviceError.code],
      message: serviceError.details,
      details: Buffer.isBuffer(bytes) ? decodeStatusDetails(bytes) : null,
    };
  }
  throw new Error('The call succeeded; a refusal was expected');
}

/** Reads messages from a stream until `until` says enough, or fails after `timeoutMs`. */
export function readUntil<T = Record<string, unknown>>(
  stream: grpc.ClientReadableStream<Record<string, unknown>>,
  until: (received: T[]) => boolean,
  timeoutMs = 5000,
): Promise<T[]> {
  const received: T[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`Stream timed out after ${received.length} messages: ${JSON.stringify(received)}`)),
      timeoutMs,
    );
    const finish = () => {
      clearTimeout(timer);
      stream.off('data', onData);
      resolve(received);
    };
    const onData = (message: T) => {
      received.push(message);
      if (until(received)) finish();
    };
    stream.on('data', onData);
    stream.on('error', (error) => {
      clearTimeout(timer);
      if ((error as grpc.ServiceError).code !== grpc.status.CANCELLED) reject(error);
    });
    if (until(received)) finish();
  });
}
