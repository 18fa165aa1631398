import { Badge, Button, Group, Text, Timeline } from '@mantine/core';
import { ErrorAlert } from '../../../components/error-alert';
import { Empty, Loading } from '../../../components/states';
import { TimeText } from '../../../components/time-text';
import { useCredentialHistory } from '../api/credential-queries';
import type { AuditEntry } from '../api/types';

const ACTION_WORDS: Record<AuditEntry['action'], string> = {
  'credential.created': 'Credential created',
  'credential.updated': 'Credential changed',
  'secret.generated': 'Secret generated',
  'secret.deleted': 'Secret deleted',
  'token.issued': 'Token issued',
  'token.revoked': 'Token revoked',
  'credential.revoked': 'Credential revoked',
  'token.refused': 'Token refused',
  // A credential's history never holds these; the audit log does.
  'api-user.created': 'API user created',
  'api-user.password-set': 'API user password set',
  'api-user.updated': 'API user changed',
  'api-user.disabled': 'API user disabled',
  'api-user.enabled': 'API user enabled',
  'api-user.deleted': 'API user deleted',
  'api-user.migrated': 'API user migrated',
  'api-user.basic-used': 'Basic authentication used',
  'api-user.basic-refused': 'Basic authentication refused',
};

/** What an entry's details say, as short text (never markup). */
function summary(entry: AuditEntry): string {
  const details = entry.details as Record<string, unknown>;
  switch (entry.action) {
    case 'secret.generated':
      return `Secret ${String(details.hint ?? '')}`;
    case 'token.issued':
      return `Scope: ${String(details.scope || '(none)')}`;
    case 'token.refused':
      return typeof details.count === 'number'
        ? `${details.count} requests refused: ${Object.entries(
            (details.reasons as Record<string, number> | undefined) ?? {},
          )
            .map(([reason, count]) => `${reason} × ${count}`)
            .join(', ')}`
        : `Reason: ${String(details.reason ?? 'unknown')}`;
    case 'credential.updated':
      return `Changed: ${Object.keys((details.changes as object | undefined) ?? {}).join(', ')}`;
    case 'credential.revoked':
      return details.reason ? `Reason: ${String(details.reason)}` : '';
    default:
      return '';
  }
}

function who(entry: AuditEntry): string {
  const actor =
    entry.actor.type === 'cli'
      ? `CLI (${entry.actor.id ?? 'operator'})`
      : (entry.actor.id ?? entry.actor.type);
  return [
    `By ${actor}`,
    entry.onBehalfOf ? `on behalf of ${entry.onBehalfOf}` : '',
    entry.sourceIp ? `from ${entry.sourceIp}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function HistoryTimeline({ clientId }: { clientId: string }) {
  const history = useCredentialHistory(clientId);
  if (history.isPending) return <Loading label="Loading the history…" />;
  if (history.error) return <ErrorAlert error={history.error} title="The history could not be loaded" />;
  const entries = history.data.pages.flatMap((page) => page.items);
  if (entries.length === 0) return <Empty>No history yet.</Empty>;
  return (
    <>
      <Timeline bulletSize={14} lineWidth={2} aria-label="History">
        {entries.map((entry) => (
          <Timeline.Item
            key={entry.position}
            color={entry.outcome === 'denied' ? 'red' : 'blue'}
            title={
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {ACTION_WORDS[entry.action]}
                </Text>
                {entry.outcome === 'denied' && (
                  <Badge color="red" size="xs">
                    denied
                  </Badge>
                )}
              </Group>
            }
          >
            <Text size="xs" c="dimmed">
              <TimeText value={entry.occurredAt} /> · {who(entry)}
            </Text>
            {summary(entry) && <Text size="sm">{summary(entry)}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
      {history.hasNextPage && (
        <Button
          mt="sm"
          variant="default"
          size="xs"
          loading={history.isFetchingNextPage}
          onClick={() => history.fetchNextPage()}
        >
          Load older entries
        </Button>
      )}
    </>
  );
}
