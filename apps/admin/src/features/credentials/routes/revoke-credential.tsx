import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { RouterButton } from '../../../components/router-link';
import { Loading } from '../../../components/states';
import { useRevokeCredential } from '../api/credential-mutations';
import { useCredential } from '../api/credential-queries';

export function RevokeCredentialRoute() {
  const { clientId = '' } = useParams();
  const navigate = useNavigate();
  const credential = useCredential(clientId);
  const revoke = useRevokeCredential(clientId);
  const [typed, setTyped] = useState('');
  const name = credential.data?.name;

  return (
    <>
      <PageHeader title={name ? `Revoke ${name}` : 'Revoke credential'} />
      {credential.isPending && <Loading label="Loading the credential…" />}
      {credential.error && <ErrorAlert error={credential.error} title="The credential could not be loaded" />}
      {credential.data?.status === 'revoked' && (
        <Alert color="gray" title="Already revoked">
          This credential was revoked; nothing more can be done with it.
        </Alert>
      )}
      {credential.data?.status === 'active' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (typed === name)
              revoke.mutate(undefined, { onSuccess: () => navigate(`/credentials/${clientId}`) });
          }}
        >
          <Stack maw={560}>
            <Alert color="red" title="This cannot be undone">
              Revoking deletes the credential for good: its secrets stop working and every token it issued
              becomes invalid at once.
            </Alert>
            {revoke.error && <ErrorAlert error={revoke.error} title="Not revoked" />}
            <TextInput
              label="Type the credential's name to confirm"
              description={
                <>
                  The name is{' '}
                  <Text span fw={700} size="xs">
                    {name}
                  </Text>
                </>
              }
              autoComplete="off"
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
            />
            <Group>
              <Button type="submit" color="red" disabled={typed !== name} loading={revoke.isPending}>
                Revoke credential
              </Button>
              <RouterButton variant="default" to={`/credentials/${clientId}`}>
                Cancel
              </RouterButton>
            </Group>
          </Stack>
        </form>
      )}
    </>
  );
}
