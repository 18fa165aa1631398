/** `GET /v1/access` query parameters: one account and one instant, both required. */
import { IsString, Matches } from 'class-validator';
import { ACCOUNT_ID_PATTERN } from '@keyring/domain';
import { InstantField } from '../http/query-params';

export class AccessParams {
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: 'account must be 1–32 characters of A–Z, a–z, 0–9, "_" and "-"' })
  account!: string;

  @InstantField('at')
  at!: string;
}
