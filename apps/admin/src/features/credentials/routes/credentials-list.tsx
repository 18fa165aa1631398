import { Badge, Group, Table, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { KeysetPager } from '../../../components/keyset-pager';
import { PageHeader } from '../../../components/page-header';
import { RouterAnchor, RouterButton } from '../../../components/router-link';
import { Empty, Loading } from '../../../components/states';
import { TimeText } from '../../../components/time-text';
import { useCredentialList } from '../api/credential-queries';
import type { CredentialListFilters } from '../api/types';
import { CredentialFilters, FILTER_NAMES, type ListFilters } from '../components/credential-filters';
import { SecretHealthBadges } from '../components/secret-health';

const PAGE_SIZE = 25;

function apiFilters(search: URLSearchParams): CredentialListFilters {
  const days = search.get('expiringWithinDays');
  return {
    limit: PAGE_SIZE,
    ...(search.get('account') ? { account: search.get('account')! } : {}),
    ...(search.get('environment')
      ? { environment: search.get('environment') as CredentialListFilters['environment'] }
      : {}),
    ...(search.get('status') ? { status: search.get('status') as CredentialListFilters['status'] } : {}),
    ...(days ? { expiringWithinDays: Number(days) } : {}),
    ...(search.get('cursor') ? { cursor: search.get('cursor')! } : {}),
  };
}

export function CredentialsListRoute() {
  const [search, setSearch] = useSearchParams();
  const list = useCredentialList(apiFilters(search));
  const nameFilter = (search.get('name') ?? '').toLowerCase();
  const initial = Object.fromEntries(
    FILTER_NAMES.map((name) => [name, search.get(name) ?? '']),
  ) as unknown as ListFilters;

  const apply = (filters: ListFilters) =>
    setSearch(Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== '')));
  const items = (list.data?.items ?? []).filter((item) => item.name.toLowerCase().includes(nameFilter));

  return (
    <>
      <PageHeader title="Credentials">
        <RouterButton to="/credentials/new">New credential</RouterButton>
      </PageHeader>
      <CredentialFilters key={search.toString()} initial={initial} onApply={apply} />
      {list.isPending && <Loading label="Loading credentials…" />}
      {list.error && <ErrorAlert error={list.error} title="The credentials could not be loaded" />}
      {list.data && items.length === 0 && <Empty>No credential matches these filters.</Empty>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover aria-label="Credentials">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Environment</Table.Th>
                <Table.Th>Accounts</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Secrets</Table.Th>
                <Table.Th>Active tokens</Table.Th>
                <Table.Th>Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((credential) => (
                <Table.Tr key={credential.clientId}>
                  <Table.Td>
                    <RouterAnchor to={`/credentials/${credential.clientId}`}>{credential.name}</RouterAnchor>
                  </Table.Td>
                  <Table.Td>{credential.environment}</Table.Td>
                  <Table.Td>{credential.accounts.join(', ')}</Table.Td>
                  <Table.Td>
                    <Badge color={credential.status === 'active' ? 'green' : 'gray'} variant="light">
                      {credential.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Text size="sm">
                        {credential.secrets.filter((secret) => secret.status === 'active').length} active
                      </Text>
                      <SecretHealthBadges credential={credential} />
                    </Group>
                  </Table.Td>
                  <Table.Td>{credential.activeTokenCount}</Table.Td>
                  <Table.Td>
                    <TimeText value={credential.createdAt} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <KeysetPager nextCursor={list.data?.nextCursor} />
    </>
  );
}
