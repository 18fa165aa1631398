/**
 * Authenticates the client calling introspection or revocation, by the same
 * rules as the token grant. Failures all read `invalid_client`; the reason
 * is logged (never the secret) for operators.
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

@Injectable()
export class ClientAuthenticator {
  private readonly logger = new Logger(ClientAuthenticator.name);

  constructor(
    private readonly repository: CredentialRepository,
    private readonly hasher: ClientSecretHasher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The client an OAuth request authenticates as, by Basic header or form body. */
  authenticateRequest(request: Request): Promise<ExistingCredential> {
    return this.authenticate(
      presentedClientCredentials(request.headers.authorization, formBodyOf(request)),
      sourceIpOf(request),
    );
  }

  async authenticate(presented: PresentedClientCredentials, sourceIp: string): Promise<ExistingCredential> {
    const presentedSecretHash = this.hasher.hash(presented.clientSecret);
    const state = UUID_PATTERN.test(presented.clientId)
      ? (await this.repository.load(presented.clientId.toLowerCase())).state
      : ({ status: 'absent' } as const);
    const outcome = authenticateClient(state, presentedSecretHash, sourceIp, this.clock());
    if (outcome.authenticated) return outcome.credential;
    this.logger.warn(
      { ...loggedClientId(presented.clientId), reason: outcome.reason, sourceIp },
      'Client authentication failed',
    );
    throw invalidClient();
  }
}
