import { Button, Group, Paper, Select, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useState } from 'react';
import { AUDIT_ACTIONS } from '../api/audit-queries';

export interface AuditFilterValues {
  account: string;
  clientId: string;
  actor: string;
  action: string;
  /** Local date-times as the picker gives them (`YYYY-MM-DD HH:mm:ss`). */
  from: string;
  to: string;
}

export const AUDIT_FILTER_NAMES: (keyof AuditFilterValues)[] = [
  'account',
  'clientId',
  'actor',
  'action',
  'from',
  'to',
];

export function AuditFilters({
  initial,
  onApply,
}: {
  initial: AuditFilterValues;
  onApply: (filters: AuditFilterValues) => void;
}) {
  const [filters, setFilters] = useState(initial);
  const set = (key: keyof AuditFilterValues) => (value: string | null) =>
    setFilters({ ...filters, [key]: value ?? '' });
  return (
    <Paper withBorder p="sm" radius="md" mb="md">
      <form
        role="search"
        aria-label="Filter the audit log"
        onSubmit={(event) => {
          event.preventDefault();
          onApply(filters);
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="Account"
            value={filters.account}
            onChange={(e) => set('account')(e.currentTarget.value)}
            w={140}
          />
          <TextInput
            label="Client ID"
            value={filters.clientId}
            onChange={(e) => set('clientId')(e.currentTarget.value)}
            w={200}
          />
          <TextInput
            label="Actor"
            value={filters.actor}
            onChange={(e) => set('actor')(e.currentTarget.value)}
            w={200}
          />
          <Select
            label="Action"
            clearable
            placeholder="Any"
            data={[...AUDIT_ACTIONS]}
            value={filters.action || null}
            onChange={set('action')}
            w={180}
          />
          <DateTimePicker
            label="From"
            clearable
            withSeconds
            valueFormat="YYYY-MM-DD HH:mm:ss"
            value={filters.from || null}
            onChange={(value) => set('from')(value)}
            w={200}
          />
          <DateTimePicker
            label="To"
            clearable
            withSeconds
            valueFormat="YYYY-MM-DD HH:mm:ss"
            value={filters.to || null}
            onChange={(value) => set('to')(value)}
            w={200}
          />
          <Button type="submit">Apply filters</Button>
          <Button
            variant="default"
            onClick={() => {
              const cleared = { account: '', clientId: '', actor: '', action: '', from: '', to: '' };
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
