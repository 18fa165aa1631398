/** The audit trail's REST edge: `/v1/audit` and `/v1/access`, for admin callers. */
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuthModule } from '../../tokens/bearer/auth.module';
import { AccessController } from './access.controller';
import { AuditController } from './audit.controller';

@Module({ imports: [CqrsModule, AuthModule], controllers: [AuditController, AccessController] })
export class AuditRestModule {}
