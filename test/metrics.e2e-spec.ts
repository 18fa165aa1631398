/**
 * `GET /metrics` on the management listener: Prometheus text with the
 * process's own metrics, requests by route pattern (the direct token
 * endpoint included), gRPC calls by method and status, open streams, tokens
 * issued and refused across REST and gRPC, and where the event store and the
 * projector are — and never a client id or a secret. The public port has none of it.
 */
import { eventually } from './support/eventually';
import { grpcClient, type GrpcKeyringClient, refusalOf } from './support/grpc-clients';
import {
  type AdminClient,
  adminClient,
  type ClientCredentials,
  createClient,
  requestToken,
} from './support/oauth-clients';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

/** The value of one series in Prometheus text, or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (.+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((label) => [
        label[1],
        label[2],
      ]),
    );
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe('Prometheus metrics', () => {
  let keyring: RunningKeyring;
  let admin: AdminClient;
  let client: ClientCredentials;
  let grpc: GrpcKeyringClient;
  const scrape = async () => {
    const response = await fetch(`${keyring.managementUrl}/metrics`);
    expect(response.status).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    keyring = await startKeyring({ LOG_LEVEL: 'warn' });
    admin = await adminClient(keyring, ['*']);
    client = await createClient(keyring, admin.authorization);
    grpc = grpcClient(keyring.grpcAddress);
  });
  afterAll(async () => {
    grpc.close();
    await keyring.destroy();
  });

  it('is served on the management listener, on loopback, and not on the public port', async () => {
    expect(new URL(keyring.managementUrl).hostname).toBe('127.0.0.1');
    expect(new URL(keyring.managementUrl).port).not.toBe(new URL(keyring.baseUrl).port);
    expect((await fetch(`${keyring.baseUrl}/metrics`)).status).toBe(404);
  });

  it('answers in the Prometheus text format, with the process metrics', async () => {
    const response = await fetch(`${keyring.managementUrl}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(sample(text, 'keyring_process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'keyring_nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('counts tokens issued and refused over REST and gRPC alike', async () => {
    const before = await scrape();
    const issued = sample(before, 'keyring_tokens_issued_total') ?? 0;
    const refused = sample(before, 'keyring_token_requests_refused_total', { error: 'invalid_client' }) ?? 0;

    expect((await requestToken(keyring.baseUrl, client)).status).toBe(200);
    await grpc.call('TokenService', 'IssueToken', { ...client, scope: '' });
    expect((await requestToken(keyring.baseUrl, { ...client, clientSecret: 'kr_sec_wrong' })).status).toBe(
      401,
    );

    const after = await scrape();
    expect(sample(after, 'keyring_tokens_issued_total')).toBe(issued + 2);
    expect(sample(after, 'keyring_token_requests_refused_total', { error: 'invalid_client' })).toBe(
      refused + 1,
    );
  });

  it('times HTTP requests by route pattern, the direct token endpoint included', async () => {
    await fetch(`${keyring.baseUrl}/v1/credentials/${client.clientId}`, {
      headers: { authorization: admin.authorization },
    });
    await fetch(`${keyring.baseUrl}/no/such/route`);
    await requestToken(keyring.baseUrl, client);
    const text = await scrape();
    const count = (route: string, status: string, method = 'GET') =>
      sample(text, 'keyring_http_request_duration_seconds_count', { method, route, status });
    expect(count('/v1/credentials/:clientId', '200')).toBeGreaterThanOrEqual(1);
    expect(count('unmatched', '404')).toBeGreaterThanOrEqual(1);
    expect(count('/oauth2/token', '200', 'POST')).toBeGreaterThanOrEqual(2);
  });

  it('times gRPC calls by method and status, and counts open streams', async () => {
    await grpc.call('CredentialService', 'List', {}, admin.authorization);
    await refusalOf(grpc.call('CredentialService', 'List', {}));
    const stream = grpc.stream('TokenService', 'WatchRevocations', { afterPosition: 0 }, admin.authorization);
    const watching = { method: '/credentials.v1.TokenService/WatchRevocations' };
    try {
      const text = await eventually(async () => {
        const scraped = await scrape();
        expect(sample(scraped, 'keyring_grpc_streams_open', watching)).toBe(1);
        return scraped;
      });
      const list = '/credentials.v1.CredentialService/List';
      expect(sample(text, 'keyring_grpc_call_duration_seconds_count', { method: list, code: 'OK' })).toBe(1);
      expect(
        sample(text, 'keyring_grpc_call_duration_seconds_count', { method: list, code: 'UNAUTHENTICATED' }),
      ).toBe(1);
    } finally {
      stream.cancel();
    }
    await eventually(async () =>
      expect(sample(await scrape(), 'keyring_grpc_streams_open', watching)).toBe(0),
    );
  });

  it('shows where the event store and the projector are', async () => {
    const head = await keyring.store.headPosition();
    const text = await eventually(async () => {
      const scraped = await scrape();
      expect(sample(scraped, 'keyring_projection_checkpoint')).toBe(head);
      return scraped;
    });
    expect(sample(text, 'keyring_event_store_head_position')).toBeGreaterThanOrEqual(head);
    expect(sample(text, 'keyring_projection_up')).toBe(1);
    expect(sample(text, 'keyring_event_store_appends')).toBeGreaterThanOrEqual(head > 0 ? 1 : 0);
  });

  it('names no client and carries no secret', async () => {
    const text = await scrape();
    for (const value of [admin.clientId, client.clientId, admin.clientSecret, client.clientSecret]) {
      expect(text).not.toContain(value);
    }
  });
});
