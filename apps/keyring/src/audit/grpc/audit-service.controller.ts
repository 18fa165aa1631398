/** gRPC edge of the audit trail: credentials.v1.AuditService, over the same queries as REST, plus a live replay stream. */
import { Controller } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import type { ServerWritableStream } from '@grpc/grpc-js';
import { map, type Observable } from 'rxjs';
import { AccessAtQuery } from '../point-in-time/access-at.query';
import { AccessParams } from '../point-in-time/access.params';
import { auditFilterOf, AuditQueryParams } from '../audit-query.params';
import { QueryAuditQuery } from '../query-audit.query';
import { VerifyAuditQuery } from '../verify-audit.query';
import type { CommandContext } from '../../platform/context/command-context';
import {
  accessMessage,
  auditEntryMessage,
  auditPageMessage,
  type AuditQueryRequestMessage,
  verificationMessage,
} from './audit-messages';
import { AuditFollower } from '../../projection/audit-log/audit-follower';
import { given } from '../../platform/grpc/proto-values';
import { CallerConfirmation, GrpcCall } from '../../platform/grpc/grpc-call';
import { CallContext } from '../../platform/grpc/grpc-call-context.decorator';
import { GrpcEdge } from '../../platform/grpc/grpc-edge.decorator';
import { GrpcBearerGuard } from '../../tokens/bearer/grpc-bearer.guard';
import { validated } from '../../platform/grpc/grpc-request-validation';

const SERVICE = 'AuditService';

@Controller()
@GrpcEdge(GrpcBearerGuard)
export class AuditServiceController {
  constructor(
    private readonly queries: QueryBus,
    private readonly follower: AuditFollower,
  ) {}

  @GrpcMethod(SERVICE, 'Query')
  async query(@Payload() request: AuditQueryRequestMessage, @CallContext() context: CommandContext) {
    const params = validated(AuditQueryParams, {
      account: given(request.account),
      clientId: given(request.clientId),
      actor: given(request.actor),
      action: given(request.action),
      from: given(request.from),
      to: given(request.to),
      limit: given(request.limit),
      cursor: given(request.cursor),
    });
    const page = await this.queries.execute(new QueryAuditQuery(auditFilterOf(params, context.reach)));
    return auditPageMessage(page);
  }

  @GrpcMethod(SERVICE, 'Verify')
  async verify() {
    return verificationMessage(await this.queries.execute(new VerifyAuditQuery()));
  }

  @GrpcMethod(SERVICE, 'StreamAudit')
  streamAudit(
    @Payload() request: { afterPosition: number },
    @CallContext() context: CommandContext,
    @GrpcCall() call: ServerWritableStream<unknown, unknown>,
    @CallerConfirmation() confirmAccess: () => Promise<void>,
  ): Observable<ReturnType<typeof auditEntryMessage>> {
    return this.follower
      .follow({ after: request.afterPosition, reach: context.reach, confirmAccess }, call)
      .pipe(map(auditEntryMessage));
  }

  @GrpcMethod(SERVICE, 'AccessAt')
  async accessAt(
    @Payload() request: { account: string; at: string },
    @CallContext() context: CommandContext,
  ) {
    const params = validated(AccessParams, { account: request.account, at: request.at });
    return accessMessage(
      await this.queries.execute(new AccessAtQuery(params.account, new Date(params.at), context.reach)),
    );
  }
}
