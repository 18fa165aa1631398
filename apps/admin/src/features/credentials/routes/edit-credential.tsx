import { Button, Group, Stack } from '@mantine/core';
import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { focusFirstError } from '../../../components/focus-first-error';
import { PageHeader } from '../../../components/page-header';
import { RouterButton } from '../../../components/router-link';
import { Loading } from '../../../components/states';
import { ApiError } from '../../../lib/api-error';
import { useUpdateCredential } from '../api/credential-mutations';
import { useCredential } from '../api/credential-queries';
import type { Credential, CredentialChanges } from '../api/types';
import { CredentialFields, type CredentialFormValues } from '../components/credential-fields';
import { fieldErrors } from '../components/field-errors';

const EDITABLE = ['name', 'description', 'accounts', 'roles', 'apis', 'allowedIps'] as const;

const valuesOf = (credential: Credential): CredentialFormValues => ({
  name: credential.name,
  description: credential.description,
  environment: credential.environment,
  accounts: [...credential.accounts],
  roles: [...credential.roles],
  apis: [...credential.apis],
  allowedIps: [...credential.allowedIps],
  secretExpiresInDays: 90,
});

/** Only what changed, so the audit trail records what the person changed. */
function changesOf(before: CredentialFormValues, after: CredentialFormValues): CredentialChanges {
  const changes: Record<string, unknown> = {};
  for (const field of EDITABLE) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes[field] = after[field];
  }
  return changes as CredentialChanges;
}

function EditForm({ credential }: { credential: Credential }) {
  const navigate = useNavigate();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(() => valuesOf(credential));
  const update = useUpdateCredential(credential.clientId);
  const violations = update.error instanceof ApiError ? update.error.violations : [];

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const changes = changesOf(valuesOf(credential), values);
    if (Object.keys(changes).length === 0) return navigate(`/credentials/${credential.clientId}`);
    update.mutate(changes, {
      onSuccess: () => navigate(`/credentials/${credential.clientId}`),
      onError: () => focusFirstError(form.current),
    });
  }

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack>
        {update.error && <ErrorAlert error={update.error} title="Not saved" />}
        <CredentialFields
          values={values}
          onChange={setValues}
          errors={fieldErrors(violations)}
          creating={false}
        />
        <Group>
          <Button type="submit" loading={update.isPending}>
            Save changes
          </Button>
          <RouterButton variant="default" to={`/credentials/${credential.clientId}`}>
            Cancel
          </RouterButton>
        </Group>
      </Stack>
    </form>
  );
}

export function EditCredentialRoute() {
  const { clientId = '' } = useParams();
  const credential = useCredential(clientId);
  return (
    <>
      <PageHeader title={credential.data ? `Edit ${credential.data.name}` : 'Edit credential'} />
      {credential.isPending && <Loading label="Loading the credential…" />}
      {credential.error && <ErrorAlert error={credential.error} title="The credential could not be loaded" />}
      {credential.data && <EditForm credential={credential.data} />}
    </>
  );
}
