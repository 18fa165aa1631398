/**
 * The source address a token request is judged by (allowedIps) and
 * recorded with: the socket's, unless TRUST_PROXY names the proxies whose
 * X-Forwarded-For may be believed.
 */
import { credentialStreamName } from '@keyring/domain';
import {
  adminClient,
  basicAuthorization,
  type ClientCredentials,
  createClient,
} from './support/oauth-clients';
import { eventually } from './support/eventually';
import { type RunningKeyring, startKeyring } from './support/running-keyring';

const OFFICE = '203.0.113.9';

async function tokenFromOffice(keyring: RunningKeyring, client: ClientCredentials): Promise<Response> {
  return fetch(`${keyring.baseUrl}/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: basicAuthorization(client),
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': OFFICE,
    },
    body: 'grant_type=client_credentials',
  });
}

describe.each([
  ['without TRUST_PROXY, X-Forwarded-For is ignored', {}, 401, '127.0.0.1'],
  ['with TRUST_PROXY=loopback, the proxy is believed', { TRUST_PROXY: 'loopback' }, 200, OFFICE],
])('%s', (_case, env: Record<string, string>, status, recordedIp) => {
  let keyring: RunningKeyring;
  beforeAll(async () => {
    keyring = await startKeyring(env);
  });
  afterAll(() => keyring.destroy());

  it(`answers ${status} for a credential allowed only from ${OFFICE}, recording ${recordedIp}`, async () => {
    const admin = await adminClient(keyring);
    const client = await createClient(keyring, admin.authorization, { allowedIps: ['203.0.113.0/24'] });
    const response = await tokenFromOffice(keyring, client);
    expect(response.status).toBe(status);
    // A refusal is recorded right after its answer, which never waits for it.
    const [recorded] = await eventually(async () => {
      const events = (await keyring.store.readStream(credentialStreamName(client.clientId))).filter(
        (event) => event.type === 'TokenIssued' || event.type === 'TokenRequestRefused',
      );
      expect(events).toHaveLength(1);
      return events;
    });
    expect(recorded.data).toMatchObject({ sourceIp: recordedIp });
  });
});
