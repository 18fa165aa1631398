/** Refuses a request grpc-js could not deserialize (see malformed-requests.ts) before anything else looks at it. */
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { assertWellFormed } from './malformed-requests';

@Injectable()
export class WellFormedRequestGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    assertWellFormed(context.switchToRpc().getData());
    return true;
  }
}
