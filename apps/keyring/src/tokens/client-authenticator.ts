/**
 * Authenticates the client calling introspection or revocation, by the same
 * rules as the token grant, under the same limit on failures per address.
 * Failures all read `invalid_client`; the reason is logged (never the
 * secret) for operators.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { authenticateClient, type ExistingCredential } from '@keyring/domain';
import type { Request } from 'express';
import { CLOCK, type Clock } from '../platform/clock/clock';
import { UUID_PATTERN } from '@keyring/domain';
import { CredentialRepository } from '../credential-store/credential.repository';
import { ClientSecretHasher } from '../credential-store/secrets/client-secret';
import { sourceIpOf } from '../platform/http/request-context';
import {
  loggedClientId,
  type PresentedClientCredentials,
  presentedClientCredentials,
} from './client-credentials';
import { formBodyOf } from './form-parameters';
import { invalidClient } from './grant-refusals';
import { TokenRequestThrottle } from './throttling/token-request-throttle';

@Injectable()
export class ClientAuthenticator {
  private readonly logger = new Logger(ClientAuthenticator.name);

  constructor(
    private readonly repository: CredentialRepository,
    private readonly hasher: ClientSecretHasher,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly throttle: TokenRequestThrottle,
  ) {}

  /** The client an OAuth request authenticates as, by Basic header or form body. */
  authenticateRequest(request: Request): Promise<ExistingCredential> {
    return this.authenticate(
      presentedClientCredentials(request.headers.authorization, formBodyOf(request)),
      sourceIpOf(request),
    );
  }

  async authenticate(presented: PresentedClientCredentials, sourceIp: string): Promise<ExistingCredential> {
    // The token grant's limit on failures per address holds here too, or these endpoints would test guesses.
    const throttled = this.throttle.failedRequestsRefusal(sourceIp, this.clock());
    if (throttled) throw throttled;
    const presentedSecretHash = this.hasher.hash(presented.clientSecret);
    const state = UUID_PATTERN.test(presented.clientId)
      ? (await this.repository.load(presented.clientId.toLowerCase())).state
      : ({ status: 'absent' } as const);
    const outcome = authenticateClient(state, presentedSecretHash, sourceIp, this.clock());
    if (outcome.authenticated) return outcome.credential;
    this.throttle.failed(sourceIp, this.clock());
    this.logger.warn(
      { ...loggedClientId(presented.clientId), reason: outcome.reason, sourceIp },
      'Client authentication failed',
    );
    throw invalidClient();
  }
}
