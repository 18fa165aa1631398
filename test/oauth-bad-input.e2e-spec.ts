/**
 * Bad input never reads as the service's fault on the OAuth endpoints:
 * property-based token, introspection and revocation requests with odd form
 * bodies (repeated, empty and prototype-named parameters, bytes that are not
 * a form), odd client authentication (swapped id and secret, malformed
 * Basic, both methods at once) and odd media types are answered below 500,
 * never echo a secret, and append nothing when refused — but the refused
 * token request of a known client, which the audit trail records by design.
 * A failure prints fast-check's seed: replay it with FUZZ_SEED=<seed>
 * FUZZ_PATH=<path>.
 */
import fc from 'fast-check';
import {
  accessTokenFor,
  type AdminClient,
  adminClient,
  type ClientCredentials,
  createClient,
} from './support/oauth-clients';
import {
  describeHttpRequest,
  FuzzInvariants,
  type HttpRequest,
  httpOutcome,
  printable,
  RawHttpClient,
} from './support/fuzz-checks';
import {
  deepJson,
  encoded,
  formBody,
  fuzzParameters,
  headerValue,
  jsonText,
  oddString,
} from './support/hostile-values';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

const RUNS = 3000;

const PARAMETERS = [
  'grant_type',
  'scope',
  'client_id',
  'client_secret',
  'token',
  'token_type_hint',
  'audience',
  'resource',
];

describe('OAuth bad input (property-based)', () => {
  let keyring: RunningKeyring;
  let http: RawHttpClient;
  let admin: AdminClient;
  let target: ClientCredentials;
  let accessToken: string;

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'silent' });
    http = new RawHttpClient(keyring.baseUrl);
    admin = await adminClient(keyring, ['*']);
    target = await createClient(keyring, admin.authorization);
    accessToken = await accessTokenFor(keyring.baseUrl, target);
  }, 30_000);
  afterAll(async () => {
    http.close();
    await keyring.destroy();
  });

  function requests(): fc.Arbitrary<HttpRequest> {
    const known = [
      target.clientId,
      admin.clientId,
      accessToken,
      'client_credentials',
      'access_token',
      'refresh_token',
      'invoices:read',
      'invoices:read payments:read',
    ];
    const plain = oddString(known);
    const withSecrets = oddString([...known, target.clientSecret, admin.clientSecret]);
    const pair = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom(...PARAMETERS).chain((name) => fc.tuple(fc.constant(name), withSecrets)),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(
          fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'),
          plain,
        ),
      },
    );
    const form = fc.oneof(
      {
        weight: 6,
        arbitrary: fc
          .array(pair, { maxLength: 6 })
          .map((pairs) => pairs.map(([name, value]) => `${encoded(name)}=${encoded(value)}`).join('&')),
      },
      // A well-formed grant with one odd part, so the cases reach past the first check.
      {
        weight: 4,
        arbitrary: fc
          .array(pair, { maxLength: 2 })
          .map((pairs) =>
            [
              'grant_type=client_credentials',
              ...pairs.map(([name, value]) => `${encoded(name)}=${encoded(value)}`),
            ].join('&'),
          ),
      },
      { weight: 1, arbitrary: formBody(PARAMETERS, plain) },
      { weight: 1, arbitrary: jsonText(PARAMETERS, plain) },
      { weight: 1, arbitrary: deepJson() },
    );

    const basic = (user: string, password: string, encode: boolean) => {
      const part = (value: string) => (encode ? encoded(value).replace(/%20/g, '+') : value);
      return `Basic ${Buffer.from(`${part(user)}:${part(password)}`).toString('base64')}`;
    };
    const authorization = fc.oneof(
      { weight: 4, arbitrary: fc.constant(basic(target.clientId, target.clientSecret, true)) },
      { weight: 2, arbitrary: fc.constant(basic(admin.clientId, admin.clientSecret, true)) },
      { weight: 2, arbitrary: fc.constant(undefined) },
      {
        weight: 4,
        arbitrary: fc
          .tuple(
            fc.oneof(fc.constantFrom(target.clientId, target.clientSecret), withSecrets),
            fc.oneof(fc.constantFrom(target.clientSecret, target.clientId), withSecrets),
            fc.boolean(),
          )
          .map(([user, password, encode]) => basic(user, password, encode)),
      },
      {
        weight: 2,
        arbitrary: fc.oneof(
          fc.constantFrom(
            'Basic',
            'Basic ',
            'Basic ====',
            'Basic %',
            'basic Og==',
            `Basic ${Buffer.from('%E0%A4%A:%').toString('base64')}`,
            `Basic ${Buffer.from('no-colon').toString('base64')}`,
            `Bearer ${accessToken}`,
            `Basic  ${Buffer.from(`${target.clientId}:${target.clientSecret}`).toString('base64')}`,
          ),
          headerValue().map((value) => `Basic ${value}`),
          headerValue(),
        ),
      },
    );
    const contentType = fc.oneof(
      { weight: 10, arbitrary: fc.constant('application/x-www-form-urlencoded') },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          undefined,
          'application/x-www-form-urlencoded; charset=utf-8',
          'application/x-www-form-urlencoded; charset=iso-8859-1',
          'application/x-www-form-urlencoded; charset=bogus',
          'application/json',
          'text/plain',
          'multipart/form-data; boundary=x',
        ),
      },
      { weight: 1, arbitrary: headerValue() },
    );
    const route = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom(
          '/oauth2/token',
          '/oauth2/token?grant_type=client_credentials',
          '/oauth2/token?',
        ),
      },
      { weight: 2, arbitrary: fc.constant('/oauth2/introspect') },
      { weight: 2, arbitrary: fc.constant('/oauth2/revoke') },
    );
    const method = fc.oneof(
      { weight: 12, arbitrary: fc.constant('POST') },
      { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'OPTIONS', 'HEAD') },
    );
    const extraHeaders = fc.dictionary(
      fc.constantFrom('x-request-id', 'x-correlation-id', 'x-forwarded-for', 'content-encoding'),
      fc.oneof(headerValue(), fc.constantFrom('gzip', 'identity', '1.2.3.4, ::1', '')),
      { maxKeys: 2 },
    );

    return fc
      .tuple(
        method,
        route,
        fc.option(form, { nil: undefined, freq: 10 }),
        authorization,
        contentType,
        extraHeaders,
      )
      .map(([verb, path, body, auth, type, extra]) => {
        const headers: Record<string, string> = { ...extra };
        if (auth !== undefined) headers.authorization = auth;
        if (body !== undefined && type !== undefined) headers['content-type'] = type;
        const sendsBody = body !== undefined && verb !== 'GET' && verb !== 'HEAD';
        return printable<HttpRequest>(
          { method: verb, path, headers, body: sendsBody ? body : undefined },
          describeHttpRequest,
        );
      });
  }

  it(`answers ${RUNS} hostile OAuth requests without a 5xx, a secret or an unrecorded append on refusal`, async () => {
    const invariants = new FuzzInvariants(
      keyring.store,
      [target.clientSecret, admin.clientSecret],
      /^TokenRequest\w*Refused$/,
    );
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(requests(), (request) =>
        invariants.check(async () => httpOutcome(request, await http.send(request))),
      ),
      fuzzParameters(RUNS),
    );
    process.stdout.write(`OAuth fuzz: ${invariants.cases} cases in ${Date.now() - started} ms\n`);
  }, 300_000);

  it('is still serving afterwards', async () => {
    expect((await fetch(`${keyring.baseUrl}/health/live`)).status).toBe(200);
    const metadata = await fetch(`${keyring.baseUrl}/.well-known/oauth-authorization-server`);
    expect(metadata.status).toBe(200);
  });
});
