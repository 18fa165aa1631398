/**
 * Bad input never reads as the service's fault: every method of the three
 * services, sent a few hundred requests with odd and hostile field values
 * (empty, huge, control characters, undefined enum numbers, out-of-range
 * numbers, long lists), answers with a status that blames the request — or
 * succeeds — and never INTERNAL or UNKNOWN. The process stays up.
 */
import * as grpc from '@grpc/grpc-js';
import * as protobuf from 'protobufjs';
import { CREDENTIALS_PROTO, grpcClient, type GrpcKeyringClient } from './support/grpc-clients';
import { type AdminClient, adminClient } from './support/oauth-clients';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

const REQUESTS_PER_METHOD = 25;
const OUR_FAULT = [grpc.status.INTERNAL, grpc.status.UNKNOWN];

const STRINGS = [
  '',
  ' ',
  'x'.repeat(5000),
  '\u0000\u0001\u001f',
  'ünïcödé ✓ 🔑',
  '7c4f2a10-0000-4000-8000-000000000000',
  'not-a-uuid',
  '*',
  '10.0.0.0/33',
  '2026-13-45T99:00:00Z',
  'credential.created',
  'billing:read',
  '9900001',
  '"quoted" \\ back',
];
const UINT32 = [0, 1, 7, 365, 366, 3650, 4294967295];
const UINT64 = [0, 1, 2 ** 31, Number.MAX_SAFE_INTEGER];
const ENUM_NUMBERS = [0, 1, 2, 3, 99];
const LIST_LENGTHS = [0, 1, 3, 300];

/** A deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

function sample(type: protobuf.Type, next: () => number, depth = 0): Record<string, unknown> {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
  const valueFor = (field: protobuf.Field): unknown => {
    const resolved = field.resolve().resolvedType;
    if (resolved instanceof protobuf.Enum) return pick(ENUM_NUMBERS);
    if (resolved instanceof protobuf.Type) return depth < 3 ? sample(resolved, next, depth + 1) : null;
    if (field.type === 'string') return pick(STRINGS);
    if (field.type === 'uint64') return pick(UINT64);
    if (field.type === 'bool') return next() < 0.5;
    return pick(UINT32);
  };
  const message: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    if (next() < 0.25) continue;
    message[field.name] = field.repeated
      ? Array.from({ length: pick(LIST_LENGTHS) }, () => valueFor(field))
      : valueFor(field);
  }
  return message;
}

const root = protobuf.loadSync(CREDENTIALS_PROTO);
const methods = ['CredentialService', 'TokenService', 'AuditService'].flatMap((serviceName) =>
  root.lookupService(`credentials.v1.${serviceName}`).methodsArray.map((method) => ({ serviceName, method })),
);

describe('gRPC bad input', () => {
  let keyring: RunningKeyring;
  let admin: AdminClient;
  let client: GrpcKeyringClient;

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'silent' });
    admin = await adminClient(keyring, ['*']);
    client = grpcClient(keyring.grpcAddress);
  });
  afterAll(async () => {
    client.close();
    await keyring.destroy();
  });

  /** The status a call ends with; a stream is cancelled after a moment, which counts as fine. */
  const outcome = (serviceName: string, method: protobuf.Method, request: object): Promise<grpc.status> => {
    const service = serviceName as 'CredentialService' | 'TokenService' | 'AuditService';
    if (!method.responseStream) {
      return client.call(service, method.name, request, admin.authorization).then(
        () => grpc.status.OK,
        (error: grpc.ServiceError) => error.code,
      );
    }
    const stream = client.stream(service, method.name, request, admin.authorization);
    return new Promise((resolve) => {
      const timer = setTimeout(() => stream.cancel(), 100);
      stream.on('data', () => undefined);
      stream.on('status', (status: grpc.StatusObject) => {
        clearTimeout(timer);
        resolve(status.code);
      });
    });
  };

  it.each(
    methods.map(({ serviceName, method }) => [`${serviceName}/${method.name}`, serviceName, method] as const),
  )('%s answers odd requests without blaming itself', async (_name, serviceName, method) => {
    const next = random(method.name.length * 7919);
    const requestType = (method.resolve() as protobuf.Method).resolvedRequestType!;
    const failures: string[] = [];
    for (let i = 0; i < REQUESTS_PER_METHOD; i += 1) {
      const request = sample(requestType, next);
      const code = await outcome(serviceName, method, request);
      if (OUR_FAULT.includes(code))
        failures.push(`${grpc.status[code]} for ${JSON.stringify(request).slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
  });

  it('is still serving afterwards', async () => {
    const health = await fetch(`${keyring.baseUrl}/health/ready`);
    expect(health.status).toBe(200);
    await expect(
      client.call('CredentialService', 'List', { limit: 1 }, admin.authorization),
    ).resolves.toEqual(expect.objectContaining({ items: expect.any(Array) }));
  });
});
