/**
 * The client_credentials grant: authenticates the client and issues a token
 * through the IssueToken command, so the domain's rules (active secret,
 * allowed address, granted scope, ten active tokens) decide, and the token is
 * durably recorded before it is signed and returned.
 */
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type ExistingCredential, isRefusal, type Refusal } from '@keyring/domain';
import { UNLIMITED_REACH } from '@keyring/domain';
import { KEYRING_CONFIG, type KeyringConfig } from '../platform/config/keyring-config';
import { UUID_PATTERN } from '@keyring/domain';
import type { CommandContext } from '../platform/context/command-context';
import { CredentialCommandRunner } from '../credential-store/credential-command-runner';
import { KeyringMetrics } from '../platform/metrics/keyring-metrics';
import { ClientSecretHasher } from '../credential-store/secrets/client-secret';
import { AccessTokenSigner } from './access-token-signer';
import { loggedClientId, type PresentedClientCredentials } from './client-credentials';
import { invalidClient, invalidScope, temporarilyUnavailable } from './grant-refusals';
import { oauthErrorOf } from './oauth-errors';

export interface TokenRequest {
  readonly client: PresentedClientCredentials;
  /** Requested scopes; null when the request named none. */
  readonly scope: readonly string[] | null;
  readonly sourceIp: string;
  readonly requestId: string;
  readonly correlationId: string;
}

/** RFC 6749 §5.1. */
export interface TokenResponse {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly scope: string;
}

const toSeconds = (epochMs: number): number => Math.floor(epochMs / 1000);

@Injectable()
export class TokenIssuer {
  private readonly logger = new Logger(TokenIssuer.name);

  constructor(
    private readonly runner: CredentialCommandRunner,
    private readonly hasher: ClientSecretHasher,
    private readonly signer: AccessTokenSigner,
    @Inject(KEYRING_CONFIG) private readonly config: KeyringConfig,
    private readonly metrics: KeyringMetrics,
  ) {}

  /** Counted here, so the direct REST endpoint and gRPC's IssueToken are both. */
  async issue(request: TokenRequest): Promise<TokenResponse> {
    try {
      const response = await this.issueOrRefuse(request);
      this.metrics.tokenIssued();
      return response;
    } catch (error) {
      const answer = isRefusal(error) ? oauthErrorOf(error) : null;
      this.metrics.tokenRefused(answer?.error ?? 'server_error');
      throw error;
    }
  }

  private async issueOrRefuse(request: TokenRequest): Promise<TokenResponse> {
    const { client, sourceIp } = request;
    if (!UUID_PATTERN.test(client.clientId)) throw this.unknownClient(client.clientId, sourceIp);
    const clientId = client.clientId.toLowerCase();
    const jti = randomUUID();
    const context: CommandContext = {
      actor: { type: 'client', id: clientId, onBehalfOf: null },
      requestId: request.requestId,
      sourceIp,
      correlationId: request.correlationId,
      reach: UNLIMITED_REACH,
    };
    let credential: ExistingCredential;
    try {
      const result = await this.runner.run(
        clientId,
        {
          type: 'IssueToken',
          jti,
          presentedSecretHash: this.hasher.hash(client.clientSecret),
          sourceIp,
          requestedScope: request.scope,
          lifetimeSeconds: this.config.tokens.ttlSeconds,
        },
        context,
      );
      credential = result.state as ExistingCredential;
    } catch (error) {
      throw isRefusal(error) ? this.grantRefusal(error, clientId, sourceIp) : error;
    }
    const token = credential.tokens.find((candidate) => candidate.jti === jti);
    if (!token) throw new Error(`Token ${jti} of ${clientId} was issued but not recorded`);
    const iat = toSeconds(token.issuedAt);
    const exp = toSeconds(token.expiresAt);
    const scope = token.scope.join(' ');
    const accessToken = this.signer.sign({
      iss: this.config.tokens.issuer,
      sub: clientId,
      client_id: clientId,
      aud: this.config.tokens.audience,
      iat,
      exp,
      jti,
      scope,
      accounts: credential.accounts,
      roles: credential.roles,
    });
    return { access_token: accessToken, token_type: 'Bearer', expires_in: exp - iat, scope };
  }

  private unknownClient(clientId: string, sourceIp: string): Refusal {
    // Nothing to record the attempt against: the logs are its only trace.
    this.logger.warn({ ...loggedClientId(clientId), sourceIp }, 'Token request for an unknown client');
    return invalidClient();
  }

  /**
   * The grant's answer, the same on every edge: whatever made client
   * authentication fail reads as one invalid client, so the answer is no oracle.
   */
  private grantRefusal(refusal: Refusal, clientId: string, sourceIp: string): Error {
    switch (refusal.code) {
      case 'CREDENTIAL_NOT_FOUND':
        return this.unknownClient(clientId, sourceIp);
      case 'CREDENTIAL_REVOKED':
      case 'INVALID_CLIENT_SECRET':
      case 'IP_NOT_ALLOWED':
        // Recorded as TokenRequestRefused with the real reason; the client learns nothing more.
        this.logger.warn({ clientId, reason: refusal.code, sourceIp }, 'Token request refused');
        return invalidClient();
      case 'INVALID_SCOPE':
        return invalidScope(refusal.message);
      case 'TOKEN_LIMIT_REACHED':
        return refusal;
      // The store could not record the token (a full disk, an unconfirmed append): temporarily_unavailable.
      case 'STORAGE_FULL':
      case 'APPEND_OUTCOME_UNKNOWN':
        return refusal;
      case 'CONCURRENCY_CONFLICT':
        return temporarilyUnavailable(refusal.message);
      default:
        // The edge made a request the domain finds invalid (a reused jti, a bad lifetime): our fault.
        return new Error(`Token request of ${clientId} refused unexpectedly: ${refusal.code}`, {
          cause: refusal,
        });
    }
  }
}
