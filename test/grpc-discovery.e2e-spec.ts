/**
 * What a generic gRPC tool finds on Keyring's gRPC port without the
 * .proto: the standard health service (grpc.health.v1) answering for the
 * server and each credentials.v1 service without authentication, and server
 * reflection (v1 and v1alpha) listing the services and serving their file
 * descriptors. And that GRPC_PORT=off runs the service on HTTP alone.
 */
import * as path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { loadSync, type Options } from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { FileDescriptorProto, type IFileDescriptorProto } from 'protobufjs/ext/descriptor';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

const KEYRING_SERVICES = [
  'credentials.v1.CredentialService',
  'credentials.v1.TokenService',
  'credentials.v1.AuditService',
];
const REFLECTION_PROTO_DIR = path.resolve(__dirname, '../node_modules/@grpc/reflection/build/proto');

type HealthClient = grpc.Client & {
  check(
    request: { service: string },
    callback: (error: grpc.ServiceError | null, response: { status: string }) => void,
  ): void;
};

function healthClient(address: string): HealthClient {
  const { Health } = (
    grpc.loadPackageDefinition(loadSync(healthProtoPath, { enums: String })) as unknown as {
      grpc: { health: { v1: { Health: grpc.ServiceClientConstructor } } };
    }
  ).grpc.health.v1;
  return new Health(address, grpc.credentials.createInsecure()) as unknown as HealthClient;
}

/** A reflection client of one protocol version, loaded with the given field naming. */
function reflectionClient(address: string, version: 'v1' | 'v1alpha', options: Options) {
  const definition = loadSync(
    path.join(REFLECTION_PROTO_DIR, `grpc/reflection/${version}/reflection.proto`),
    {
      ...options,
      includeDirs: [REFLECTION_PROTO_DIR],
    },
  );
  const { ServerReflection } = (
    grpc.loadPackageDefinition(definition) as unknown as {
      grpc: { reflection: Record<string, { ServerReflection: grpc.ServiceClientConstructor }> };
    }
  ).grpc.reflection[version];
  const client = new ServerReflection(
    address,
    grpc.credentials.createInsecure(),
  ) as unknown as grpc.Client & {
    serverReflectionInfo(): grpc.ClientDuplexStream<object, Record<string, unknown>>;
  };
  const stream = client.serverReflectionInfo();
  const finished = new Promise<void>((resolve) => stream.once('status', () => resolve()));
  // A failure reaches the pending `ask`; this keeps one after the last answer from going unhandled.
  stream.on('error', () => undefined);
  return {
    /** Sends one request on the bidi stream and waits for its answer. */
    ask: (request: object) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        stream.once('error', reject);
        stream.once('data', (response: Record<string, unknown>) => {
          stream.off('error', reject);
          resolve(response);
        });
        stream.write(request);
      }),
    /** Half-closes the stream, waits for the server to end the call, and closes the channel. */
    close: async () => {
      stream.end();
      await finished;
      client.close();
    },
  };
}

describe('gRPC discovery', () => {
  let keyring: RunningKeyring;

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'warn' });
  });
  afterAll(() => keyring.destroy());

  describe('the standard health service', () => {
    let health: HealthClient;
    beforeAll(() => {
      health = healthClient(keyring.grpcAddress);
    });
    afterAll(() => health.close());

    const check = (service: string) =>
      new Promise<string>((resolve, reject) =>
        health.check({ service }, (error, response) => (error ? reject(error) : resolve(response.status))),
      );

    it.each(['', ...KEYRING_SERVICES])('answers SERVING for "%s" without a token', async (service) => {
      expect(await check(service)).toBe('SERVING');
    });

    it('answers NOT_FOUND for a service the server does not offer', async () => {
      await expect(check('credentials.v1.NoSuchService')).rejects.toMatchObject({
        code: grpc.status.NOT_FOUND,
      });
    });
  });

  describe('server reflection', () => {
    // The server names fields in snake_case; the loader's keepCase decides how JavaScript spells them.
    it.each([
      ['v1', false, 'listServices', 'listServicesResponse'],
      ['v1alpha', true, 'list_services', 'list_services_response'],
    ] as const)(
      '%s lists the credentials.v1 services and the health service (loaded with keepCase %s)',
      async (version, keepCase, requestField, responseField) => {
        const reflection = reflectionClient(keyring.grpcAddress, version, { keepCase });
        try {
          const response = await reflection.ask({ [requestField]: '' });
          const listed = response[responseField] as { service: { name: string }[] };
          expect(listed.service.map((service) => service.name)).toEqual(
            expect.arrayContaining([...KEYRING_SERVICES, 'grpc.health.v1.Health']),
          );
        } finally {
          await reflection.close();
        }
      },
    );

    it.each(['v1', 'v1alpha'] as const)(
      '%s serves the file declaring TokenService, with WatchRevocations a server stream',
      async (version) => {
        const reflection = reflectionClient(keyring.grpcAddress, version, { keepCase: false });
        try {
          const response = await reflection.ask({ fileContainingSymbol: 'credentials.v1.TokenService' });
          const { fileDescriptorProto } = response.fileDescriptorResponse as {
            fileDescriptorProto: Buffer[];
          };
          expect(fileDescriptorProto.length).toBeGreaterThan(0);
          fileDescriptorProto.forEach((bytes) => expect(bytes.length).toBeGreaterThan(0));

          const files = fileDescriptorProto.map(
            (bytes) => FileDescriptorProto.decode(bytes) as unknown as IFileDescriptorProto,
          );
          const declaring = files.find((file) =>
            (file.service ?? []).some((service) => service.name === 'TokenService'),
          );
          expect(declaring?.package).toBe('credentials.v1');
          const tokenService = declaring?.service?.find((service) => service.name === 'TokenService');
          const methods = Object.fromEntries(
            (tokenService?.method ?? []).map((method) => [method.name, Boolean(method.serverStreaming)]),
          );
          expect(methods).toEqual({
            IssueToken: false,
            Introspect: false,
            RevokeToken: false,
            WatchRevocations: true,
          });
        } finally {
          await reflection.close();
        }
      },
    );
  });
});

describe('gRPC switched off', () => {
  let keyring: RunningKeyring;

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'warn', GRPC_PORT: 'off' });
  });
  afterAll(() => keyring.destroy());

  it('has no gRPC address, and REST still answers ready', async () => {
    expect(keyring.grpcAddress).toBe('');
    const response = await fetch(`${keyring.baseUrl}/health/ready`);
    expect(response.status).toBe(200);
  });
});
