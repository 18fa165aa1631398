import { Alert, Badge, Button, Code, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { RouterButton } from '../../../components/router-link';
import { Loading } from '../../../components/states';
import { TimeText } from '../../../components/time-text';
import { useGenerateSecret } from '../api/credential-mutations';
import { useCredential } from '../api/credential-queries';
import type { Credential } from '../api/types';
import { HistoryTimeline } from '../components/history-timeline';
import { SecretHealthBadges } from '../components/secret-health';
import { SecretOnce } from '../components/secret-once';
import { SecretsTable } from '../components/secrets-table';
import { TokensTable } from '../components/tokens-table';

const list = (values: readonly string[]) => (values.length > 0 ? values.join(', ') : 'none');

function Fields({ credential }: { credential: Credential }) {
  const rows: [string, React.ReactNode][] = [
    ['Client ID', <Code key="id">{credential.clientId}</Code>],
    ['Description', credential.description || '—'],
    ['Environment', credential.environment],
    ['Accounts', list(credential.accounts)],
    ['Roles', list(credential.roles)],
    ['APIs', list(credential.apis)],
    ['Allowed IPs', credential.allowedIps.length > 0 ? credential.allowedIps.join(', ') : 'any address'],
    ['Created', <TimeText key="c" value={credential.createdAt} />],
    ['Updated', <TimeText key="u" value={credential.updatedAt} />],
    ['Last used', <TimeText key="l" value={credential.lastUsedAt} empty="never" />],
    ['Active tokens', String(credential.activeTokenCount)],
  ];
  if (credential.revokedAt) rows.push(['Revoked', <TimeText key="r" value={credential.revokedAt} />]);
  return (
    <Table variant="vertical" layout="fixed" withTableBorder aria-label="Fields">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={140}>{label}</Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Section({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

function CredentialPage({ credential }: { credential: Credential }) {
  const generate = useGenerateSecret(credential.clientId);
  const active = credential.status === 'active';
  return (
    <Stack>
      <PageHeader title={credential.name}>
        <Badge color={active ? 'green' : 'gray'} size="lg" variant={active ? 'light' : 'filled'}>
          {credential.status}
        </Badge>
        {active && (
          <>
            <RouterButton variant="default" to={`/credentials/${credential.clientId}/edit`}>
              Edit
            </RouterButton>
            <RouterButton color="red" variant="light" to={`/credentials/${credential.clientId}/revoke`}>
              Revoke
            </RouterButton>
          </>
        )}
      </PageHeader>
      <SecretHealthBadges credential={credential} />
      {!active && (
        <Alert color="gray" title="Revoked">
          This credential was revoked: its secrets no longer work and its tokens are invalid.
        </Alert>
      )}
      <Fields credential={credential} />
      <Section
        title="Secrets"
        actions={
          active && (
            <Button size="xs" loading={generate.isPending} onClick={() => generate.mutate()}>
              Generate secret
            </Button>
          )
        }
      >
        {generate.error && <ErrorAlert error={generate.error} title="No secret generated" />}
        <SecretsTable credential={credential} />
      </Section>
      <Modal
        opened={generate.data !== undefined}
        onClose={() => generate.reset()}
        title="New secret"
        size="lg"
        closeOnClickOutside={false}
      >
        {generate.data && (
          <Stack>
            <SecretOnce
              secrets={[
                {
                  clientId: credential.clientId,
                  name: credential.name,
                  clientSecret: generate.data.clientSecret,
                  hint: generate.data.hint,
                },
              ]}
            />
            <Group justify="flex-end">
              <Button onClick={() => generate.reset()}>I have saved it</Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Section title="Live tokens">
        <TokensTable clientId={credential.clientId} />
      </Section>
      <Section title="History">
        <Text size="xs" c="dimmed" mb="sm">
          Newest first: who did what, on whose behalf and from where, and refused token requests.
        </Text>
        <HistoryTimeline clientId={credential.clientId} />
      </Section>
    </Stack>
  );
}

export function CredentialRoute() {
  const { clientId = '' } = useParams();
  const credential = useCredential(clientId);
  if (credential.isPending) return <Loading label="Loading the credential…" />;
  if (credential.error)
    return (
      <>
        <PageHeader title="Credential" />
        <ErrorAlert error={credential.error} title="The credential could not be loaded" />
      </>
    );
  return <CredentialPage credential={credential.data} />;
}
