import { Badge, Group } from '@mantine/core';
import { EXPIRY_WARNING_DAYS, expiresSoon, ROTATION_DAYS, rotationDue } from '../../../lib/secret-health';
import type { Credential } from '../api/types';

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
