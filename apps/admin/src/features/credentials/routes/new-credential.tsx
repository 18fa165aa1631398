import { Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { focusFirstError } from '../../../components/focus-first-error';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api-error';
import { useCreateCredentials } from '../api/credential-mutations';
import type { NewCredential } from '../api/types';
import {
  CredentialFields,
  emptyCredential,
  type CredentialFormValues,
} from '../components/credential-fields';
import { fieldErrors } from '../components/field-errors';
import { SecretOnce } from '../components/secret-once';

/** The seed's batch limit. */
const MAX_BATCH = 10;

const toRequest = (values: CredentialFormValues): NewCredential => ({
  name: values.name,
  description: values.description,
  environment: values.environment,
  accounts: values.accounts,
  roles: values.roles,
  apis: values.apis,
  allowedIps: values.allowedIps,
  secretExpiresInDays: values.secretExpiresInDays,
});

export function NewCredentialRoute() {
  const form = useRef<HTMLFormElement>(null);
  const [items, setItems] = useState<CredentialFormValues[]>([emptyCredential()]);
  const create = useCreateCredentials();
  const violations = create.error instanceof ApiError ? create.error.violations : [];
  const batch = items.length > 1;

  if (create.data) {
    return (
      <>
        <PageHeader title="Credential created" />
        <SecretOnce
          secrets={create.data.map(({ credential, secret }) => ({
            clientId: credential.clientId,
            name: credential.name,
            clientSecret: secret.clientSecret,
            hint: secret.hint,
          }))}
        />
        <Group mt="md">
          <Button
            variant="default"
            onClick={() => {
              create.reset();
              setItems([emptyCredential()]);
            }}
          >
            Create another
          </Button>
        </Group>
      </>
    );
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    create.mutate(items.map(toRequest), { onError: () => focusFirstError(form.current) });
  }

  const update = (index: number) => (values: CredentialFormValues) =>
    setItems(items.map((item, at) => (at === index ? values : item)));

  return (
    <>
      <PageHeader title="New credential" />
      <form ref={form} onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            Create one credential, or up to {MAX_BATCH} at once (all or none). Each gets its first secret,
            shown once.
          </Text>
          {create.error && <ErrorAlert error={create.error} title="Not created" />}
          {items.map((item, index) => (
            <Fieldset key={index} legend={batch ? `Credential ${index + 1}` : 'Credential'}>
              <CredentialFields
                values={item}
                onChange={update(index)}
                errors={fieldErrors(violations, batch ? index : undefined)}
                creating
              />
              {batch && (
                <Button
                  mt="sm"
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  onClick={() => setItems(items.filter((_, at) => at !== index))}
                >
                  Remove credential {index + 1}
                </Button>
              )}
            </Fieldset>
          ))}
          <Group>
            <Button
              variant="default"
              disabled={items.length >= MAX_BATCH}
              onClick={() => setItems([...items, emptyCredential()])}
            >
              Add another credential
            </Button>
            <Button type="submit" loading={create.isPending}>
              {batch ? `Create ${items.length} credentials` : 'Create credential'}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
