import { Table } from '@mantine/core';
import { ErrorAlert } from '../../../components/error-alert';
import { Empty, Loading } from '../../../components/states';
import { TimeText } from '../../../components/time-text';
import { useActiveTokens } from '../api/credential-queries';

export function TokensTable({ clientId }: { clientId: string }) {
  const tokens = useActiveTokens(clientId);
  if (tokens.isPending) return <Loading label="Loading live tokens…" />;
  if (tokens.error) return <ErrorAlert error={tokens.error} title="Live tokens could not be loaded" />;
  if (tokens.data.items.length === 0) return <Empty>No live tokens.</Empty>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped aria-label="Live tokens">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Token id (jti)</Table.Th>
            <Table.Th>Issued</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Scope</Table.Th>
            <Table.Th>Source address</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.data.items.map((token) => (
            <Table.Tr key={token.jti}>
              <Table.Td>
                <code>{token.jti}</code>
              </Table.Td>
              <Table.Td>
                <TimeText value={token.issuedAt} />
              </Table.Td>
              <Table.Td>
                <TimeText value={token.expiresAt} />
              </Table.Td>
              <Table.Td>{token.scope || '—'}</Table.Td>
              <Table.Td>{token.sourceIp}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
