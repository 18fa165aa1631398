/**
 * Bad input never reads as the service's fault on the management API:
 * property-based requests to every `/v1` route (and the public GET routes)
 * with odd route ids, query strings, headers and JSON bodies — prototype
 * keys, duplicate keys, deep nesting, bytes that are not JSON — are answered
 * below 500, never echo a secret, append nothing when refused, and pollute
 * no prototype. A failure prints fast-check's seed: replay it with
 * FUZZ_SEED=<seed> FUZZ_PATH=<path> (FUZZ_SHRINK=1 to shrink it).
 */
import fc from 'fast-check';
import {
  type AdminClient,
  adminClient,
  accessTokenFor,
  basicAuthorization,
  createClient,
  type ClientCredentials,
} from './support/oauth-clients';
import { validCredential } from './support/credential-bodies';
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
  fuzzParameters,
  headerValue,
  jsonText,
  notQuiteJson,
  oddString,
  pathSegment,
  queryString,
} from './support/hostile-values';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

const RUNS = 4500;

const CREDENTIAL_FIELDS = [
  'name',
  'description',
  'environment',
  'accounts',
  'roles',
  'apis',
  'allowedIps',
  'secretLifetimeDays',
];
const QUERY_NAMES = [
  'limit',
  'cursor',
  'account',
  'status',
  'environment',
  'expiringWithinDays',
  'clientId',
  'actor',
  'action',
  'from',
  'to',
  'at',
];

describe('REST bad input (property-based)', () => {
  let keyring: RunningKeyring;
  let http: RawHttpClient;
  let admin: AdminClient;
  let target: ClientCredentials;
  let decoy: ClientCredentials;
  let targetSecretId: string;
  let targetBearer: string;

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'silent' });
    http = new RawHttpClient(keyring.baseUrl);
    admin = await adminClient(keyring, ['*']);
    target = await createClient(keyring, admin.authorization);
    decoy = await createClient(keyring, admin.authorization);
    const view = (await (
      await fetch(`${keyring.baseUrl}/v1/credentials/${target.clientId}`, {
        headers: { authorization: admin.authorization },
      })
    ).json()) as { secrets: { secretId: string }[] };
    targetSecretId = view.secrets[0].secretId;
    targetBearer = `Bearer ${await accessTokenFor(keyring.baseUrl, target)}`;
  }, 30_000);
  afterAll(async () => {
    http.close();
    await keyring.destroy();
  });

  function requests(): fc.Arbitrary<HttpRequest> {
    const ids = [target.clientId, decoy.clientId, target.clientId.toUpperCase()];
    const clientId = pathSegment(ids);
    // Revoking the credential most cases aim at would leave every later case refused early.
    const revocableId = pathSegment([decoy.clientId]);
    const secretId = pathSegment([targetSecretId]);
    const strings = oddString(ids);
    const query = queryString(QUERY_NAMES, strings);
    const json = jsonText(CREDENTIAL_FIELDS, strings);

    const credentialBody = fc
      .tuple(
        fc.dictionary(fc.constantFrom(...CREDENTIAL_FIELDS), json, { maxKeys: 3 }),
        fc.array(
          fc.tuple(
            fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.string({ maxLength: 8 })),
            json,
          ),
          { maxLength: 2 },
        ),
      )
      .map(([replaced, extra]) => {
        const fields = Object.entries({ ...validCredential({ allowedIps: [] }) }).map(
          ([name, value]) => `${JSON.stringify(name)}:${replaced[name] ?? JSON.stringify(value)}`,
        );
        return `{${[...fields, ...extra.map(([name, value]) => `${JSON.stringify(name)}:${value}`)].join(',')}}`;
      });
    const body = fc.oneof(
      { weight: 4, arbitrary: credentialBody },
      { weight: 2, arbitrary: credentialBody.map((one) => `{"credentials":[${one},${one}]}`) },
      { weight: 3, arbitrary: json },
      { weight: 2, arbitrary: deepJson() },
      { weight: 1, arbitrary: notQuiteJson() },
    );

    const route = fc.oneof(
      fc.constant({ method: 'POST', path: '/v1/credentials', hasBody: true }),
      fc.constant({ method: 'POST', path: '/v1/credentials/batch', hasBody: true }),
      clientId.map((id) => ({ method: 'PATCH', path: `/v1/credentials/${id}`, hasBody: true })),
      clientId.map((id) => ({ method: 'POST', path: `/v1/credentials/${id}/secrets`, hasBody: true })),
      query.map((q) => ({ method: 'GET', path: `/v1/credentials${q}`, hasBody: false })),
      clientId.map((id) => ({ method: 'GET', path: `/v1/credentials/${id}`, hasBody: false })),
      clientId.map((id) => ({ method: 'GET', path: `/v1/credentials/${id}/tokens`, hasBody: false })),
      fc
        .tuple(clientId, query)
        .map(([id, q]) => ({ method: 'GET', path: `/v1/credentials/${id}/history${q}`, hasBody: false })),
      fc.tuple(clientId, secretId).map(([id, secret]) => ({
        method: 'DELETE',
        path: `/v1/credentials/${id}/secrets/${secret}`,
        hasBody: false,
      })),
      revocableId.map((id) => ({ method: 'DELETE', path: `/v1/credentials/${id}`, hasBody: false })),
      fc
        .tuple(fc.constantFrom('/v1/audit', '/v1/audit/verify', '/v1/access', '/v1/catalogue'), query)
        .map(([path, q]) => ({ method: 'GET', path: `${path}${q}`, hasBody: false })),
      fc
        .constantFrom(
          '/health/live',
          '/health/ready',
          '/.well-known/jwks.json',
          '/.well-known/oauth-authorization-server',
        )
        .map((path) => ({ method: 'GET', path, hasBody: false })),
      fc
        .tuple(
          fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'),
          fc.array(
            fc.oneof(
              fc.constantFrom('v1', 'credentials', 'audit', 'secrets', 'tokens', 'history', 'batch'),
              clientId,
            ),
            { minLength: 1, maxLength: 5 },
          ),
        )
        .map(([method, segments]) => ({
          method,
          path: `/${segments.join('/')}`,
          hasBody: method !== 'GET' && method !== 'HEAD',
        })),
    );

    const authorization = fc.oneof(
      { weight: 12, arbitrary: fc.constant(admin.authorization) },
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constant(targetBearer) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          basicAuthorization(target),
          basicAuthorization(admin),
          `Bearer ${target.clientSecret}`,
          `Bearer ${admin.clientSecret}`,
        ),
      },
      { weight: 1, arbitrary: headerValue().map((value) => `Bearer ${value}`) },
      { weight: 1, arbitrary: headerValue() },
    );
    const contentType = fc.oneof(
      { weight: 10, arbitrary: fc.constant('application/json') },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          undefined,
          'application/merge-patch+json',
          'application/json; charset=utf-16',
          'application/json; charset=bogus',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
        ),
      },
      { weight: 1, arbitrary: headerValue() },
    );
    const extraHeaders = fc.dictionary(
      fc.constantFrom(
        'x-request-id',
        'x-correlation-id',
        'x-on-behalf-of',
        'x-forwarded-for',
        'content-encoding',
        'accept',
        'accept-charset',
        'if-none-match',
      ),
      fc.oneof(
        headerValue(),
        fc.constantFrom('gzip', 'br', 'deflate', 'identity', 'x-unknown', '1.2.3.4, ::1'),
      ),
      { maxKeys: 2 },
    );

    return fc
      .tuple(route, fc.option(body, { nil: undefined, freq: 6 }), authorization, contentType, extraHeaders)
      .map(([{ method, path, hasBody }, chosenBody, auth, type, extra]) => {
        const sendsBody = chosenBody !== undefined && (hasBody || method === 'DELETE');
        const headers: Record<string, string> = { ...extra };
        if (auth !== undefined) headers.authorization = auth;
        if (sendsBody && type !== undefined) headers['content-type'] = type;
        return printable<HttpRequest>(
          { method, path, headers, body: sendsBody ? chosenBody : undefined },
          describeHttpRequest,
        );
      });
  }

  it(`answers ${RUNS} hostile requests without a 5xx, a secret, an append on refusal or a polluted prototype`, async () => {
    const invariants = new FuzzInvariants(keyring.store, [
      admin.clientSecret,
      target.clientSecret,
      decoy.clientSecret,
    ]);
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(requests(), (request) =>
        invariants.check(async () => httpOutcome(request, await http.send(request))),
      ),
      fuzzParameters(RUNS),
    );
    process.stdout.write(`REST fuzz: ${invariants.cases} cases in ${Date.now() - started} ms\n`);
  }, 300_000);

  it('is still serving afterwards', async () => {
    expect((await fetch(`${keyring.baseUrl}/health/ready`)).status).toBe(200);
    const list = await fetch(`${keyring.baseUrl}/v1/credentials?limit=1`, {
      headers: { authorization: admin.authorization },
    });
    expect(list.status).toBe(200);
  });
});
