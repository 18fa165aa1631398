/**
 * The one rule for callers of the management interfaces, REST and gRPC: an
 * active access token from this service, used from an address its
 * credential allows, whose credential — as it is now, so a revocation or a
 * removed role takes effect at once — holds one of the required roles. The
 * credential's current accounts become the caller's reach.
 *
 * A long-lived call (a gRPC stream) is admitted once and then confirms the
 * same rule again against the credential as it is at that moment: its
 * caller must still be admitted, and still reach every account it reached
 * when the call began.
 */
import { Injectable } from '@nestjs/common';
import { isIpAllowed } from '@keyring/domain';
import { requireAccountsWithinReach } from '../../credential-store/caller-reach';
import { AccessTokenVerifier } from '../access-token-verifier';
import type { AccessTokenClaims } from '../access-token-claims';
import { bearerToken } from './bearer-token';
import { addressNotAllowed, authenticationRequired, invalidToken, roleRequired } from './bearer-refusals';
import type { Caller } from '../../platform/context/caller';

export interface AdmittedCaller {
  readonly caller: Caller;
  /** Resolves while the caller would still be admitted with the reach it was admitted with; throws the refusal once not. */
  confirm(): Promise<void>;
}

@Injectable()
export class BearerAuthenticator {
  constructor(private readonly verifier: AccessTokenVerifier) {}

  /** The caller an `Authorization` value proves from `sourceIp`, when its credential holds one of `roles`. */
  async callerWithRole(
    authorization: string | undefined,
    roles: readonly string[],
    sourceIp: string,
  ): Promise<Caller> {
    return (await this.admit(authorization, roles, sourceIp)).caller;
  }

  async admit(
    authorization: string | undefined,
    roles: readonly string[],
    sourceIp: string,
  ): Promise<AdmittedCaller> {
    const token = bearerToken(authorization);
    if (!token) throw authenticationRequired();
    const claims = await this.verifier.verifiedClaims(token);
    if (!claims) throw invalidToken();
    const caller = await this.currentCaller(claims, roles, sourceIp);
    return {
      caller,
      confirm: async () => {
        // Every account the caller reached when it was admitted must still be within its reach.
        requireAccountsWithinReach(await this.currentCaller(claims, roles, sourceIp), caller.accounts);
      },
    };
  }

  private async currentCaller(
    claims: AccessTokenClaims,
    roles: readonly string[],
    sourceIp: string,
  ): Promise<Caller> {
    const active = await this.verifier.stillActive(claims);
    if (!active) throw invalidToken();
    const { credential } = active;
    // As the token endpoint refuses it: a token carried away from the allowed addresses is no use.
    if (!isIpAllowed(credential.allowedIps, sourceIp)) throw addressNotAllowed(sourceIp);
    if (!credential.roles.some((role) => roles.includes(role))) throw roleRequired(roles);
    return { clientId: credential.clientId, accounts: credential.accounts, roles: credential.roles };
  }
}
