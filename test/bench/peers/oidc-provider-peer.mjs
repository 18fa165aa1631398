// The peer in the token benchmark: oidc-provider (the certified Node.js OpenID
// provider) serving client_credentials with ES256 JWT access tokens, in a
// process of its own. It stores nothing per token (JWT access tokens are not
// persisted), so it is the rate of a stateless token server.
//
//   PORT=... CLIENTS_FILE=clients.json node test/bench/peers/oidc-provider-peer.mjs
//
// CLIENTS_FILE holds [{ clientId, clientSecret }, ...]; each is a static
// client_secret_basic client allowed the client_credentials grant.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const resource = 'https://api.bench.example';
const scope = 'messaging:send numbers:read';
const clients = JSON.parse(readFileSync(process.env.CLIENTS_FILE, 'utf8'));
const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

const provider = new Provider(issuer, {
  clients: clients.map(({ clientId, clientSecret }) => ({
    client_id: clientId,
    client_secret: clientSecret,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: 'client_secret_basic',
    // The only key is ES256, so the (unused) ID token algorithm must be too.
    id_token_signed_response_alg: 'ES256',
    scope,
  })),
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'bench', alg: 'ES256', use: 'sig' }] },
  scopes: scope.split(' '),
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => resource,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope,
        audience: resource,
        accessTokenTTL: 3600,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'ES256' } },
      }),
    },
  },
  ttl: { ClientCredentials: 3600 },
});
provider.proxy = false;

createServer(provider.callback()).listen(port, '127.0.0.1');
