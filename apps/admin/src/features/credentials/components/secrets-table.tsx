import { Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { TimeText } from '../../../components/time-text';
import { useDeleteSecret } from '../api/credential-mutations';
import type { Credential, Secret } from '../api/types';
import { StatusBadge } from './secret-health';

function DeleteSecretDialog({
  clientId,
  secret,
  onClose,
}: {
  clientId: string;
  secret: Secret | null;
  onClose: () => void;
}) {
  const remove = useDeleteSecret(clientId);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={secret !== null} onClose={close} title={`Delete secret ${secret?.hint ?? ''}?`} centered>
      <Stack>
        <Text size="sm">
          Deleting <strong>{secret?.hint}</strong> is permanent: it can never authenticate again, and whoever
          uses it will be refused tokens.
        </Text>
        {remove.error && <ErrorAlert error={remove.error} title="Not deleted" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => secret && remove.mutate(secret.secretId, { onSuccess: close })}
          >
            Delete secret
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function SecretsTable({ credential }: { credential: Credential }) {
  const [deleting, setDeleting] = useState<Secret | null>(null);
  const active = credential.status === 'active';
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table striped aria-label="Secrets">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Hint</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {credential.secrets.map((secret) => (
              <Table.Tr key={secret.secretId}>
                <Table.Td>
                  <code style={{ whiteSpace: 'nowrap' }}>{secret.hint}</code>
                </Table.Td>
                <Table.Td>
                  <TimeText value={secret.createdAt} />
                </Table.Td>
                <Table.Td>
                  <TimeText value={secret.expiresAt} />
                </Table.Td>
                <Table.Td>
                  <TimeText value={secret.lastUsedAt} empty="never" />
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={secret.status} />
                </Table.Td>
                <Table.Td>
                  {active && secret.status !== 'deleted' && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      aria-label={`Delete secret ${secret.hint}`}
                      onClick={() => setDeleting(secret)}
                    >
                      Delete
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <DeleteSecretDialog
        clientId={credential.clientId}
        secret={deleting}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
