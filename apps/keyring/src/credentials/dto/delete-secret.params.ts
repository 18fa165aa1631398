/** `DELETE /v1/credentials/{clientId}/secrets/{secretId}` query parameters. */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

const BOOLEAN_TEXT: Readonly<Record<string, boolean>> = { true: true, false: false };

export class DeleteSecretParams {
  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description:
      'Also revoke every active token issued with this secret, in the same change: for a leaked secret. ' +
      'Leave it out for routine rotation, so tokens already handed out run to their expiry.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && value in BOOLEAN_TEXT ? BOOLEAN_TEXT[value] : value,
  )
  @IsBoolean({ message: 'revokeTokens must be true or false' })
  revokeTokens?: boolean;
}
