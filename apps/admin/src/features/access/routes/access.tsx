import { Button, Code, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { focusFirstError } from '../../../components/focus-first-error';
import { PageHeader } from '../../../components/page-header';
import { RouterAnchor } from '../../../components/router-link';
import { Empty, Loading } from '../../../components/states';
import { TimeText } from '../../../components/time-text';
import { reachesEveryAccount, useSession } from '../../../lib/session';
import { useAccessAt } from '../api/access-at';

const PICKER_FORMAT = 'YYYY-MM-DD HH:mm:ss';

export function AccessRoute() {
  const session = useSession();
  const [search, setSearch] = useSearchParams();
  const form = useRef<HTMLFormElement>(null);
  const account = search.get('account') ?? '';
  const at = search.get('at') ?? '';
  const [accountInput, setAccountInput] = useState(account);
  const [atInput, setAtInput] = useState<string | null>(at ? dayjs(at).format(PICKER_FORMAT) : null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const access = useAccessAt(account, at);
  const scoped = session && !reachesEveryAccount(session);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!accountInput.trim()) found.account = 'Choose an account';
    if (!atInput || !dayjs(atInput).isValid()) found.at = 'Choose a date and time';
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstError(form.current);
    setSearch({ account: accountInput.trim(), at: dayjs(atInput).toISOString() });
  }

  return (
    <>
      <PageHeader title="Access at a time" />
      <Text size="sm" c="dimmed" mb="sm">
        The credentials and secrets that could obtain a token for an account at an instant, replayed from the
        events.
      </Text>
      <Paper withBorder p="sm" radius="md" mb="md">
        <form ref={form} onSubmit={submit} noValidate>
          <Group align="flex-start" gap="sm" wrap="wrap">
            {scoped ? (
              <Select
                label="Account"
                required
                data={session.accounts.map(String)}
                value={accountInput || null}
                onChange={(value) => setAccountInput(value ?? '')}
                error={errors.account}
                w={200}
              />
            ) : (
              <TextInput
                label="Account"
                required
                value={accountInput}
                onChange={(event) => setAccountInput(event.currentTarget.value)}
                error={errors.account}
                w={200}
              />
            )}
            <DateTimePicker
              label="At (your time zone)"
              required
              withSeconds
              valueFormat={PICKER_FORMAT}
              value={atInput}
              onChange={setAtInput}
              error={errors.at}
              w={240}
            />
            <Button type="submit" mt={25}>
              Show access
            </Button>
          </Group>
        </form>
      </Paper>
      {access.isFetching && <Loading label="Replaying the events…" />}
      {access.error && <ErrorAlert error={access.error} title="The question could not be answered" />}
      {access.data && (
        <Stack>
          <Text size="sm">
            Account <Code>{access.data.account}</Code> at <TimeText value={access.data.at} />:{' '}
            {access.data.credentials.length} credential(s) could obtain a token.
          </Text>
          {access.data.credentials.length === 0 && <Empty>No credential could obtain a token then.</Empty>}
          {access.data.credentials.length > 0 && (
            <Table.ScrollContainer minWidth={760}>
              <Table striped aria-label="Credentials with access">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Credential</Table.Th>
                    <Table.Th>Environment</Table.Th>
                    <Table.Th>Roles</Table.Th>
                    <Table.Th>APIs</Table.Th>
                    <Table.Th>Secrets valid then</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {access.data.credentials.map((credential) => (
                    <Table.Tr key={credential.clientId}>
                      <Table.Td>
                        <RouterAnchor to={`/credentials/${credential.clientId}`}>
                          {credential.name}
                        </RouterAnchor>
                      </Table.Td>
                      <Table.Td>{credential.environment}</Table.Td>
                      <Table.Td>{credential.roles.join(', ')}</Table.Td>
                      <Table.Td>{credential.apis.join(', ') || '—'}</Table.Td>
                      <Table.Td>
                        {credential.secrets.map((secret) => (
                          <Text size="xs" key={secret.secretId}>
                            <code>{secret.hint}</code> (created <TimeText value={secret.createdAt} />, expires{' '}
                            <TimeText value={secret.expiresAt} />)
                          </Text>
                        ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </>
  );
}
