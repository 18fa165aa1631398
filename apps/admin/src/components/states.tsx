import { Center, Loader, Text } from '@mantine/core';

export function Loading({ label }: { label: string }) {
  return (
    <Center py="lg" role="status" aria-live="polite">
      <Loader size="sm" mr="sm" aria-hidden />
      <Text size="sm">{label}</Text>
    </Center>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return (
    <Text c="dimmed" size="sm" py="md" ta="center">
      {children}
    </Text>
  );
}
