import { IsOptional } from 'class-validator';
import { LifetimeDaysField } from './credential-field.decorators';

export class GenerateSecretDto {
  @IsOptional()
  @LifetimeDaysField()
  expiresInDays?: number;
}
