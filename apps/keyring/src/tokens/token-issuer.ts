/**
 * The client_credentials grant: authenticates the client and issues a token
 * through the IssueToken command, so the domain's rules (active secret,
 * allowed address, granted scope, ten active tokens) decide, and the token is
 * durably recorded before it is signed and returned. Refusals are decided
 * ahead of the credential's command queue, throttled, and recorded after the
 * answer (README: Security model, Token-request throttling).
 */
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  credentialNotFound,
  type Decision,
  type ExistingCredential,
  type IssueToken,
  isRefusal,
  type Refusal,
  tokenRequestRefused,
  type TokenRequestRefused,
  UNLIMITED_REACH,
  UUID_PATTERN,
} from '@keyring/domain';
import { CLOCK, type Clock } from '../platform/clock/clock';
import { KEYRING_CONFIG, type KeyringConfig } from '../platform/config/keyring-config';
import type { CommandContext } from '../platform/context/command-context';
import { CredentialCommandRunner } from '../credential-store/credential-command-runner';
import type { LoadedCredential } from '../credential-store/credential.repository';
import { KeyringMetrics } from '../platform/metrics/keyring-metrics';
import { ClientSecretHasher } from '../credential-store/secrets/client-secret';
import { AccessTokenSigner } from './access-token-signer';
import { loggedClientId, type PresentedClientCredentials } from './client-credentials';
import { invalidClient, invalidScope, temporarilyUnavailable } from './grant-refusals';
import { oauthErrorOf } from './oauth-errors';
import { RefusalRecorder } from './throttling/refusal-recorder';
import { TokenRequestThrottle } from './throttling/token-request-throttle';

/** Refusals that mean the client failed to authenticate: they count toward its address's limit. */
const AUTHENTICATION_FAILURES: ReadonlySet<string> = new Set([
  'CREDENTIAL_NOT_FOUND',
  'CREDENTIAL_REVOKED',
  'INVALID_CLIENT_SECRET',
  'IP_NOT_ALLOWED',
]);

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

/** Refusals made outside the domain's decision that are still recorded (or counted) like its own. */
const RECORDED_HERE: ReadonlySet<string> = new Set([
  'CREDENTIAL_NOT_FOUND',
  'TOO_MANY_FAILED_REQUESTS',
  'TOKEN_ISSUE_RATE_EXCEEDED',
]);

/** One token request on its way through the grant. */
interface TokenAttempt {
  /** Lower-cased when well-formed; as presented otherwise. */
  readonly clientId: string;
  readonly wellFormed: boolean;
  readonly command: IssueToken;
  readonly context: CommandContext;
}

@Injectable()
export class TokenIssuer {
  private readonly logger = new Logger(TokenIssuer.name);

  constructor(
    private readonly runner: CredentialCommandRunner,
    private readonly hasher: ClientSecretHasher,
    private readonly signer: AccessTokenSigner,
    @Inject(KEYRING_CONFIG) private readonly config: KeyringConfig,
    private readonly metrics: KeyringMetrics,
    private readonly throttle: TokenRequestThrottle,
    private readonly refusals: RefusalRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
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
    const attempt = this.attemptOf(request);
    const { clientId, command, context } = attempt;
    const { jti } = command;

    // 1. An address that failed too often is refused before any credential is looked at.
    const throttled = this.throttle.failedRequestsRefusal(command.sourceIp, this.clock());
    if (throttled) throw this.refused(attempt, throttled);

    // 2. Decided on the credential's current state outside its queue: a refusal is answered at once and
    //    recorded afterwards, so an attacker's failures never queue in front of the owner's requests.
    const ahead: Decision & { readonly loaded?: LoadedCredential } = attempt.wellFormed
      ? await this.runner.decideAhead(clientId, command, context)
      : { events: [], refusal: credentialNotFound() };
    if (ahead.refusal) throw this.refused(attempt, ahead.refusal, ahead.events);

    // 3. A credential issuing too fast (an issue/revoke loop) is told to wait.
    const [issued] = ahead.events;
    const secretId = issued?.type === 'TokenIssued' ? issued.data.secretId : null;
    const overRate = this.throttle.issueRateRefusal(clientId, this.clock());
    if (overRate) throw this.refused(attempt, overRate, [], secretId);

    // 4. Issued through the credential's queue, deciding again on the state as it is by then (the one just
    //    loaded, unless a command ahead in the queue changed it).
    let credential: ExistingCredential;
    const recordedInQueue: TokenRequestRefused[] = [];
    try {
      const result = await this.runner.run(clientId, command, context, {
        recordRefusal: (records) => recordedInQueue.push(...records),
        loadedAhead: ahead.loaded,
      });
      credential = result.state as ExistingCredential;
    } catch (error) {
      throw isRefusal(error) ? this.refused(attempt, error, recordedInQueue) : error;
    }
    const token = credential.tokens.find((candidate) => candidate.jti === jti);
    if (!token) throw new Error(`Token ${jti} of ${clientId} was issued but not recorded`);
    this.throttle.issued(clientId, this.clock());
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

  /** The request as a command: every request gets the same work, its secret hashed whether its client exists or not. */
  private attemptOf(request: TokenRequest): TokenAttempt {
    const { client, sourceIp } = request;
    const presentedSecretHash = this.hasher.hash(client.clientSecret);
    const wellFormed = UUID_PATTERN.test(client.clientId);
    const clientId = wellFormed ? client.clientId.toLowerCase() : client.clientId;
    return {
      clientId,
      wellFormed,
      command: {
        type: 'IssueToken',
        jti: randomUUID(),
        presentedSecretHash,
        sourceIp,
        requestedScope: request.scope,
        lifetimeSeconds: this.config.tokens.ttlSeconds,
      },
      context: {
        actor: { type: 'client', id: clientId, onBehalfOf: null },
        requestId: request.requestId,
        sourceIp,
        correlationId: request.correlationId,
        reach: UNLIMITED_REACH,
      },
    };
  }

  /**
   * Counts a refused request (a failed authentication toward its address's
   * limit), hands its record to the recorder (written after the answer, or
   * counted), and returns the answer the client gets.
   */
  private refused(
    attempt: TokenAttempt,
    refusal: Refusal,
    recorded: readonly TokenRequestRefused[] = [],
    secretId: string | null = null,
  ): Error {
    const { clientId, command, context } = attempt;
    if (AUTHENTICATION_FAILURES.has(refusal.code)) this.throttle.failed(command.sourceIp, this.clock());
    // What the domain decided carries its record; a refusal made here (a throttle, an unknown client) gets one.
    const records =
      recorded.length > 0 || !RECORDED_HERE.has(refusal.code)
        ? recorded
        : [
            tokenRequestRefused({
              ...command,
              clientId,
              reason: refusal.code,
              secretId,
              refusedAt: this.clock(),
            }),
          ];
    for (const record of records) this.refusals.record(record, context);
    return this.grantRefusal(refusal, clientId, command.sourceIp);
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
      case 'TOO_MANY_FAILED_REQUESTS':
      case 'TOKEN_ISSUE_RATE_EXCEEDED':
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
