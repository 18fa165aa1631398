import { Badge, Group } from '@mantine/core';
import { daysFromNow } from '../../../lib/time';
import type { Credential, Secret } from '../api/types';

export const EXPIRY_WARNING_DAYS = 14;
export const ROTATION_DAYS = 90;

export const expiresSoon = (secret: Secret, now = Date.now()) =>
  secret.status === 'active' && daysFromNow(secret.expiresAt, now) <= EXPIRY_WARNING_DAYS;

export const rotationDue = (secret: Secret, now = Date.now()) =>
  secret.status === 'active' && -daysFromNow(secret.createdAt, now) > ROTATION_DAYS;

/** Badges for a credential whose secrets need attention. */
export function SecretHealthBadges({ credential }: { credential: Credential }) {
  if (credential.status !== 'active') return null;
  const soon = credential.secrets.some((secret) => expiresSoon(secret));
  const old = credential.secrets.some((secret) => rotationDue(secret));
  const none = !credential.secrets.some((secret) => secret.status === 'active');
  return (
    <Group gap={4} wrap="wrap">
      {soon && (
        <Badge color="orange" variant="light">
          Expires within {EXPIRY_WARNING_DAYS} days
        </Badge>
      )}
      {old && (
        <Badge color="grape" variant="light">
          Older than {ROTATION_DAYS} days
        </Badge>
      )}
      {none && (
        <Badge color="red" variant="light">
          No active secret
        </Badge>
      )}
    </Group>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const color = status === 'active' ? 'green' : status === 'expired' ? 'orange' : 'gray';
  return (
    <Badge color={color} variant={status === 'active' ? 'light' : 'outline'}>
      {status}
    </Badge>
  );
}
