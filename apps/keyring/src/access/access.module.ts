import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@keyring/event-store';
import { AuthModule } from '../auth/auth.module';
import { AccessController } from './access.controller';
import { AccessAtHandler } from './access-at.handler';
import { PointInTimeAccess } from './point-in-time-access';

@Module({
  imports: [CqrsModule, AuthModule],
  controllers: [AccessController],
  providers: [
    {
      provide: PointInTimeAccess,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new PointInTimeAccess(store),
    },
    AccessAtHandler,
  ],
})
export class AccessModule {}
