import { Alert, Button, Code, CopyButton, Group, Paper, Stack, Text } from '@mantine/core';
import { RouterAnchor } from '../../../components/router-link';

export interface ShownSecret {
  readonly clientId: string;
  readonly name: string;
  readonly clientSecret: string;
  readonly hint: string;
}

function envSnippet(secret: ShownSecret): string {
  return [
    `# Keyring credential "${secret.name.replace(/[\r\n"]/g, ' ')}"`,
    `KEYRING_CLIENT_ID=${secret.clientId}`,
    `KEYRING_CLIENT_SECRET=${secret.clientSecret}`,
    `KEYRING_TOKEN_URL=${window.location.origin}/oauth2/token`,
    '',
  ].join('\n');
}

/** Saves the snippet through a Blob URL, so the secret never appears in any URL. */
function download(secret: ShownSecret): void {
  const url = URL.createObjectURL(new Blob([envSnippet(secret)], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${secret.clientId}.env`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** New secrets, shown this once: Keyring keeps only a keyed hash, and this page forgets them when left. */
export function SecretOnce({ secrets }: { secrets: readonly ShownSecret[] }) {
  return (
    <Stack>
      <Alert color="yellow" title="Copy the secret now" role="alert">
        This is the only time the secret is shown. Keyring keeps only a keyed hash of it; if you leave this
        page without saving it, generate a new one.
      </Alert>
      {secrets.map((secret) => (
        <Paper key={secret.clientId + secret.hint} withBorder p="md" radius="md">
          <Stack gap="xs">
            <Text fw={600}>
              <RouterAnchor to={`/credentials/${secret.clientId}`}>{secret.name}</RouterAnchor>
            </Text>
            <Text size="sm">
              Client ID: <Code>{secret.clientId}</Code>
            </Text>
            <Text size="sm" component="div">
              Client secret:{' '}
              <Code block data-testid="client-secret" style={{ wordBreak: 'break-all' }}>
                {secret.clientSecret}
              </Code>
            </Text>
            <Group gap="xs">
              <CopyButton value={secret.clientSecret}>
                {({ copied, copy }) => (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={copy}
                    aria-label={`Copy the secret of ${secret.name}`}
                  >
                    {copied ? 'Copied' : 'Copy secret'}
                  </Button>
                )}
              </CopyButton>
              <Button
                size="xs"
                variant="default"
                onClick={() => download(secret)}
                aria-label={`Download ${secret.name} as a .env file`}
              >
                Download .env
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
