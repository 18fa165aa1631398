import { Badge, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { Fragment, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { KeysetPager } from '../../../components/keyset-pager';
import { PageHeader } from '../../../components/page-header';
import { RouterAnchor } from '../../../components/router-link';
import { Empty, Loading } from '../../../components/states';
import { TimeText } from '../../../components/time-text';
import {
  type AuditEntry,
  type AuditFilters as ApiFilters,
  useAuditLog,
  useAuditVerification,
} from '../api/audit-queries';
import { AUDIT_FILTER_NAMES, AuditFilters, type AuditFilterValues } from '../components/audit-filters';
import { VerificationResult } from '../components/verification-result';

const PAGE_SIZE = 50;
const PICKER_FORMAT = 'YYYY-MM-DD HH:mm:ss';
const TIMES = ['from', 'to'];

/** URLs hold instants (ISO, UTC), so a link means the same in every time zone; the pickers, local times. */
const toUrl = (name: string, value: string) => (TIMES.includes(name) ? dayjs(value).toISOString() : value);
const fromUrl = (name: string, value: string) =>
  TIMES.includes(name) && value && dayjs(value).isValid() ? dayjs(value).format(PICKER_FORMAT) : value;

function apiFilters(search: URLSearchParams): ApiFilters {
  const filters: Record<string, string | number> = { limit: PAGE_SIZE };
  for (const name of ['account', 'clientId', 'actor', 'action', 'cursor']) {
    const value = search.get(name);
    if (value) filters[name] = value;
  }
  for (const name of ['from', 'to']) {
    const value = search.get(name);
    if (value && dayjs(value).isValid()) filters[name] = dayjs(value).toISOString();
  }
  return filters as ApiFilters;
}

function EntryRow({ entry }: { entry: AuditEntry }) {
  const [open, setOpen] = useState(false);
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td>{entry.position}</Table.Td>
        <Table.Td>
          <TimeText value={entry.occurredAt} />
        </Table.Td>
        <Table.Td>
          <Group gap={4}>
            <Text size="sm">{entry.action}</Text>
            {entry.outcome === 'denied' && (
              <Badge color="red" size="xs">
                denied
              </Badge>
            )}
          </Group>
        </Table.Td>
        <Table.Td>
          <RouterAnchor to={`/credentials/${entry.clientId}`} size="sm">
            <code>{entry.clientId.slice(0, 8)}</code>
          </RouterAnchor>
        </Table.Td>
        <Table.Td>{entry.actor.id ?? entry.actor.type}</Table.Td>
        <Table.Td>{entry.onBehalfOf ?? '—'}</Table.Td>
        <Table.Td>{entry.sourceIp ?? '—'}</Table.Td>
        <Table.Td>
          <Button
            size="compact-xs"
            variant="subtle"
            aria-expanded={open}
            aria-label={`${open ? 'Hide' : 'Show'} hashes of entry ${entry.position}`}
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide' : 'Hashes'}
          </Button>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={8}>
            <Stack gap={4} style={{ overflowWrap: 'anywhere' }}>
              <Text size="xs">
                Hash: <Code>{entry.hash}</Code>
              </Text>
              <Text size="xs">
                Previous hash: <Code>{entry.prevHash}</Code>
              </Text>
              <Text size="xs">
                Request id: <Code>{entry.requestId ?? '—'}</Code> · Accounts: {entry.accounts.join(', ')}
              </Text>
              <Code block>{JSON.stringify(entry.details, null, 2)}</Code>
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

export function AuditRoute() {
  const [search, setSearch] = useSearchParams();
  const log = useAuditLog(apiFilters(search));
  const verification = useAuditVerification();
  const initial = Object.fromEntries(
    AUDIT_FILTER_NAMES.map((name) => [name, fromUrl(name, search.get(name) ?? '')]),
  ) as unknown as AuditFilterValues;

  const apply = (filters: AuditFilterValues) =>
    setSearch(
      Object.fromEntries(
        Object.entries(filters)
          .filter(([, value]) => value !== '')
          .map(([name, value]) => [name, toUrl(name, value)]),
      ),
    );
  return (
    <>
      <PageHeader title="Audit log">
        <Button variant="light" loading={verification.isFetching} onClick={() => verification.refetch()}>
          Verify chain
        </Button>
      </PageHeader>
      <Stack>
        {verification.error && <ErrorAlert error={verification.error} title="Verification failed" />}
        {verification.data && <VerificationResult result={verification.data} />}
        <AuditFilters key={search.toString()} initial={initial} onApply={apply} />
      </Stack>
      {log.isPending && <Loading label="Loading the audit log…" />}
      {log.error && <ErrorAlert error={log.error} title="The audit log could not be loaded" />}
      {log.data && log.data.items.length === 0 && <Empty>No entry matches these filters.</Empty>}
      {log.data && log.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={960}>
          <Table striped aria-label="Audit entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Position</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Client</Table.Th>
                <Table.Th>Actor</Table.Th>
                <Table.Th>On behalf of</Table.Th>
                <Table.Th>Source</Table.Th>
                <Table.Th>Details</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.items.map((entry) => (
                <EntryRow key={entry.position} entry={entry} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <KeysetPager nextCursor={log.data?.nextCursor} />
    </>
  );
}
