import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type BasicVerification, BasicVerifier } from './basic-verifier';
import { VerifyBasicCommand } from './verify-basic.command';

@CommandHandler(VerifyBasicCommand)
export class VerifyBasicHandler implements ICommandHandler<VerifyBasicCommand> {
  constructor(private readonly verifier: BasicVerifier) {}

  execute({ authorization, context }: VerifyBasicCommand): Promise<BasicVerification> {
    return this.verifier.verify(authorization, context);
  }
}
