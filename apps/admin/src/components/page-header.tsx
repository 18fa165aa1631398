import { Group, Title } from '@mantine/core';
import { useEffect } from 'react';

/** The page's one heading, also its document title. */
export function PageHeader({ title, children }: { title: string; children?: React.ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Keyring admin`;
  }, [title]);
  return (
    <Group justify="space-between" align="center" mb="md" wrap="wrap" gap="sm">
      <Title order={1} size="h2">
        {title}
      </Title>
      {children && <Group gap="xs">{children}</Group>}
    </Group>
  );
}
