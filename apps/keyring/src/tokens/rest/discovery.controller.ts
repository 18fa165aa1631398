/**
 * What resource servers and client libraries discover without credentials:
 * the public signing keys (RFC 7517) and the server's metadata (RFC 8414).
 */
import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type CredentialPolicy, grantableApis } from '@keyring/domain';
import type { JSONWebKeySet } from 'jose';
import { CREDENTIAL_POLICY } from '../../credential-store/credential-policy.provider';
import { KEYRING_CONFIG, type KeyringConfig } from '../../platform/config/keyring-config';
import { SigningKeyRing } from '../signing-keys/signing-key-ring';
import { JwksDoc, ServerMetadataDoc } from './docs/discovery.doc';

/** Short enough that a rotated-in key is picked up well within a token's lifetime. */
const JWKS_MAX_AGE_SECONDS = 300;

@Controller('.well-known')
@ApiTags('discovery')
export class DiscoveryController {
  constructor(
    private readonly keys: SigningKeyRing,
    @Inject(CREDENTIAL_POLICY) private readonly policy: CredentialPolicy,
    @Inject(KEYRING_CONFIG) private readonly config: KeyringConfig,
  ) {}

  @Get('jwks.json')
  @Header('Cache-Control', `public, max-age=${JWKS_MAX_AGE_SECONDS}`)
  @Header('Content-Type', 'application/jwk-set+json')
  @ApiOperation({ summary: 'The public keys that verify access tokens (RFC 7517)' })
  @ApiProduces('application/jwk-set+json')
  @ApiOkResponse({ type: JwksDoc })
  jwks(): JSONWebKeySet {
    return this.keys.jwks() as JSONWebKeySet;
  }

  @Get('oauth-authorization-server')
  @Header('Cache-Control', `public, max-age=${JWKS_MAX_AGE_SECONDS}`)
  @ApiOperation({ summary: 'Authorization server metadata (RFC 8414)' })
  @ApiOkResponse({ type: ServerMetadataDoc })
  metadata(): Record<string, unknown> {
    const { issuer } = this.config.tokens;
    const authMethods = ['client_secret_basic', 'client_secret_post'];
    return {
      issuer,
      token_endpoint: `${issuer}/oauth2/token`,
      introspection_endpoint: `${issuer}/oauth2/introspect`,
      revocation_endpoint: `${issuer}/oauth2/revoke`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      grant_types_supported: ['client_credentials'],
      response_types_supported: [],
      token_endpoint_auth_methods_supported: authMethods,
      introspection_endpoint_auth_methods_supported: authMethods,
      revocation_endpoint_auth_methods_supported: authMethods,
      // Only the configured API catalogue: what tenants granted their credentials is theirs, not the public's.
      ...this.scopesSupported(),
    };
  }

  private scopesSupported(): { scopes_supported?: string[] } {
    const catalogue = grantableApis(this.policy);
    return catalogue === null ? {} : { scopes_supported: [...catalogue] };
  }
}
