/** `GET /v1/access` query parameters: one account and one instant, both required. */
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { ACCOUNT_ID_PATTERN } from '@keyring/domain';
import { INSTANT_SCHEMA, InstantField } from '../../platform/http/query-params';

export class AccessParams {
  @ApiProperty({ type: String, pattern: ACCOUNT_ID_PATTERN.source, example: '9900001' })
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: 'account must be 1–32 characters of A–Z, a–z, 0–9, "_" and "-"' })
  account!: string;

  @ApiProperty({ ...INSTANT_SCHEMA, description: 'The instant asked about' })
  @InstantField('at')
  at!: string;
}
