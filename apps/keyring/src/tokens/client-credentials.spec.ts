import { Refusal } from '@keyring/domain';
import { presentedClientCredentials } from './client-credentials';
import { type OAuthError, oauthErrorOf } from './oauth-errors';

const basic = (raw: string) => `Basic ${Buffer.from(raw).toString('base64')}`;
const formEncode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');

const errorOf = (run: () => unknown): OAuthError => {
  try {
    run();
  } catch (error) {
    const answer = error instanceof Refusal ? oauthErrorOf(error) : null;
    if (answer) return answer;
    throw error;
  }
  throw new Error('expected an OAuth error');
};

describe('client credentials presented to an OAuth endpoint', () => {
  it('decodes client_secret_basic, form-urldecoding both parts after base64', () => {
    const secret = 'kr_sec_a:b ü+c%';
    const header = basic(`${formEncode('client-1')}:${formEncode(secret)}`);
    expect(presentedClientCredentials(header, {})).toEqual({
      clientId: 'client-1',
      clientSecret: secret,
      method: 'client_secret_basic',
    });
  });

  it('splits at the first colon only: an unencoded colon stays in the secret', () => {
    expect(presentedClientCredentials(basic('client-1:se:cret'), {}).clientSecret).toBe('se:cret');
  });

  it('reads client_secret_post from the form body', () => {
    expect(presentedClientCredentials(undefined, { client_id: 'c', client_secret: 's' })).toEqual({
      clientId: 'c',
      clientSecret: 's',
      method: 'client_secret_post',
    });
  });

  it('refuses two methods at once, and a body id contradicting the header, as invalid_request', () => {
    expect(errorOf(() => presentedClientCredentials(basic('c:s'), { client_secret: 's' })).error).toBe(
      'invalid_request',
    );
    expect(errorOf(() => presentedClientCredentials(basic('c:s'), { client_id: 'other' })).error).toBe(
      'invalid_request',
    );
    expect(presentedClientCredentials(basic('c:s'), { client_id: 'c' }).clientId).toBe('c');
  });

  it.each([
    ['no authentication at all', undefined, {}],
    ['a post without its secret', undefined, { client_id: 'c' }],
    ['another scheme', 'Bearer abc', {}],
    ['broken base64', 'Basic ***', {}],
    ['no colon', basic('just-an-id'), {}],
    ['an empty secret', basic('c:'), {}],
    ['a malformed percent-escape', basic('c:%E0%A4%A'), {}],
    ['an over-long secret', basic(`c:${'x'.repeat(600)}`), {}],
  ])('refuses %s as invalid_client with a Basic challenge', (_case, header, body) => {
    const error = errorOf(() => presentedClientCredentials(header, body));
    expect(error).toMatchObject({ status: 401, error: 'invalid_client' });
    expect(error.headers).toEqual({ 'WWW-Authenticate': 'Basic realm="keyring"' });
  });
});
