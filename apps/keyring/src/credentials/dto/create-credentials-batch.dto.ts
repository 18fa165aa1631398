import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { FIELD_LIMITS } from '@keyring/domain';
import { CreateCredentialDto } from './create-credential.dto';

export class CreateCredentialsBatchDto {
  @ApiProperty({
    type: [CreateCredentialDto],
    minItems: FIELD_LIMITS.batch.min,
    maxItems: FIELD_LIMITS.batch.max,
    description: 'Every item is validated before any is created',
  })
  @IsArray()
  @ArrayMinSize(FIELD_LIMITS.batch.min)
  @ArrayMaxSize(FIELD_LIMITS.batch.max)
  @ValidateNested({ each: true })
  @Type(() => CreateCredentialDto)
  credentials!: CreateCredentialDto[];
}
