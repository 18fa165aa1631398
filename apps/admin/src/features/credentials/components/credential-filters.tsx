import { Button, Group, NumberInput, Paper, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { reachesEveryAccount, useSession } from '../../../lib/session';
import { ENVIRONMENTS } from '../api/types';

export interface ListFilters {
  account: string;
  environment: string;
  status: string;
  expiringWithinDays: string;
  name: string;
}

export const FILTER_NAMES: (keyof ListFilters)[] = [
  'account',
  'environment',
  'status',
  'expiringWithinDays',
  'name',
];

export function CredentialFilters({
  initial,
  onApply,
}: {
  initial: ListFilters;
  onApply: (filters: ListFilters) => void;
}) {
  const session = useSession();
  const [filters, setFilters] = useState(initial);
  const set = (key: keyof ListFilters) => (value: string | null) =>
    setFilters({ ...filters, [key]: value ?? '' });
  const scoped = session && !reachesEveryAccount(session);
  return (
    <Paper withBorder p="sm" radius="md" mb="md">
      <form
        role="search"
        aria-label="Filter credentials"
        onSubmit={(event) => {
          event.preventDefault();
          onApply(filters);
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="Name contains"
            value={filters.name}
            onChange={(event) => set('name')(event.currentTarget.value)}
            w={180}
          />
          {scoped ? (
            <Select
              label="Account"
              clearable
              placeholder="Any"
              data={session.accounts.map(String)}
              value={filters.account || null}
              onChange={set('account')}
              w={150}
            />
          ) : (
            <TextInput
              label="Account"
              value={filters.account}
              onChange={(event) => set('account')(event.currentTarget.value)}
              w={150}
            />
          )}
          <Select
            label="Environment"
            clearable
            placeholder="Any"
            data={[...ENVIRONMENTS]}
            value={filters.environment || null}
            onChange={set('environment')}
            w={150}
          />
          <Select
            label="Status"
            clearable
            placeholder="Any"
            data={['active', 'revoked']}
            value={filters.status || null}
            onChange={set('status')}
            w={120}
          />
          <NumberInput
            label="Expiring within (days)"
            min={0}
            max={3650}
            value={filters.expiringWithinDays}
            onChange={(value) => set('expiringWithinDays')(String(value))}
            w={170}
          />
          <Button type="submit">Apply filters</Button>
          <Button
            variant="default"
            onClick={() => {
              const cleared = { account: '', environment: '', status: '', expiringWithinDays: '', name: '' };
              setFilters(cleared);
              onApply(cleared);
            }}
          >
            Clear
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
