/**
 * Every gRPC call passes here: it authenticates the caller by the shared
 * bearer rule (`authorization: Bearer …` metadata), or not at all for the
 * token grant, and builds the call's command context.
 */
import { type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Metadata } from '@grpc/grpc-js';
import { BUILT_IN_ROLES } from '@keyring/domain';
import { BearerAuthenticator } from './bearer-authenticator';
import { KEYRING_CONFIG, type KeyringConfig } from '../../platform/config/keyring-config';
import {
  GRPC_CALL_ARGUMENT,
  type ServerSurfaceCall,
  grpcCommandContext,
  metadataValue,
  rememberCallContext,
  rememberCallStart,
} from '../../platform/grpc/grpc-call-context';
import { compileTrust, type TrustRule } from '../../platform/http/source-ip';
import { assertWellFormed } from '../../platform/grpc/malformed-requests';

/** Who may call: administrators (the default), introspecting resource servers, or anyone (the client proves itself). */
export type GrpcAuthRule = 'admin' | 'introspect' | 'client-secret';

const GRPC_AUTH_RULE = 'keyring:grpc-auth-rule';

export const GrpcAuth = (rule: GrpcAuthRule) => SetMetadata(GRPC_AUTH_RULE, rule);

@Injectable()
export class GrpcCallGuard implements CanActivate {
  private readonly trust: TrustRule;

  constructor(
    private readonly authenticator: BearerAuthenticator,
    private readonly reflector: Reflector,
    @Inject(KEYRING_CONFIG) private readonly config: KeyringConfig,
  ) {
    this.trust = compileTrust(config.trustProxy);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const call = context.getArgByIndex<ServerSurfaceCall>(GRPC_CALL_ARGUMENT);
    rememberCallStart(call);
    assertWellFormed(context.getArgByIndex(0));
    const metadata = context.getArgByIndex<Metadata>(1);
    const rule =
      this.reflector.get<GrpcAuthRule | undefined>(GRPC_AUTH_RULE, context.getHandler()) ?? 'admin';
    const caller =
      rule === 'client-secret'
        ? null
        : await this.authenticator.callerWithRole(
            metadataValue(metadata, 'authorization'),
            this.rolesFor(rule),
          );
    const callContext = grpcCommandContext(call, metadata, caller, this.trust);
    rememberCallContext(call, callContext);
    const echoed = new Metadata();
    echoed.set('x-request-id', callContext.requestId);
    call.sendMetadata(echoed);
    return true;
  }

  private rolesFor(rule: 'admin' | 'introspect'): string[] {
    return rule === 'admin' ? [this.config.adminRole] : [BUILT_IN_ROLES.introspect, this.config.adminRole];
  }
}
