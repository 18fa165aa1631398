/**
 * gRPC edge of the token grant, introspection, revocation and the live
 * revocation stream: credentials.v1.TokenService, over the same issuer,
 * verifier and commands as the OAuth endpoints.
 */
import { Controller } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import type { ServerWritableStream } from '@grpc/grpc-js';
import { isRefusal } from '@keyring/domain';
import { map, type Observable } from 'rxjs';
import type { AuditEntry } from '../../projection/audit-log/audit-entry';
import type { CommandContext } from '../../platform/context/command-context';
import { CredentialCommandRunner } from '../../credential-store/credential-command-runner';
import { AccessTokenVerifier } from '../access-token-verifier';
import { presentedClientCredentials } from '../client-credentials';
import { introspectionOf } from '../introspection-response';
import { parseScope } from '../scope-parameter';
import { TokenIssuer } from '../token-issuer';
import { AuditFollower } from '../../projection/audit-log/audit-follower';
import { given } from '../../platform/grpc/proto-values';
import { CallerConfirmation, GrpcCall } from '../../platform/grpc/grpc-call';
import { CallContext } from '../../platform/grpc/grpc-call-context.decorator';
import { GrpcEdge } from '../../platform/grpc/grpc-edge.decorator';
import { GrpcAuth, GrpcBearerGuard } from '../bearer/grpc-bearer.guard';
import { invalidFields } from '../../platform/http/validation-problems';

const SERVICE = 'TokenService';
const REVOCATIONS = ['token.revoked', 'credential.revoked'] as const;

function requiredToken(token: string): string {
  if (token === '') throw invalidFields([{ field: 'token', message: 'token is required' }]);
  return token;
}

/** A revocation entry of the audit log as the stream tells it. */
export function revocationMessage(entry: AuditEntry) {
  const revoked =
    entry.action === 'token.revoked'
      ? { token: { jti: String(entry.details.jti), reason: String(entry.details.reason ?? '') } }
      : { credential: { reason: String(entry.details.reason ?? '') } };
  return { position: entry.position, occurredAt: entry.occurredAt, clientId: entry.clientId, ...revoked };
}

@Controller()
@GrpcEdge(GrpcBearerGuard)
export class TokenServiceController {
  constructor(
    private readonly issuer: TokenIssuer,
    private readonly verifier: AccessTokenVerifier,
    private readonly runner: CredentialCommandRunner,
    private readonly follower: AuditFollower,
  ) {}

  @GrpcAuth('client-secret')
  @GrpcMethod(SERVICE, 'IssueToken')
  async issueToken(
    @Payload() request: { clientId: string; clientSecret: string; scope: string },
    @CallContext() context: CommandContext,
  ) {
    const token = await this.issuer.issue({
      client: presentedClientCredentials(undefined, {
        client_id: request.clientId,
        client_secret: request.clientSecret,
      }),
      scope: parseScope(given(request.scope)),
      sourceIp: context.sourceIp,
      requestId: context.requestId,
      correlationId: context.correlationId,
    });
    return {
      accessToken: token.access_token,
      tokenType: token.token_type,
      expiresIn: token.expires_in,
      scope: token.scope,
    };
  }

  @GrpcAuth('introspect')
  @GrpcMethod(SERVICE, 'Introspect')
  async introspect(@Payload() request: { token: string }) {
    const answer = introspectionOf(await this.verifier.active(requiredToken(request.token)));
    if (!answer.active) return { active: false };
    const { client_id: clientId, token_type: tokenType, ...claims } = answer;
    return { ...claims, clientId, tokenType };
  }

  /** An administrator revokes a token of a credential within reach; anything else changes nothing, quietly (RFC 7009). */
  @GrpcMethod(SERVICE, 'RevokeToken')
  async revokeToken(@Payload() request: { token: string }, @CallContext() context: CommandContext) {
    const claims = await this.verifier.verifiedClaims(requiredToken(request.token));
    if (!claims) return {};
    try {
      await this.runner.run(claims.client_id, { type: 'RevokeToken', jti: claims.jti }, context);
    } catch (error) {
      // Out of reach reads as not found; already revoked or expired is what was asked for.
      const quiet = isRefusal(error) && ['CREDENTIAL_NOT_FOUND', 'TOKEN_NOT_FOUND'].includes(error.code);
      if (!quiet) throw error;
    }
    return {};
  }

  /** For resource servers, as introspection is: the introspect role will do. */
  @GrpcAuth('introspect')
  @GrpcMethod(SERVICE, 'WatchRevocations')
  watchRevocations(
    @Payload() request: { afterPosition: number },
    @CallContext() context: CommandContext,
    @GrpcCall() call: ServerWritableStream<unknown, unknown>,
    @CallerConfirmation() confirmAccess: () => Promise<void>,
  ): Observable<ReturnType<typeof revocationMessage>> {
    const follow = {
      after: request.afterPosition,
      reach: context.reach,
      actions: REVOCATIONS,
      confirmAccess,
    };
    return this.follower.follow(follow, call).pipe(map(revocationMessage));
  }
}
