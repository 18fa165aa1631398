import { Alert, Text } from '@mantine/core';
import { describeError } from '../lib/api-error';

/** An API refusal in its own words, with the request id to quote to whoever runs Keyring. */
export function ErrorAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  const { message, requestId } = describeError(error);
  return (
    <Alert color="red" title={title} role="alert">
      <Text size="sm">{message}</Text>
      {requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          Request id: <code>{requestId}</code>
        </Text>
      )}
    </Alert>
  );
}
