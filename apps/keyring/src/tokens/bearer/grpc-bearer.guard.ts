/**
 * Who may make a gRPC call: the caller proves itself by the shared bearer
 * rule (`authorization: Bearer …` metadata), or not at all for the token
 * grant, where the client authenticates with its secret instead. The caller
 * found is noted on the call's metadata for `@CallContext()`, with the check
 * a stream repeats while it runs (`@CallerConfirmation()`).
 */
import { type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { BUILT_IN_ROLES } from '@keyring/domain';
import { BearerAuthenticator } from './bearer-authenticator';
import { KEYRING_CONFIG, type KeyringConfig } from '../../platform/config/keyring-config';
import { grpcMetadataOf, metadataValue } from '../../platform/grpc/grpc-call';

/** Who may call: administrators (the default), introspecting resource servers, or anyone (the client proves itself). */
export type GrpcAuthRule = 'admin' | 'introspect' | 'client-secret';

const GRPC_AUTH_RULE = 'keyring:grpc-auth-rule';

export const GrpcAuth = (rule: GrpcAuthRule) => SetMetadata(GRPC_AUTH_RULE, rule);

@Injectable()
export class GrpcBearerGuard implements CanActivate {
  constructor(
    private readonly authenticator: BearerAuthenticator,
    private readonly reflector: Reflector,
    @Inject(KEYRING_CONFIG) private readonly config: KeyringConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const metadata = grpcMetadataOf(context);
    const rule =
      this.reflector.get<GrpcAuthRule | undefined>(GRPC_AUTH_RULE, context.getHandler()) ?? 'admin';
    if (rule === 'client-secret') {
      metadata.caller = null;
      return true;
    }
    if (metadata.sourceIp === undefined) throw new Error('The call arrived without its source address noted');
    const admitted = await this.authenticator.admit(
      metadataValue(metadata, 'authorization'),
      this.rolesFor(rule),
      metadata.sourceIp,
    );
    metadata.caller = admitted.caller;
    metadata.confirmCaller = admitted.confirm;
    return true;
  }

  private rolesFor(rule: 'admin' | 'introspect'): string[] {
    return rule === 'admin' ? [this.config.adminRole] : [BUILT_IN_ROLES.introspect, this.config.adminRole];
  }
}
