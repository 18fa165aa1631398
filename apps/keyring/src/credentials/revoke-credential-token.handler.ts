import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isRefusal } from '@keyring/domain';
import { CredentialCommandRunner } from '../credential-store/credential-command-runner';
import { AuditLogReader } from '../projection/audit-log/audit-log-reader';
import { RevokeCredentialTokenCommand } from './revoke-credential-token.command';

@CommandHandler(RevokeCredentialTokenCommand)
export class RevokeCredentialTokenHandler implements ICommandHandler<RevokeCredentialTokenCommand> {
  constructor(
    private readonly runner: CredentialCommandRunner,
    private readonly auditLog: AuditLogReader,
  ) {}

  async execute({ clientId, jti, context }: RevokeCredentialTokenCommand): Promise<void> {
    try {
      await this.runner.run(clientId, { type: 'RevokeToken', jti }, context);
    } catch (error) {
      // A token revoked or expired long ago has left the credential's state; it was issued, so there is
      // nothing left to do (204), unlike a jti the credential never issued (404).
      const longGone =
        isRefusal(error) && error.code === 'TOKEN_NOT_FOUND' && this.auditLog.wasTokenIssued(clientId, jti);
      if (!longGone) throw error;
    }
  }
}
