/**
 * Bad input never reads as the service's fault on gRPC: property-based calls
 * to every method of the three services, with messages drawn from each
 * method's own request type (empty, huge, control characters, prototype
 * names, undefined enum numbers, out-of-range numbers, long lists), odd
 * metadata, and bytes that are no message at all (random, or groups nested
 * past protobufjs's limit), end with a status that blames the request — or
 * succeed — and never INTERNAL or UNKNOWN; no answer carries a secret, and a
 * refused call appends nothing but the refused token request of a known
 * client, which the audit trail records by design. The process stays up.
 * A failure prints fast-check's seed: replay it with FUZZ_SEED=<seed>
 * FUZZ_PATH=<path>.
 */
import * as grpc from '@grpc/grpc-js';
import fc from 'fast-check';
import * as protobuf from 'protobufjs';
import { CREDENTIALS_PROTO, grpcClient, type GrpcKeyringClient, metadataWith } from './support/grpc-clients';
import { excerpt, FuzzInvariants, type Outcome, printable } from './support/fuzz-checks';
import { fuzzParameters, oddString } from './support/hostile-values';
import {
  accessTokenFor,
  type AdminClient,
  adminClient,
  basicAuthorization,
  type ClientCredentials,
  createClient,
} from './support/oauth-clients';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

const RUNS = 2500;
const OUR_FAULT = [grpc.status.INTERNAL, grpc.status.UNKNOWN, grpc.status.DATA_LOSS];
/** How long a server stream runs before the case cancels it (which counts as fine). */
const STREAM_MILLISECONDS = 20;

type ServiceName = 'CredentialService' | 'TokenService' | 'AuditService';

interface GrpcCase {
  readonly service: ServiceName;
  readonly method: protobuf.Method;
  readonly authorization: string | undefined;
  readonly extra: Record<string, string>;
  /** A message for the method's request type, or raw bytes sent as they are. */
  readonly request: Record<string, unknown> | Uint8Array;
}

const root = protobuf.loadSync(CREDENTIALS_PROTO);
const methods = (['CredentialService', 'TokenService', 'AuditService'] as const).flatMap((service) =>
  root
    .lookupService(`credentials.v1.${service}`)
    .methodsArray.map((method) => ({ service, method: method.resolve() as protobuf.Method })),
);

const UINT32 = [0, 1, 7, 365, 366, 3650, 2 ** 31, 4294967295];
const UINT64 = [0, 1, 2 ** 31, 2 ** 32, Number.MAX_SAFE_INTEGER];
const ENUM_VALUES = [0, 1, 2, 3, 99, 2 ** 31 - 1];
const LIST_LENGTHS = [0, 1, 3, 300];

/** Bytes no request type can read: start-group tags nested far past protobufjs's recursion limit. */
const deepGroups = (depth: number): Uint8Array =>
  Buffer.concat([Buffer.alloc(depth, 0x7b), Buffer.alloc(depth, 0x7c)]);

describe('gRPC bad input (property-based)', () => {
  let keyring: RunningKeyring;
  let admin: AdminClient;
  let target: ClientCredentials;
  let decoy: ClientCredentials;
  let client: GrpcKeyringClient;
  let raw: grpc.Client;
  let targetBearer: string;

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'silent' });
    admin = await adminClient(keyring, ['*']);
    target = await createClient(keyring, admin.authorization);
    decoy = await createClient(keyring, admin.authorization);
    targetBearer = `Bearer ${await accessTokenFor(keyring.baseUrl, target)}`;
    client = grpcClient(keyring.grpcAddress);
    raw = new grpc.Client(keyring.grpcAddress, grpc.credentials.createInsecure());
  }, 30_000);
  afterAll(async () => {
    client.close();
    raw.close();
    await keyring.destroy();
  });

  /** Strings for a field; `many` when the list is long, so a message stays far below the 4 MiB limit. */
  type Strings = (field: protobuf.Field, many: boolean) => fc.Arbitrary<string>;

  function messageOf(
    type: protobuf.Type,
    strings: Strings,
    depth = 0,
  ): fc.Arbitrary<Record<string, unknown>> {
    const valueOf = (field: protobuf.Field, many = false): fc.Arbitrary<unknown> => {
      const resolved = field.resolve().resolvedType;
      if (resolved instanceof protobuf.Enum)
        return fc.oneof(fc.constantFrom(...ENUM_VALUES), fc.constantFrom(...Object.keys(resolved.values)));
      if (resolved instanceof protobuf.Type)
        return depth < 3 ? messageOf(resolved, strings, depth + 1) : fc.constant(null);
      if (field.type === 'string') return strings(field, many);
      if (field.type === 'uint64' || field.type === 'int64') return fc.constantFrom(...UINT64);
      if (field.type === 'bool') return fc.boolean();
      return fc.constantFrom(...UINT32);
    };
    const fields = Object.fromEntries(
      type.fieldsArray.map((field) => {
        const lengths = depth === 0 ? LIST_LENGTHS : LIST_LENGTHS.filter((length) => length < 10);
        const arbitrary = field.repeated
          ? fc
              .constantFrom(...lengths)
              .chain((length) =>
                fc.array(valueOf(field, length >= 10), { minLength: Math.min(length, 3), maxLength: length }),
              )
          : valueOf(field);
        return [field.name, fc.option(arbitrary, { nil: undefined, freq: 4 })];
      }),
    );
    return fc
      .record(fields)
      .map((message) =>
        Object.fromEntries(Object.entries(message).filter(([, value]) => value !== undefined)),
      );
  }

  function cases(): fc.Arbitrary<GrpcCase> {
    const ids = [target.clientId, decoy.clientId];
    const secrets = [target.clientSecret, admin.clientSecret];
    const authorization = fc.oneof(
      { weight: 10, arbitrary: fc.constant(admin.authorization) },
      { weight: 1, arbitrary: fc.constant(undefined) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          targetBearer,
          basicAuthorization(target),
          `Bearer ${target.clientSecret}`,
          'Bearer',
          'Bearer x.y.z',
        ),
      },
      {
        weight: 1,
        arbitrary: oddString().map((value) => value.replace(/[^\u0020-\u007e]/g, '?').slice(0, 4000)),
      },
    );
    const extra = fc.dictionary(
      fc.constantFrom('x-request-id', 'x-correlation-id', 'x-on-behalf-of', 'x-forwarded-for'),
      oddString().map((value) =>
        value
          .replace(/[^\u0020-\u007e]/g, '?')
          .trim()
          .slice(0, 4000),
      ),
      { maxKeys: 2 },
    );
    const perMethod = methods.map(({ service, method }) => {
      // Revoking the credential most cases aim at (or the caller's own) would leave every later case refused early.
      const known =
        method.name === 'Revoke'
          ? [decoy.clientId]
          : service === 'TokenService'
            ? [...ids, admin.clientId]
            : ids;
      const withSecrets = oddString([...known, ...secrets]);
      const short = fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 24 }));
      const strings: Strings = (field, many) => (many ? short : withSecrets);
      const request = fc.oneof(
        { weight: 12, arbitrary: messageOf(method.resolvedRequestType!, strings) },
        { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
        { weight: 1, arbitrary: fc.constantFrom(50, 101, 1000, 100_000).map(deepGroups) },
      );
      return fc.record({
        service: fc.constant(service),
        method: fc.constant(method),
        authorization,
        extra,
        request,
      });
    });
    return fc
      .oneof(...perMethod)
      .map((one) =>
        printable<GrpcCase>(
          one,
          ({ service, method, authorization: auth, extra: metadata, request }) =>
            `${service}/${method.name} auth=${excerpt(String(auth), 80)} ${excerpt(JSON.stringify(metadata), 200)} ` +
            (request instanceof Uint8Array
              ? `bytes ${excerpt(Buffer.from(request).toString('hex'), 200)}`
              : excerpt(JSON.stringify(request), 600)),
        ),
      );
  }

  const identity = (bytes: Buffer) => bytes;

  /** The status a call ends with and everything it sent back; a stream is cancelled after a moment. */
  function outcomeOf(one: GrpcCase): Promise<Outcome> {
    const label = String((one as unknown as Record<symbol, () => string>)[fc.toStringMethod]());
    const metadata = metadataWith(one.authorization, one.extra);
    const received: unknown[] = [];
    const finish = (code: grpc.status, details: string, trailers?: grpc.Metadata): Outcome => {
      const trailerText = Object.entries(trailers?.getMap() ?? {})
        .map(([key, value]) => `${key}=${Buffer.isBuffer(value) ? value.toString('latin1') : value}`)
        .join(' ');
      const cancelledByUs = one.method.responseStream && code === grpc.status.CANCELLED;
      return {
        label,
        ourFault: OUR_FAULT.includes(code),
        refused: code !== grpc.status.OK && !cancelledByUs,
        text: `${grpc.status[code]} ${details} ${trailerText} ${JSON.stringify(received)}`,
      };
    };
    const path = `/credentials.v1.${one.service}/${one.method.name}`;
    return new Promise((resolve) => {
      if (one.request instanceof Uint8Array) {
        const bytes = Buffer.from(one.request);
        if (one.method.responseStream) {
          const stream = raw.makeServerStreamRequest(path, identity, identity, bytes, metadata);
          const timer = setTimeout(() => stream.cancel(), STREAM_MILLISECONDS);
          stream.on('data', (message: Buffer) => received.push(message.toString('latin1')));
          stream.on('error', () => undefined);
          stream.on('status', (status: grpc.StatusObject) => {
            clearTimeout(timer);
            resolve(finish(status.code, status.details, status.metadata));
          });
          return;
        }
        raw.makeUnaryRequest(path, identity, identity, bytes, metadata, (error, response) => {
          if (response) received.push(response.toString('latin1'));
          resolve(error ? finish(error.code, error.details, error.metadata) : finish(grpc.status.OK, ''));
        });
        return;
      }
      const methodName = one.method.name.charAt(0).toLowerCase() + one.method.name.slice(1);
      const stub = client.clients[one.service][methodName];
      if (one.method.responseStream) {
        const stream = stub.call(
          client.clients[one.service],
          one.request,
          metadata,
        ) as grpc.ClientReadableStream<unknown>;
        const timer = setTimeout(() => stream.cancel(), STREAM_MILLISECONDS);
        stream.on('data', (message: unknown) => received.push(message));
        stream.on('error', () => undefined);
        stream.on('status', (status: grpc.StatusObject) => {
          clearTimeout(timer);
          resolve(finish(status.code, status.details, status.metadata));
        });
        return;
      }
      stub.call(
        client.clients[one.service],
        one.request,
        metadata,
        (error: grpc.ServiceError | null, response: unknown) => {
          if (response) received.push(response);
          if (error?.details.startsWith('Request message serialization failure'))
            return resolve({
              label,
              ourFault: true,
              refused: true,
              text: `the case itself cannot be serialised (fix the generator): ${error.details}`,
            });
          resolve(error ? finish(error.code, error.details, error.metadata) : finish(grpc.status.OK, ''));
        },
      );
    });
  }

  it(`answers ${RUNS} hostile calls without INTERNAL, a secret or an unrecorded append on refusal`, async () => {
    const invariants = new FuzzInvariants(
      keyring.store,
      [admin.clientSecret, target.clientSecret, decoy.clientSecret],
      /^TokenRequest\w*Refused$/,
    );
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(cases(), (one) => invariants.check(() => outcomeOf(one))),
      fuzzParameters(RUNS),
    );
    process.stdout.write(`gRPC fuzz: ${invariants.cases} cases in ${Date.now() - started} ms\n`);
  }, 300_000);

  it('is still serving afterwards', async () => {
    const health = await fetch(`${keyring.baseUrl}/health/ready`);
    expect(health.status).toBe(200);
    await expect(
      client.call('CredentialService', 'List', { limit: 1 }, admin.authorization),
    ).resolves.toEqual(expect.objectContaining({ items: expect.any(Array) }));
  });
});
