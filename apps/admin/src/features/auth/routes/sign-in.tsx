import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { focusFirstError } from '../../../components/focus-first-error';
import { signedOutReason, useSession } from '../../../lib/session';
import { signIn } from '../api/sign-in';

/** Header values Keyring records must be short printable ASCII. */
const NAME_PATTERN = /^[\x20-\x7E]{1,200}$/;

/** Only a path inside the console, never another site. */
function returnPath(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function SignInRoute() {
  const session = useSession();
  const [search] = useSearchParams();
  const form = useRef<HTMLFormElement>(null);
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [actorName, setActorName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const expired = signedOutReason() === 'expired';

  useEffect(() => {
    document.title = 'Sign in · Keyring admin';
  }, []);

  if (session) return <Navigate to={returnPath(search.get('from'))} replace />;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!clientId.trim()) found.clientId = 'Enter the client ID of an admin credential';
    if (!clientSecret) found.clientSecret = 'Enter its client secret';
    if (!NAME_PATTERN.test(actorName.trim()))
      found.actorName = 'Enter your name (up to 200 characters, without accents), for the audit trail';
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return focusFirstError(form.current);
    setBusy(true);
    try {
      await signIn({ clientId: clientId.trim(), clientSecret, actorName: actorName.trim() });
    } catch (error) {
      setFailure(error);
    } finally {
      // The secret is not kept once used, whatever the answer.
      setClientSecret('');
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={440} component="main">
        <Stack>
          <Title order={1} size="h2">
            Sign in to Keyring
          </Title>
          <Text size="sm" c="dimmed">
            Use an admin credential. The secret is exchanged for an access token and not kept; your name is
            recorded with every change you make.
          </Text>
          {expired && (
            <Alert color="yellow" title="Your session ended" role="status">
              Sign in again to return to the page you were on.
            </Alert>
          )}
          {failure !== null && <ErrorAlert error={failure} title="Signing in failed" />}
          <form ref={form} onSubmit={submit} noValidate>
            <Stack>
              <TextInput
                label="Client ID"
                autoComplete="username"
                value={clientId}
                onChange={(event) => setClientId(event.currentTarget.value)}
                error={errors.clientId}
                required
              />
              <PasswordInput
                label="Client secret"
                autoComplete="current-password"
                value={clientSecret}
                onChange={(event) => setClientSecret(event.currentTarget.value)}
                error={errors.clientSecret}
                required
              />
              <TextInput
                label="Your name"
                description="Recorded as X-On-Behalf-Of in the audit trail"
                autoComplete="name"
                value={actorName}
                onChange={(event) => setActorName(event.currentTarget.value)}
                error={errors.actorName}
                required
              />
              <Button type="submit" loading={busy}>
                Sign in
              </Button>
            </Stack>
          </form>
        </Stack>
      </Paper>
    </Center>
  );
}
