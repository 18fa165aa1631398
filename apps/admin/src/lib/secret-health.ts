/** When a secret needs attention: the one rule the list's badges and the overview's counts share. */
import { daysFromNow } from './time';

/** Secrets expiring this soon are flagged, so there is time to rotate. */
export const EXPIRY_WARNING_DAYS = 14;
/** The seed's rotation advice: a secret older than this should be replaced. */
export const ROTATION_DAYS = 90;

interface SecretDates {
  readonly status: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export const expiresSoon = (secret: SecretDates, now = Date.now()): boolean =>
  secret.status === 'active' && daysFromNow(secret.expiresAt, now) <= EXPIRY_WARNING_DAYS;

export const rotationDue = (secret: SecretDates, now = Date.now()): boolean =>
  secret.status === 'active' && -daysFromNow(secret.createdAt, now) > ROTATION_DAYS;
