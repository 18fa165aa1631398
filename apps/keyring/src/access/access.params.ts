/** `GET /v1/access` query parameters: one account and one instant, both required. */
import { IsISO8601, IsString, Matches } from 'class-validator';
import { ACCOUNT_ID_PATTERN } from '@keyring/domain';

export class AccessParams {
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: 'account must be 1–32 characters of A–Z, a–z, 0–9, "_" and "-"' })
  account!: string;

  @IsISO8601({ strict: true }, { message: 'at must be an ISO-8601 date-time, e.g. 2026-01-31T00:00:00Z' })
  at!: string;
}
